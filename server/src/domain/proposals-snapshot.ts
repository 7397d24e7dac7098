import * as Y from 'yjs';
import { BODY_FIELD, readProposal } from '@accord/shared';
import type { DecidedParagraph, TextRun } from '../storage/proposal-decision-record';

/**
 * The paragraphs a decision on proposals touches, as they were before it and after it, so
 * that the decision can be undone exactly (marks, words, paragraphs proposed whole) and only
 * while nobody has changed those paragraphs since. Read from the document the decision is
 * applied to, inside the same change, so nothing can come between the reading and the act.
 */
export class DecisionSnapshot {
  /** By paragraph id (`#<index>` for a block without one), in the order first touched. */
  private readonly paragraphs = new Map<string, DecidedParagraph>();

  /** Records the paragraphs holding a piece of `proposalId`, as they are now (first time only). */
  before(doc: Y.Doc, proposalId: string): void {
    const blocks = doc.getXmlFragment(BODY_FIELD).toArray();
    blocks.forEach((block, index) => {
      if (!(block instanceof Y.XmlElement)) return;
      const key = idOf(block) ?? `#${index}`;
      if (this.paragraphs.has(key)) return;
      const texts = textsOf(block);
      const holds = texts.some((runs) =>
        runs.some((run) => readProposal(run.attributes?.proposal)?.id === proposalId),
      );
      if (!holds) return;
      const previous = index > 0 ? blocks[index - 1] : undefined;
      this.paragraphs.set(key, {
        id: idOf(block),
        index,
        name: block.nodeName,
        attributes: { ...(block.getAttributes() as Record<string, unknown>) },
        previousId: previous instanceof Y.XmlElement ? idOf(previous) : null,
        before: texts,
        after: texts,
      });
    });
  }

  /** Records how the touched paragraphs are after (a step of) the decision; gone: null. */
  settle(doc: Y.Doc): void {
    const blocks = doc.getXmlFragment(BODY_FIELD).toArray();
    for (const paragraph of this.paragraphs.values()) {
      const block =
        paragraph.id !== null
          ? blocks.find((b) => b instanceof Y.XmlElement && idOf(b) === paragraph.id)
          : blocks[paragraph.index];
      paragraph.after = block instanceof Y.XmlElement ? textsOf(block) : null;
    }
  }

  /** The touched paragraphs, in document order. */
  get result(): DecidedParagraph[] {
    return [...this.paragraphs.values()].sort((a, b) => a.index - b.index);
  }
}

/** The runs of every text of a paragraph, in order. */
export function textsOf(block: Y.XmlElement): TextRun[][] {
  return block
    .toArray()
    .filter((child): child is Y.XmlText => child instanceof Y.XmlText)
    .map((text) => text.toDelta() as TextRun[]);
}

export function idOf(block: Y.XmlElement): string | null {
  const id = block.getAttribute('id') as unknown;
  return typeof id === 'string' ? id : null;
}
