/**
 * Escapes text for HTML element content and for attribute values (double- or single-quoted):
 * `&`, `<`, `>`, `"` and `'` become character references, and control characters other than
 * tab and newline are dropped (they are not allowed in HTML text). Every string that reaches an
 * HTML report from a user, a config file or a data file goes through this function.
 *
 * @example escapeHtml(`<b title="x">Tom & Jerry's</b>`)
 * // "&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 34) rep = '&quot;';
    else if (c === 39) rep = '&#39;';
    else if ((c < 32 && c !== 9 && c !== 10) || c === 127) rep = '';
    if (rep === undefined) continue;
    out += text.slice(start, i) + rep;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}
