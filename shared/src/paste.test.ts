import { describe, expect, it } from 'vitest';
import { nodeText } from './content';
import { textToBlocks } from './paste';

describe('textToBlocks (paste)', () => {
  it('turns numbered lines into operative paragraphs and letters into sub-paragraphs', () => {
    const blocks = textToBlocks(
      '3. To instruct the General Secretariat to support efforts by:\n\na. Strengthening the institutional framework;\nb. Promoting the use of ICTs;\n4. To request CIDI to report.',
      'oas',
    );
    expect(blocks.map((b) => b.type)).toEqual([
      'operative',
      'subparagraph',
      'subparagraph',
      'operative',
    ]);
    expect(nodeText(blocks[0] ?? { type: 'x' })).toBe(
      'To instruct the General Secretariat to support efforts by:',
    );
  });

  it('gives every pasted paragraph a fresh id, even when the same text is pasted twice', () => {
    const first = textToBlocks('1. To urge member states;\n2. To request the Secretariat;', 'oas');
    const second = textToBlocks('1. To urge member states;\n2. To request the Secretariat;', 'oas');
    const ids = [...first, ...second].map((b) => b.attrs?.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('takes no title from a paste: an unnumbered "To urge" is operative, a lead word preambular', () => {
    const blocks = textToBlocks(
      'CONSIDERING that MSMEs create jobs;\n\nTo urge member states to support them;',
      'oas',
    );
    expect(blocks.map((b) => b.type)).toEqual(['preambular', 'operative']);
  });

  it('follows the document style for UN lead words, in italics', () => {
    const [block] = textToBlocks('1. Requests the Secretary-General to report;', 'un');
    expect(block?.content?.[0]).toEqual({
      type: 'text',
      text: 'Requests',
      marks: [{ type: 'italic' }],
    });
  });

  it('gives plain paragraphs for plain text and nothing for blank text', () => {
    expect(textToBlocks('see you at lunch', 'oas').map((b) => b.type)).toEqual(['paragraph']);
    expect(textToBlocks('  \n\n ', 'oas')).toEqual([]);
  });
});
