import type * as Y from 'yjs';
import {
  readProposal,
  supportKey,
  type NodeJSON,
  type ProposalAttributes,
  type ProposalInfo,
} from '@accord/shared';

/**
 * The open proposals of a body, read from its ProseMirror JSON: every run of text under a
 * `proposal` mark, grouped by the mark's id (one proposal may span paragraphs), in document
 * order. A proposal's delegations are its mark's, then its supporters' from the
 * `proposalSupport` side table, each once.
 */
export function proposalsOf(
  content: NodeJSON,
  supporters: ReadonlyMap<string, readonly string[]> = new Map(),
): ProposalInfo[] {
  const found = new Map<string, { info: ProposalInfo; pieces: string[] }>();
  for (const block of content.content ?? []) {
    const paragraphId = typeof block.attrs?.id === 'string' ? block.attrs.id : null;
    let previous: string | null = null;
    for (const text of block.content ?? []) {
      const mark = text.marks?.find((m) => m.type === 'proposal');
      const proposal = mark ? readProposal(mark.attrs) : null;
      if (!proposal || !text.text) {
        previous = null;
        continue;
      }
      let entry = found.get(proposal.id);
      if (!entry) {
        entry = {
          info: present(proposal, paragraphId, supporters.get(proposal.id) ?? []),
          pieces: [],
        };
        found.set(proposal.id, entry);
      } else if (!entry.info.paragraphIds.includes(paragraphId)) {
        entry.info.paragraphIds.push(paragraphId);
      }
      // Runs of one proposal split by other marks join up; across paragraphs a line break.
      if (previous === proposal.id) entry.pieces[entry.pieces.length - 1] += text.text;
      else entry.pieces.push(text.text);
      previous = proposal.id;
    }
  }
  return [...found.values()].map(({ info, pieces }) => ({ ...info, text: pieces.join('\n') }));
}

function present(
  proposal: ProposalAttributes,
  paragraphId: string | null,
  supporters: readonly string[],
): ProposalInfo {
  return {
    id: proposal.id,
    kind: proposal.kind,
    text: '',
    paragraphId,
    delegations: [...new Set([...proposal.delegations, ...supporters])],
    status: 'open',
    paragraphIds: [paragraphId],
    participant: proposal.participant,
  };
}

/** Supporting delegations by proposal id, from the `proposalSupport` side table. */
export function supportersOf(doc: Y.Doc): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [key, value] of doc.getMap<unknown>('proposalSupport').entries()) {
    if (value !== true) continue;
    const colon = key.lastIndexOf(':');
    if (colon <= 0) continue;
    const id = key.slice(0, colon);
    const list = result.get(id) ?? [];
    list.push(key.slice(colon + 1));
    result.set(id, list);
  }
  return result;
}

export { supportKey };
