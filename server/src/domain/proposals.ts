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
import type { DocumentRecord } from '../storage';
import type { ProposalDecisionRecord } from '../storage/proposal-decision-record';
import { applyDecision } from './proposals-apply';
import { DecisionSnapshot } from './proposals-snapshot';
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
 * as a version that keeps what the decision changed, so that it can be undone
 * (proposals-undo.ts).
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

/** A decided proposal as the decision routes answer it: `decision` is the id to undo it by. */
export type DecidedProposal = ProposalInfo & { decision: string };

/** Accepts or rejects one open proposal; the proposing delegation may reject (withdraw) its own. */
export async function decideProposal(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  proposalId: string,
  decision: Decision,
): Promise<DecidedProposal> {
  const document = documentFor(context, principal, documentId);
  refuseLocked(document);
  const proposals = await listProposals(context, principal, documentId);
  const proposal = proposals.find((p) => p.id === proposalId);
  if (!proposal) throw notFound('This proposal', 'proposal_not_found');
  const [decided] = await decide(context, principal, document, [proposal], decision);
  return decided!;
}

/**
 * Decides every open proposal of a delegation, or of a paragraph, in document order: one
 * decision (one version, undone as one).
 */
export async function decideProposals(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  filter: { delegation?: string; paragraphId?: string },
  decision: Decision,
): Promise<DecidedProposal[]> {
  const document = documentFor(context, principal, documentId);
  refuseLocked(document);
  const proposals = (await listProposals(context, principal, documentId)).filter(
    (p) =>
      (filter.delegation === undefined || p.delegations[0] === filter.delegation) &&
      (filter.paragraphId === undefined || p.paragraphIds.includes(filter.paragraphId)),
  );
  if (proposals.length === 0) return [];
  return decide(context, principal, document, proposals, decision);
}

function refuseLocked(document: Readonly<DocumentRecord>): void {
  if (document.status === 'locked') {
    throw conflict('document_locked', 'This document is locked for adoption. Unlock it first.');
  }
}

/**
 * Applies one decision on `proposals` (all authorised first: all or nothing), each as its own
 * attributed change, and records it as one version holding what it changed, for its undo.
 */
async function decide(
  context: DomainContext,
  principal: Principal,
  document: Readonly<DocumentRecord>,
  proposals: ProposalInfo[],
  decision: Decision,
): Promise<DecidedProposal[]> {
  const own = principal.participant?.delegation ?? null;
  const withdrawing = (proposal: ProposalInfo) =>
    decision === 'reject' && own !== null && own === (proposal.delegations[0] ?? null);
  for (const proposal of proposals) {
    if (!decidesProposals(principal.role) && !withdrawing(proposal)) {
      throw forbidden(
        decision === 'accept'
          ? 'Only the chair accepts proposals.'
          : 'Only the chair, or the proposing delegation withdrawing its own, rejects a proposal.',
        'role_not_allowed',
      );
    }
  }
  // An accepted deletion is the proposer's change; everything else is the decider's.
  const authors = proposals.map((proposal) =>
    decision === 'accept' && proposal.kind === 'delete'
      ? proposerOf(context, document.meetingId, proposal)
      : authorId(principal),
  );
  const snapshot = new DecisionSnapshot();
  const supporters: string[] = [];
  const outcomes: ProposalDecisionRecord['proposals'] = [];
  for (const [index, proposal] of proposals.entries()) {
    const keep = (proposal.kind === 'insert') === (decision === 'accept');
    outcomes.push({ id: proposal.id, kind: proposal.kind, outcome: keep ? 'keep' : 'remove' });
    await context.rooms.change(document.id, {
      author: authors[index]!,
      apply: (doc) => {
        snapshot.before(doc, proposal.id);
        applyDecision(doc, proposal.id, keep ? 'keep' : 'remove');
        // Supporters of a decided proposal name nothing any more (an undo puts them back).
        const support = doc.getMap<unknown>('proposalSupport');
        for (const delegation of proposal.delegations) {
          const key = supportKey(proposal.id, delegation);
          if (!support.has(key)) continue;
          supporters.push(key);
          support.delete(key);
        }
        snapshot.settle(doc);
      },
    });
  }
  const withdrawn = !decidesProposals(principal.role);
  const verb = withdrawn ? 'withdrawn' : (`${decision}ed` as const);
  for (const proposal of proposals) {
    const delegations = proposal.delegations.join(', ');
    const text = excerpt(proposal.text);
    audit(context, document.meetingId, `proposal.${verb}`, principal, {
      text: `Proposal of ${delegations} ${verb}: "${text}".`,
      key: `langaudit.audit.proposal.${verb}`,
      values: { delegations, excerpt: text },
    });
  }
  const first = proposals[0]!;
  const label =
    proposals.length === 1
      ? `Proposal of ${first.delegations.join(', ')} ${verb}: "${excerpt(first.text)}"`
      : `${proposals.length} proposals of ${[...new Set(proposals.map((p) => p.delegations[0]))].join(', ')} ${verb}`;
  const version = await recordVersion(context, document, 'named', label.slice(0, 120), principal);
  const record: ProposalDecisionRecord = {
    decision,
    by: authorId(principal),
    proposals: outcomes,
    supporters,
    paragraphs: snapshot.result,
  };
  await save(context, (change) => {
    const stored = change.version(version.id);
    if (stored) change.putVersion({ ...stored, proposalDecision: record });
  });
  return proposals.map((proposal) => ({ ...proposal, decision: version.id }));
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
  audit(context, document.meetingId, 'document.mode', principal, {
    text: `Document "${document.title}" is now drafted in mode "${mode}".`,
    key: 'langaudit.audit.documentMode',
    values: { title: document.title, mode },
  });
  return presentDocument(updated);
}
