import * as Y from 'yjs';
import { BODY_FIELD, decidesProposals, readProposal, type ProposalInfo } from '@accord/shared';
import { authorId, type Principal } from '../auth/principal';
import type {
  DecidedParagraph,
  ProposalDecisionRecord,
  TextRun,
} from '../storage/proposal-decision-record';
import { documentFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { conflict, forbidden, notFound } from './errors';
import { idOf, textsOf } from './proposals-snapshot';
import { listProposals } from './proposals';
import { save } from './save';
import { recordVersion } from './versions';
import type { VersionInfo } from '@accord/shared';

/**
 * Undoing a decision on proposals (issue #17): the proposals come back exactly as they were,
 * with their marks, words, whole proposed paragraphs and supporters, as a new change by the
 * person who undoes (history is never rewritten). Only while the paragraphs the decision
 * touched are as the decision left them: if anyone changed them since, undoing would tear up
 * words written after it, so it is refused with a sentence naming the paragraph. The decision
 * is the version it recorded; its undo is recorded as a version and in the audit log too.
 */

/** A decision as `GET …/proposals/decisions` lists it (newest first). */
export interface DecisionInfo {
  /** The version the decision recorded: the id to undo it by. */
  id: string;
  label: string;
  decision: 'accept' | 'reject';
  proposals: string[];
  createdAt: string;
  by: string;
  undone: boolean;
}

export function listDecisions(
  context: DomainContext,
  principal: Principal,
  documentId: string,
): DecisionInfo[] {
  const document = documentFor(context, principal, documentId);
  const decisions: DecisionInfo[] = [];
  for (const version of context.storage.metadata.versionsOf(document.id)) {
    const record = version.proposalDecision;
    if (!record) continue;
    decisions.push({
      id: version.id,
      label: version.label,
      decision: record.decision,
      proposals: record.proposals.map((p) => p.id),
      createdAt: version.createdAt,
      by: record.by,
      undone: record.undone !== undefined,
    });
  }
  return decisions.reverse();
}

export interface UndoneDecision {
  decision: string;
  /** The proposals brought back, as they are listed now. */
  proposals: ProposalInfo[];
  version: VersionInfo;
}

/** Undoes a decision: the chair, or whoever made it (a delegation undoing its withdrawal). */
export async function undoDecision(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  versionId: string,
): Promise<UndoneDecision> {
  const document = documentFor(context, principal, documentId);
  const version = context.storage.metadata.version(versionId);
  const record = version?.documentId === document.id ? version.proposalDecision : undefined;
  if (!version || !record) throw notFound('This decision', 'decision_not_found');
  if (!decidesProposals(principal.role) && record.by !== authorId(principal)) {
    throw forbidden('Only the chair, or who made it, undoes a decision.', 'role_not_allowed');
  }
  if (document.status === 'locked') {
    throw conflict('document_locked', 'This document is locked for adoption. Unlock it first.');
  }
  if (record.undone) {
    throw conflict('decision_undone', 'This decision has already been undone.');
  }
  await context.rooms.change(document.id, {
    author: authorId(principal),
    apply: (doc) => restore(doc, record),
  });
  const label = `Undone: ${version.label}`.slice(0, 120);
  const undoVersion = await recordVersion(context, document, 'named', label, principal);
  const undone = {
    at: context.now().toISOString(),
    by: authorId(principal),
    version: undoVersion.id,
  };
  await save(context, (change) => {
    const current = change.version(version.id);
    if (current?.proposalDecision) {
      change.putVersion({
        ...current,
        proposalDecision: { ...current.proposalDecision, undone },
      });
    }
  });
  audit(context, document.meetingId, 'proposal.undone', principal, {
    text: `${label}.`,
    key: 'langaudit.audit.proposal.undone',
    values: { label: version.label },
  });
  const ids = new Set(record.proposals.map((p) => p.id));
  const proposals = (await listProposals(context, principal, document.id)).filter((p) =>
    ids.has(p.id),
  );
  return { decision: version.id, proposals, version: undoVersion };
}

/** Brings the decided proposals back in `doc`, or throws when a paragraph changed since. */
function restore(doc: Y.Doc, record: ProposalDecisionRecord): void {
  const body = doc.getXmlFragment(BODY_FIELD);
  const outcome = new Map(record.proposals.map((p) => [p.id, p.outcome]));
  const blocks = body.toArray().filter((b): b is Y.XmlElement => b instanceof Y.XmlElement);
  const find = (paragraph: DecidedParagraph) =>
    paragraph.id !== null ? blocks.find((b) => idOf(b) === paragraph.id) : blocks[paragraph.index];

  // First check everything, then change: a refused undo changes nothing.
  const present: { block: Y.XmlElement; paragraph: DecidedParagraph }[] = [];
  for (const paragraph of record.paragraphs) {
    const block = find(paragraph);
    if (paragraph.after === null) {
      const previous = paragraph.previousId
        ? blocks.find((b) => idOf(b) === paragraph.previousId)
        : null;
      if (block || (paragraph.previousId !== null && !previous)) throw changedSince(paragraph);
      continue;
    }
    if (!block || !sameRuns(textsOf(block), paragraph.after)) throw changedSince(paragraph);
    present.push({ block, paragraph });
  }

  doc.transact(() => {
    for (const { block, paragraph } of present) {
      const texts = block.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
      paragraph.before.forEach((runs, n) => {
        const text = texts[n];
        if (text) bringBack(text, runs, outcome);
      });
    }
    // Paragraphs proposed whole and removed by the decision go back after their neighbour.
    for (const paragraph of record.paragraphs) {
      if (paragraph.after !== null) continue;
      const live = body.toArray();
      const at =
        paragraph.previousId === null
          ? 0
          : live.findIndex((b) => b instanceof Y.XmlElement && idOf(b) === paragraph.previousId) +
            1;
      const element = new Y.XmlElement(paragraph.name);
      for (const [key, value] of Object.entries(paragraph.attributes)) {
        element.setAttribute(key, value as string);
      }
      element.insert(
        0,
        paragraph.before.map((runs) => {
          const text = new Y.XmlText();
          text.applyDelta(runs);
          return text;
        }),
      );
      body.insert(at, [element]);
    }
    const support = doc.getMap<unknown>('proposalSupport');
    for (const key of record.supporters) support.set(key, true);
  });
}

/** Puts back, in a text the decision left as it was, the decided runs of `before`. */
function bringBack(text: Y.XmlText, before: TextRun[], outcome: Map<string, string>): void {
  let at = 0;
  for (const run of before) {
    const length = typeof run.insert === 'string' ? run.insert.length : 1;
    const proposal = readProposal(run.attributes?.proposal);
    const decided = proposal ? outcome.get(proposal.id) : undefined;
    if (decided === 'keep') {
      text.format(at, length, { proposal });
    } else if (decided === 'remove') {
      if (typeof run.insert === 'string') text.insert(at, run.insert, run.attributes ?? {});
      else text.insertEmbed(at, run.insert, run.attributes ?? {});
    }
    at += length;
  }
}

function changedSince(paragraph: DecidedParagraph) {
  const words = paragraph.before
    .flat()
    .map((run) => (typeof run.insert === 'string' ? run.insert : ''))
    .join('')
    .trim()
    .slice(0, 40);
  return conflict(
    'decision_superseded',
    `This decision can no longer be undone: the paragraph beginning “${words}” has changed since.`,
  );
}

/** Whether two texts' runs are the same, whatever the order of their attributes' keys. */
function sameRuns(a: TextRun[][], b: TextRun[][]): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}
