import {
  decidesProposals,
  isDraftingMode,
  supportKey,
  type DocumentInfo,
  type ProposalInfo,
} from '@accord/shared';
import { authorId, type Principal } from '../auth/principal';
import { documentFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { presentDocument } from './documents';
import { conflict, forbidden, invalid, notFound } from './errors';
import { applyDecision } from './proposals-apply';
import { proposalsOf, supportersOf } from './proposals-read';
import { save } from './save';
import { recordVersion } from './versions';
import { docToContent } from './ydoc';

/**
 * Drafting modes and the chair's decisions on proposals (issue #17). A decision is applied to
 * the live room by the server, so every connected client sees it at once and the update log
 * keeps who did what: an accepted insertion keeps the words its proposer typed and loses the
 * mark, an accepted deletion is a change attributed to the proposer (it asked for it), a
 * rejection is the decider's change. The decider's act is in the audit log and in the history
 * as a version, which is also how a decision is undone (restore the version before it).
 */

/** The open proposals of a document now. */
export async function listProposals(
  context: DomainContext,
  principal: Principal,
  documentId: string,
): Promise<ProposalInfo[]> {
  const document = documentFor(context, principal, documentId);
  return context.rooms.read(document.id, (doc) =>
    proposalsOf(docToContent(doc), supportersOf(doc)),
  );
}

export type Decision = 'accept' | 'reject';

/** Accepts or rejects one open proposal; the proposing delegation may reject (withdraw) its own. */
export async function decideProposal(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  proposalId: string,
  decision: Decision,
): Promise<ProposalInfo> {
  const document = documentFor(context, principal, documentId);
  if (document.status === 'locked') {
    throw conflict('document_locked', 'This document is locked for adoption. Unlock it first.');
  }
  const proposals = await listProposals(context, principal, documentId);
  const proposal = proposals.find((p) => p.id === proposalId);
  if (!proposal) throw notFound('This proposal', 'proposal_not_found');
  const own = principal.participant?.delegation ?? null;
  const proposer = proposal.delegations[0] ?? null;
  const withdrawing = decision === 'reject' && own !== null && own === proposer;
  if (!decidesProposals(principal.role) && !withdrawing) {
    throw forbidden(
      decision === 'accept'
        ? 'Only the chair accepts proposals.'
        : 'Only the chair, or the proposing delegation withdrawing its own, rejects a proposal.',
      'role_not_allowed',
    );
  }
  const keep = (proposal.kind === 'insert') === (decision === 'accept');
  // An accepted deletion is the proposer's change; everything else is the decider's.
  const author =
    decision === 'accept' && proposal.kind === 'delete'
      ? proposerOf(context, document.meetingId, proposal)
      : authorId(principal);
  await context.rooms.change(document.id, {
    author,
    apply: (doc) => {
      applyDecision(doc, proposal.id, keep ? 'keep' : 'remove');
      // Supporters of a decided proposal name nothing any more.
      const support = doc.getMap<unknown>('proposalSupport');
      for (const delegation of proposal.delegations) {
        support.delete(supportKey(proposal.id, delegation));
      }
    },
  });
  const verb = withdrawing && !decidesProposals(principal.role) ? 'withdrawn' : `${decision}ed`;
  const label = `Proposal of ${proposal.delegations.join(', ')} ${verb}: "${excerpt(proposal.text)}"`;
  audit(context, document.meetingId, `proposal.${verb}`, principal, `${label}.`);
  await recordVersion(context, document, 'named', label.slice(0, 120), principal);
  return proposal;
}

/** Decides every open proposal of a delegation, or of a paragraph, in document order. */
export async function decideProposals(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  filter: { delegation?: string; paragraphId?: string },
  decision: Decision,
): Promise<ProposalInfo[]> {
  const proposals = (await listProposals(context, principal, documentId)).filter(
    (p) =>
      (filter.delegation === undefined || p.delegations[0] === filter.delegation) &&
      (filter.paragraphId === undefined || p.paragraphIds.includes(filter.paragraphId)),
  );
  const decided: ProposalInfo[] = [];
  for (const proposal of proposals) {
    decided.push(await decideProposal(context, principal, documentId, proposal.id, decision));
  }
  return decided;
}

/** The participant an accepted deletion is attributed to: the mark's, if it is of that delegation. */
function proposerOf(context: DomainContext, meetingId: string, proposal: ProposalInfo): string {
  const participant = context.storage.metadata.participant(proposal.participant);
  if (
    participant &&
    participant.meetingId === meetingId &&
    participant.delegation === proposal.delegations[0]
  ) {
    return participant.id;
  }
  throw conflict(
    'proposer_unknown',
    'The participant who made this proposal is no longer in the meeting; reject it instead.',
  );
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** Sets how the document is drafted (the chair); the relay enforces it from the next update. */
export async function setDraftingMode(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  mode: unknown,
): Promise<DocumentInfo> {
  const document = documentFor(context, principal, documentId);
  if (!decidesProposals(principal.role)) {
    throw forbidden('Only the chair sets the drafting mode.', 'role_not_allowed');
  }
  if (!isDraftingMode(mode)) {
    throw invalid('mode', 'mode must be "open", "proposals" or "penholder".');
  }
  if ((document.mode ?? 'open') === mode) return presentDocument(document);
  const updated = { ...document, mode, updatedAt: context.now().toISOString() };
  await save(context, (change) => change.putDocument(updated));
  audit(
    context,
    document.meetingId,
    'document.mode',
    principal,
    `Document "${document.title}" is now drafted in mode "${mode}".`,
  );
  return presentDocument(updated);
}
