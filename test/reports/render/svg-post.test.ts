import { describe, expect, it } from 'vitest';
import { ariaToTitles, prefixIds, removeHoverGroups, roundGeometry, stripAriaAttributes, svgSize } from '../../../reports/render/svg-post.ts';

describe('svg post-processing', () => {
  it('moves aria-label of self-closing items into a <title> (worked by hand)', () => {
    const svg =
      '<g class="c" aria-label="container"><path aria-label="a &lt;b&gt;&#xA;c" role="graphics-symbol" aria-roledescription="rect mark" d="M0,0h1v1Z" fill="#000"/></g>';
    expect(ariaToTitles(svg)).toBe('<g class="c" aria-label="container"><path d="M0,0h1v1Z" fill="#000"><title>a &lt;b&gt;&#xA;c</title></path></g>');
  });

  it('prefixes ids and every reference to them', () => {
    const svg = '<defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g>';
    expect(prefixIds(svg, 'c-x')).toBe('<defs><clipPath id="c-x-1"><rect/></clipPath></defs><g clip-path="url(#c-x-1)"><use href="#c-x-1"/></g>');
    // Numbered in order of appearance, whatever Vega's counters said.
    expect(prefixIds('<a id="gradient_7"/><b id="clip3"/><c fill="url(#clip3)"/>', 'p')).toBe('<a id="p-1"/><b id="p-2"/><c fill="url(#p-2)"/>');
  });

  it('removes hover groups and nothing else', () => {
    const svg =
      '<g class="mark-line role-mark a"><path d="M0,0"/></g><g class="mark-rect role-mark hover_marks" role="graphics-object"><path aria-label="x" d="M0,0h1"/><path aria-label="y" d="M1,0h1"/></g><g class="mark-text"/>';
    expect(removeHoverGroups(svg)).toBe('<g class="mark-line role-mark a"><path d="M0,0"/></g><g class="mark-text"/>');
  });

  it('strips ARIA attributes for the PDF', () => {
    expect(stripAriaAttributes('<path aria-label="x" role="graphics-symbol" aria-hidden="true" d="M0"/>')).toBe('<path d="M0"/>');
  });

  it('cuts geometry to two decimals but leaves other attributes and text alone', () => {
    expect(roundGeometry('<path d="M1.23456,7.891L3,4.5" fill="#123456"/><text x="1.005">3.14159</text>')).toBe(
      '<path d="M1.23,7.89L3,4.5" fill="#123456"/><text x="1.00">3.14159</text>',
    );
  });

  it('reads the root size', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="732" height="318.5" viewBox="0 0 732 318.5">')).toEqual({
      width: 732,
      height: 318.5,
    });
    expect(() => svgSize('<g/>')).toThrow(/not a Vega SVG/);
  });
});
