import type { DocumentInfo } from '@accord/shared/api';
import type { DraftingMode, ProposalInfo } from '@accord/shared/proposals';
import { apiRequest } from '../api/client';

const enc = encodeURIComponent;

/** The proposals endpoints (README "Proposals and drafting modes"). */
export const proposalsApi = {
  setMode: (documentId: string, mode: DraftingMode) =>
    apiRequest<DocumentInfo>(`/documents/${enc(documentId)}/mode`, {
      method: 'PUT',
      body: { mode },
    }),
  decide: (documentId: string, proposalId: string, decision: 'accept' | 'reject') =>
    apiRequest<ProposalInfo>(
      `/documents/${enc(documentId)}/proposals/${enc(proposalId)}/${decision}`,
      { method: 'POST' },
    ),
  decideAll: (
    documentId: string,
    filter: { delegation?: string; paragraphId?: string },
    decision: 'accept' | 'reject',
  ) =>
    apiRequest<ProposalInfo[]>(`/documents/${enc(documentId)}/proposals/${decision}`, {
      method: 'POST',
      body: filter,
    }),
};
