import type { Role } from './roles';

/**
 * How a document is drafted, set by the chair:
 *
 * - `open`: every writer edits the text directly (and may still propose);
 * - `proposals`: a delegate's typing and deleting become proposals of their delegation; the
 *   chair and the rapporteur edit directly or propose;
 * - `penholder`: only the chair and the rapporteur change the text; delegates only propose,
 *   and may not change formatting or brackets either.
 */
export const DRAFTING_MODES = ['open', 'proposals', 'penholder'] as const;
export type DraftingMode = (typeof DRAFTING_MODES)[number];

/** The mode of a document whose record predates modes. */
export const DEFAULT_DRAFTING_MODE: DraftingMode = 'open';

export function isDraftingMode(value: unknown): value is DraftingMode {
  return typeof value === 'string' && (DRAFTING_MODES as readonly string[]).includes(value);
}

/** Roles that change the text directly whatever the mode (the pen-holders). */
const PEN_HOLDERS: readonly Role[] = ['admin', 'chair', 'rapporteur'];

/** Whether `role` may change the text without proposing, in `mode`. */
export function editsDirectly(role: Role, mode: DraftingMode): boolean {
  return mode === 'open' || PEN_HOLDERS.includes(role);
}

/** Roles that accept and reject any delegation's proposals (and set the mode). */
const DECIDERS: readonly Role[] = ['admin', 'chair'];

export function decidesProposals(role: Role): boolean {
  return DECIDERS.includes(role);
}

/** A proposal mark's kind: words proposed for insertion, or for deletion. */
export type ProposalKind = 'insert' | 'delete';

/** The attributes of a `proposal` mark (PROTOCOL.md, "Proposals"). */
export interface ProposalAttributes {
  kind: ProposalKind;
  /** Stable across the proposal's pieces (a proposal may span paragraphs). */
  id: string;
  /** The proposing delegation first; co-sponsors live in the `proposalSupport` side table. */
  delegations: string[];
  /** The participant who made it. */
  participant: string;
}

export type ProposalStatus = 'open';

/** One open proposal, as `GET /api/documents/:id/proposals` lists it. */
export interface ProposalInfo {
  id: string;
  kind: ProposalKind;
  text: string;
  /** The first paragraph it touches (the paragraph's `id`, or null for a block without one). */
  paragraphId: string | null;
  /** The mark's delegations and every supporter, proposer first. */
  delegations: string[];
  status: ProposalStatus;
  /** Every paragraph it touches, in order. */
  paragraphIds: (string | null)[];
  participant: string;
}

/** The key of a supporter in the `proposalSupport` side table. */
export function supportKey(proposalId: string, delegation: string): string {
  return `${proposalId}:${delegation}`;
}

const MAX_ID = 200;
const MAX_DELEGATIONS = 64;

/**
 * The proposal a format value describes, or null when the value is not a proposal's. Exact:
 * no other keys, a non-empty id, at least one delegation.
 */
export function readProposal(value: unknown): ProposalAttributes | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['kind', 'id', 'delegations', 'participant'].includes(key)) return null;
  }
  const { kind, id, delegations, participant } = record;
  if (kind !== 'insert' && kind !== 'delete') return null;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID) return null;
  if (typeof participant !== 'string' || participant.length > MAX_ID) return null;
  if (!Array.isArray(delegations) || delegations.length === 0) return null;
  if (delegations.length > MAX_DELEGATIONS) return null;
  if (!delegations.every((d): d is string => typeof d === 'string' && d.length <= MAX_ID)) {
    return null;
  }
  return { kind, id, delegations, participant };
}

/**
 * The side table of per-paragraph drafting modes: paragraph id → a mode the chair chose for that
 * paragraph, which overrides the document's mode there (one contentious paragraph in pen-holder
 * mode while the rest is drafted openly). No entry: the paragraph follows the document.
 */
export const PARAGRAPH_MODES = 'paragraphModes';

/** The mode in force in a paragraph: its own, if the chair set one, else the document's. */
export function modeInParagraph(documentMode: DraftingMode, paragraphMode: unknown): DraftingMode {
  return isDraftingMode(paragraphMode) ? paragraphMode : documentMode;
}
