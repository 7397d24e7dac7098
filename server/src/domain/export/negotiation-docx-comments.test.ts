import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { wordCommentParts } from './docx-comments';
import { docxPart } from './readers';

describe('Word comments of a DOCX export', () => {
  it('[NB13] a comment thread keeps its replies, threaded under it, with each author', async () => {
    const parts = wordCommentParts([
      {
        id: 0,
        author: 'Chile',
        date: '2026-12-04T10:00:00.000Z',
        text: 'Bracketed text proposed by Chile, Peru.',
      },
      {
        id: 1,
        author: 'Peru',
        date: '2026-12-04T10:05:00.000Z',
        text: 'Could we say “urge”?',
        resolved: true,
        replies: [{ id: 2, author: 'Belize', date: '2026-12-04T10:06:00.000Z', text: 'Agreed.' }],
      },
    ]);
    expect(parts.map((p) => [p.id, p.author, p.parentId])).toEqual([
      [0, 'Chile', undefined],
      [1, 'Peru', undefined],
      [2, 'Belize', 1],
    ]);
    const docx = await Packer.toBuffer(
      new Document({
        comments: { children: parts },
        sections: [{ children: [new Paragraph('Text')] }],
      }),
    );
    const comments = await docxPart(docx, 'word/comments.xml');
    expect(comments).toContain('w:author="Belize"');
    expect(comments).toContain('Bracketed text proposed by Chile, Peru.');
    // Word threads a reply through commentsExtended.xml: its parent's paragraph id.
    const extended = await docxPart(docx, 'word/commentsExtended.xml');
    expect(extended).toMatch(/w15:paraIdParent="[0-9A-F]{8}"/);
    expect(extended).toMatch(/w15:done="1"/);
  });
});
