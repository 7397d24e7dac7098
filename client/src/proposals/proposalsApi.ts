import type { DocumentInfo } from '@accord/shared/api';
import type { DraftingMode, ProposalInfo } from '@accord/shared/proposals';
import { apiRequest } from '../api/client';

const enc = encodeURIComponent;

/** A decided proposal: `decision` is the id its decision is undone by. */
export type DecidedProposal = ProposalInfo & { decision: string };

/** One paragraph's own drafting mode (null: it follows the document's). */
export interface ParagraphModeInfo {
  paragraphId: string;
  mode: DraftingMode | null;
  inForce: DraftingMode;
}

/** The proposals endpoints (README "Proposals and drafting modes"). */
export const proposalsApi = {
  setMode: (documentId: string, mode: DraftingMode) =>
    apiRequest<DocumentInfo>(`/documents/${enc(documentId)}/mode`, {
      method: 'PUT',
      body: { mode },
    }),
  decide: (documentId: string, proposalId: string, decision: 'accept' | 'reject') =>
    apiRequest<DecidedProposal>(
      `/documents/${enc(documentId)}/proposals/${enc(proposalId)}/${decision}`,
      { method: 'POST' },
    ),
  decideAll: (
    documentId: string,
    filter: { delegation?: string; paragraphId?: string },
    decision: 'accept' | 'reject',
  ) =>
    apiRequest<DecidedProposal[]>(`/documents/${enc(documentId)}/proposals/${decision}`, {
      method: 'POST',
      body: filter,
    }),
  undoDecision: (documentId: string, decision: string) =>
    apiRequest<{ decision: string; proposals: ProposalInfo[] }>(
      `/documents/${enc(documentId)}/proposals/decisions/${enc(decision)}/undo`,
      { method: 'POST' },
    ),
  setParagraphMode: (documentId: string, paragraphId: string, mode: DraftingMode | null) =>
    apiRequest<ParagraphModeInfo>(
      `/documents/${enc(documentId)}/paragraphs/${enc(paragraphId)}/mode`,
      { method: 'PUT', body: { mode } },
    ),
};
