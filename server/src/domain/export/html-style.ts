/**
 * The stylesheet embedded in HTML exports: an A4 page on screen, the OAS layout (hanging
 * indents for the operative part), and a print stylesheet that keeps revisions legible in black
 * and white (underline and strike-through, not colour alone).
 */

/** A colour per delegation, in order of first appearance; repeats after eight. */
const PALETTE = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
];

export const BASE_CSS = `
.annex-heading { break-before: page; text-align: center; font-weight: bold; }
:root { color-scheme: light; }
body { margin: 0; background: #e5e7eb; font: 12pt/1.45 "Times New Roman", Tinos, "Liberation Serif", Times, serif; color: #111; }
.draft { box-sizing: border-box; max-width: 210mm; min-height: 297mm; margin: 1.5rem auto;
  padding: 25mm; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 20%); }
.doc-header { display: flex; justify-content: space-between; gap: 2rem; margin-bottom: 2rem; }
.doc-header p { margin: 0; }
.doc-header .references { text-align: right; }
.title { font-size: 12pt; font-weight: bold; text-align: center; margin: 1.5em 0; }
.organ, .lead-heading { margin: 1.2em 0; page-break-after: avoid; }
p.block { margin: 0 0 1em; text-align: justify; }
.preambular { text-indent: 0.5in; }
.operative { padding-left: 0.5in; text-indent: -0.5in; }
.subparagraph.level-1 { padding-left: 1in; text-indent: -0.5in; }
.subparagraph.level-2 { padding-left: 1.5in; text-indent: -0.5in; }
.num { display: inline-block; min-width: 0.5in; text-indent: 0; }
.bracket-note { font-size: 0.75em; vertical-align: super; line-height: 0; }
.bracket-note a { color: inherit; text-decoration: none; }
[data-status="ad_ref"] { border-left: 3px solid #d97706; margin-left: -8px; padding-left: 5px; }
[data-status="agreed"] { border-left: 3px solid #16a34a; margin-left: -8px; padding-left: 5px; }
.operative[data-status="ad_ref"], .operative[data-status="agreed"] { padding-left: calc(0.5in + 5px); }
ins { text-decoration: underline; }
del { text-decoration: line-through; }
ins, del { text-decoration-thickness: 1px; }
.block-deleted, .block-moved_away { opacity: 0.8; }
.move-note { display: block; font-size: 0.8em; font-style: italic; color: #555; text-indent: 0; }
.notes, .legend { margin-top: 2rem; border-top: 1px solid #999; font-size: 0.9em; }
.notes h2, .legend h2 { font-size: 1em; }
.legend ul { list-style: none; padding: 0; }
@page { size: A4; margin: 25mm; @bottom-center { content: counter(page); } }
@media print {
  body { background: none; }
  .draft { margin: 0; padding: 0; max-width: none; min-height: 0; box-shadow: none; }
  ins, del { color: #000 !important; }
  [data-status] { border-left: none; margin-left: 0; padding-left: 0; }
  .operative[data-status] { padding-left: 0.5in; }
  .notes, .legend { break-inside: avoid; }
}
`;

/** Colour rules for each delegation's revision class. */
export function delegationCss(classes: { className: string }[]): string {
  return classes
    .map(({ className }, i) => `.${className} { color: ${PALETTE[i % PALETTE.length] ?? '#000'}; }`)
    .join('\n');
}
