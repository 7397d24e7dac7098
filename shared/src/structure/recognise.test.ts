import { describe, expect, it } from 'vitest';
import { nodeText, type NodeJSON } from '../content';
import { draftToText } from '../text';
import { recogniseDraft } from './recognise';

const counter = () => {
  let n = 0;
  return () => `p${++n}`;
};
const recognise = (text: string, markdown = false) =>
  recogniseDraft(text, { markdown, newId: counter() });
const types = (blocks: NodeJSON[]) => blocks.map((b) => b.type);
const texts = (blocks: NodeJSON[]) => blocks.map(nodeText);

describe('recogniseDraft', () => {
  it('reads a text pasted from Word, one paragraph per line without blank lines', () => {
    const { blocks, style } = recognise(
      'THE GENERAL ASSEMBLY,\nCONSIDERING:\nThat the Strategic Plan calls for coordinating efforts;\nThat MSMEs create jobs;\nRESOLVES:\n1. To urge member states;\n2. To request the General Secretariat to report.',
    );
    expect(types(blocks)).toEqual([
      'organ',
      'leadHeading',
      'preambular',
      'preambular',
      'leadHeading',
      'operative',
      'operative',
    ]);
    expect(style).toBe('oas');
  });

  it('joins hard-wrapped lines and undoes hyphenation, keeping real compounds', () => {
    const { blocks } = recognise(
      'RESOLVES:\n\n1. To urge member states to strengthen micro, small, and medium-\nsized enterprises and their develop-\nment, and the medium-sized firms;',
    );
    expect(nodeText(blocks[1] ?? { type: 'x' })).toBe(
      'To urge member states to strengthen micro, small, and medium-sized enterprises and their development, and the medium-sized firms;',
    );
  });

  it('tells letters from roman numerals: "i." after "h." is a letter, "(i)" after "(a)" a second level', () => {
    const letters = 'abcdefghij'
      .split('')
      .map((l) => `${l}. item ${l};`)
      .join('\n');
    const oas = recognise(`RESOLVES:\n1. To list:\n${letters}`);
    expect(oas.blocks.filter((b) => b.type === 'subparagraph').map((b) => b.attrs?.level)).toEqual(
      Array(10).fill(1),
    );
    const un = recognise(
      '1. Decides:\n(a) first;\n(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n(v) five;\n(b) second;',
    );
    expect(un.blocks.filter((b) => b.type === 'subparagraph').map((b) => b.attrs?.level)).toEqual([
      1, 2, 2, 2, 2, 2, 1,
    ]);
    expect(draftToText({ type: 'doc', content: un.blocks }, 'un')).toContain(
      '        (v) five;\n\n    (b) second;',
    );
  });

  it('marks "2 bis." as an alternative to paragraph 2', () => {
    const { blocks, warnings } = recognise(
      '1. To urge;\n2. To request;\n2 bis. To request instead;\n3. To instruct.',
    );
    expect(blocks.map((b) => b.attrs?.alternative)).toEqual([false, false, true, false]);
    expect(draftToText({ type: 'doc', content: blocks }, 'oas')).toContain(
      '2 bis. To request instead;',
    );
    expect(warnings).toEqual([]);
  });

  it('says so when the source numbers operative paragraphs out of order', () => {
    const { warnings } = recognise('1. To urge;\n3. To request;\n4. To instruct.');
    expect(warnings.join(' ')).toMatch(/not numbered in order.*1 → 3/);
  });

  it('brackets negotiated text, but not an insertion inside a quotation', () => {
    const { blocks } = recognise(
      'RESOLVES:\n1. To urge member states [and observers] to recall “[to] promote” growth;',
    );
    const operative = blocks[1];
    const bracketed = (operative?.content ?? []).filter((n) =>
      n.marks?.some((m) => m.type === 'bracket'),
    );
    expect(bracketed.map((n) => n.text)).toEqual(['and observers']);
    expect(draftToText({ type: 'doc', content: blocks }, 'oas')).toContain(
      '1. To urge member states [and observers] to recall “[to] promote” growth;',
    );
  });

  it('turns a UN "Decides" paragraph without a number into an operative paragraph', () => {
    const { blocks, style } = recognise(
      'The Security Council,\n\nRecalling its previous resolutions,\n\nDecides to remain seized of the matter.',
    );
    expect(types(blocks)).toEqual(['organ', 'preambular', 'operative']);
    expect(style).toBe('un');
  });

  it('cleans exotic spaces, ligatures and soft hyphens, and keeps curly quotes', () => {
    const { blocks } = recognise(
      'RESOLVES:\n1.\u00a0To\u2003ﬁnance the “initiatives” of micro\u00adenterprises;',
    );
    expect(texts(blocks)[1]).toBe('To finance the “initiatives” of microenterprises;');
  });

  it('reads text without structure as plain paragraphs and says so', () => {
    const { blocks, warnings, structured } = recognise(
      'Dear colleagues,\n\nPlease find attached the agenda.',
    );
    expect(types(blocks)).toEqual(['paragraph', 'paragraph']);
    expect(structured).toBe(false);
    expect(warnings).toHaveLength(1);
  });
});
