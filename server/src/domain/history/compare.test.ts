import { describe, expect, it } from 'vitest';
import { compareParagraphs } from './compare';
import type { ParagraphSnapshot } from './paragraphs';

/** A paragraph of one version: its id, its Yjs element, its text (one run from client 1). */
function p(key: string, element: string, text: string, type = 'operative'): ParagraphSnapshot {
  return {
    key,
    element,
    type,
    attrs: { id: key },
    text,
    runs: [[1, 0, text.length]],
    runStarts: [0],
  };
}

const noAuthors = { inserted: () => undefined, deleted: () => undefined };
const name = (author: string | undefined) => ({
  participant: author ?? 'unknown',
  delegation: author ?? 'Unknown',
});

function compare(from: ParagraphSnapshot[], to: ParagraphSnapshot[]) {
  return compareParagraphs({
    fromId: 'v1',
    toId: 'v2',
    from,
    to,
    style: 'oas',
    authors: noAuthors,
    name,
  });
}

describe('paragraph matching', () => {
  it('[C1] moving paragraph 5 above 3 moves 5, even when the editor re-created 3 and 4', () => {
    const before = ['1', '2', '3', '4', '5', '6'].map((k) => p(`op${k}`, `e${k}`, `Text ${k};`));
    const after = [
      before[0]!,
      before[1]!,
      before[4]!,
      p('op3', 'e3b', 'Text 3;'),
      p('op4', 'e4b', 'Text 4;'),
      before[5]!,
    ];
    const result = compare(before, after);
    expect(result.paragraphs.filter((x) => x.change === 'moved').map((x) => x.paragraphId)).toEqual(
      ['op5'],
    );
    // Renumbering alone is not a change.
    const three = result.paragraphs.find((x) => x.paragraphId === 'op3')!;
    expect(three).toMatchObject({ change: 'unchanged', number: { from: '3', to: '4' } });
  });

  it('[C2] of two swapped paragraphs, the re-created one moved', () => {
    const x = p('opx', 'ex', 'First;');
    const y = p('opy', 'ey', 'Second;');
    const result = compare([x, y], [p('opy', 'ey2', 'Second;'), x]);
    expect(result.paragraphs.map((q) => [q.paragraphId, q.change])).toEqual([
      ['opy', 'moved'],
      ['opx', 'unchanged'],
    ]);
  });

  it('[C3] deleted paragraphs stay where they stood, inserted ones where they are', () => {
    const a = p('opa', 'ea', 'A;');
    const b = p('opb', 'eb', 'B;');
    const c = p('opc', 'ec', 'C;');
    const n = p('opn', 'en', 'New;');
    const result = compare([a, b, c], [a, n, c]);
    expect(result.paragraphs.map((q) => [q.paragraphId, q.change])).toEqual([
      ['opa', 'unchanged'],
      ['opb', 'deleted'],
      ['opn', 'inserted'],
      ['opc', 'unchanged'],
    ]);
    expect(result.paragraphs[1]!.spans).toEqual([
      expect.objectContaining({ kind: 'delete', text: 'B;' }),
    ]);
  });
});
