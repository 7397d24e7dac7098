import * as Y from 'yjs';
import { BODY_FIELD, readProposal } from '@accord/shared';

/**
 * Decides a proposal in a live document, as one Yjs transaction: `keep` leaves its words in the
 * text without the mark (an accepted insertion, a rejected deletion), `remove` deletes them (an
 * accepted deletion, a rejected insertion). A paragraph whose whole text was the proposal's and
 * is removed goes with it (a new paragraph proposed whole, then rejected), unless it is the last.
 * Returns how many characters were decided (0: no such proposal).
 */
export function applyDecision(doc: Y.Doc, proposalId: string, outcome: 'keep' | 'remove'): number {
  const body = doc.getXmlFragment(BODY_FIELD);
  let decided = 0;
  doc.transact(() => {
    const emptied: Y.XmlElement[] = [];
    for (const block of body.toArray()) {
      if (!(block instanceof Y.XmlElement)) continue;
      let whole = true;
      let touched = false;
      for (const child of block.toArray()) {
        if (!(child instanceof Y.XmlText)) continue;
        const runs: { index: number; length: number }[] = [];
        let index = 0;
        for (const op of child.toDelta() as {
          insert: unknown;
          attributes?: Record<string, unknown>;
        }[]) {
          const length = typeof op.insert === 'string' ? op.insert.length : 1;
          if (readProposal(op.attributes?.proposal)?.id === proposalId) {
            runs.push({ index, length });
          } else if (length > 0) whole = false;
          index += length;
        }
        // Back to front, so earlier indices stay valid.
        for (const run of runs.reverse()) {
          if (outcome === 'keep') child.format(run.index, run.length, { proposal: null });
          else child.delete(run.index, run.length);
          decided += run.length;
          touched = true;
        }
      }
      if (touched && whole && outcome === 'remove') emptied.push(block);
    }
    for (const block of emptied) {
      if (body.length <= 1) break;
      const at = body.toArray().indexOf(block);
      if (at >= 0) body.delete(at, 1);
    }
  });
  return decided;
}
