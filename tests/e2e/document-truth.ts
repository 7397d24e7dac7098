import type { AccordApi } from './accord-api';

/** A node of the document's ProseMirror JSON, as `GET /api/documents/:id/content` gives it. */
export interface ContentNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ContentNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** What the chair's dashboard should say, worked out from the server's copy of the document. */
export interface DocumentTruth {
  byStatus: Record<'pending' | 'ad_ref' | 'agreed', number>;
  brackets: number;
  bracketsByDelegation: Record<string, number>;
  openComments: number;
  openProposals: number;
}

async function get<T>(accord: AccordApi, path: string): Promise<T> {
  const response = await fetch(`${accord.baseUrl}/api${path}`, {
    headers: { Authorization: `Bearer ${accord.adminToken}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function content(accord: AccordApi, documentId: string): Promise<ContentNode> {
  return get(accord, `/documents/${documentId}/content?format=json`);
}

/**
 * The counts a reader of the document would make: paragraphs by their `status`; brackets as
 * each run of adjacent text under one and the same `bracket` mark within a paragraph (the
 * CONTRACT's mark, its `delegations` the holders); comment threads not resolved (replies are
 * part of their thread); proposals as the distinct ids of `proposal` marks (PROTOCOL.md).
 */
export async function documentTruth(accord: AccordApi, documentId: string): Promise<DocumentTruth> {
  const doc = await content(accord, documentId);
  const truth: DocumentTruth = {
    byStatus: { pending: 0, ad_ref: 0, agreed: 0 },
    brackets: 0,
    bracketsByDelegation: {},
    openComments: 0,
    openProposals: 0,
  };
  const proposals = new Set<unknown>();
  for (const block of doc.content ?? []) {
    const status = block.attrs?.status;
    if (status === 'pending' || status === 'ad_ref' || status === 'agreed')
      truth.byStatus[status] += 1;
    let previous: string | null = null;
    for (const child of block.content ?? []) {
      const bracket = child.marks?.find((mark) => mark.type === 'bracket');
      const key = bracket ? JSON.stringify(bracket.attrs ?? {}) : null;
      if (bracket && key !== previous) {
        truth.brackets += 1;
        const holders = bracket.attrs?.delegations;
        for (const holder of Array.isArray(holders) ? holders : []) {
          const name = String(holder);
          truth.bracketsByDelegation[name] = (truth.bracketsByDelegation[name] ?? 0) + 1;
        }
      }
      previous = key;
      const proposal = child.marks?.find((mark) => mark.type === 'proposal');
      if (proposal) proposals.add(proposal.attrs?.id);
    }
  }
  const comments = await get<{ resolved: boolean }[]>(accord, `/documents/${documentId}/comments`);
  truth.openProposals = proposals.size;
  truth.openComments = comments.filter((comment) => !comment.resolved).length;
  return truth;
}

/** The `id` of the first top-level paragraph whose text contains `words`. */
export function paragraphId(doc: ContentNode, words: string): string {
  const textOf = (node: ContentNode): string =>
    node.text ?? (node.content ?? []).map(textOf).join('');
  const found = (doc.content ?? []).find((block) => textOf(block).includes(words));
  const id = found?.attrs?.id;
  if (typeof id !== 'string') throw new Error(`no paragraph holds “${words}”`);
  return id;
}
