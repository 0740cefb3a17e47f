import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml } from '../../reports/escape.ts';

/** A naive, independent inverse: the five references back to characters. */
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

describe('escapeHtml', () => {
  it('replaces the five special characters (worked by hand)', () => {
    expect(escapeHtml(`<b title="x">Tom & Jerry's</b>`)).toBe('&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves plain text and non-ASCII alone', () => {
    expect(escapeHtml('Q1: easing, 美元 −3% → ok')).toBe('Q1: easing, 美元 −3% → ok');
  });

  it('drops control characters other than tab and newline', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne\u007f')).toBe('abc\td\ne');
  });

  it('never lets markup through, and unescaping gives the input back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        // Every & in the output starts one of the five references.
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        const clean = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        expect(unescape(out)).toBe(clean);
      }),
    );
  });
});
