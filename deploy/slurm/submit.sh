#!/bin/bash
# Submits a Quadrant sweep to Slurm: a job array of N shards, then a merge that waits for all
# of them (afterok). Prints the two job ids. The shard directory must be on a file system every
# node sees.
#
#   DATA=/shared/datasets deploy/slurm/submit.sh GRID OUT_DIR [N] [sbatch options for the merge...]
#
# e.g. DATA=$PWD/../shared/datasets deploy/slurm/submit.sh strategies/robustness/example-grid.json $PWD/sweep-out 4
# then: squeue; cat sweep-out/sweep.txt
# Extra arguments go to the merge's sbatch (`--wait` blocks until the merge has finished).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
GRID=$(realpath "${1:?usage: submit.sh GRID OUT_DIR [N]}")
OUT=$(realpath -m "${2:?usage: submit.sh GRID OUT_DIR [N]}")
N=${3:-4}
shift $(( $# < 3 ? $# : 3 ))
: "${DATA:?DATA: the snapshot directory, seen by every node}"
export GRID OUT N DATA="$(realpath "$DATA")"
mkdir -p "$OUT"
array=$(sbatch --parsable --array=0-$((N - 1)) --chdir="$OUT" "$here/sweep-shard.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"${array%%;*}" --kill-on-invalid-dep=yes --chdir="$OUT" "$@" "$here/sweep-merge.sbatch")
echo "array ${array%%;*} (${N} shards), merge ${merge%%;*}"
