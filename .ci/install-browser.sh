#!/usr/bin/env bash
# Installs what the report tests need from Debian when it is missing: Chromium (opens the HTML
# report headless) and poppler-utils (pdftoppm, pdftotext, pdfinfo read the PDF report).
# Safe to run again: does nothing when both are present. Needs root (or sudo) to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
for bin in pdftoppm pdftotext pdfinfo; do
  command -v "$bin" >/dev/null 2>&1 || { missing+=(poppler-utils); break; }
done
# Helvetica-compatible fonts, so the HTML charts measure as laid out (Arial/Liberation Sans metrics).
# (grep reads the whole list: with pipefail, grep -q's early exit would fail fc-list on SIGPIPE)
fc-list : family 2>/dev/null | grep -i 'Liberation Sans' >/dev/null || missing+=(fonts-liberation)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-browser: chromium and poppler-utils already present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "install-browser: need root to install ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get here; install ${missing[*]} by hand (the report tests skip without them)" >&2
  exit 1
fi
echo "install-browser: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
chromium --version 2>/dev/null || chromium-browser --version
# sed reads every line pdftoppm writes; head -1 would close the pipe early and, under pipefail,
# end CI with pdftoppm's SIGPIPE (exit 141).
pdftoppm -v 2>&1 | sed -n 1p
