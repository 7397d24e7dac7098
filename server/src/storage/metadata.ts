import type { PaperSize } from '@accord/shared/paper';
import type {
  DocumentStatus,
  Language,
  ParticipantRole,
  VersionKind,
  DraftStyle,
  DraftingMode,
  RevokedBy,
} from '@accord/shared';
import type { ProposalDecisionRecord } from './proposal-decision-record';

/** Records as stored. Participants keep only a hash of their token. */
export interface MeetingRecord {
  id: string;
  title: string;
  sector: string | null;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
  languages: Language[];
  /** The paper its documents print on; absent in records written before it existed: `letter`. */
  paperSize?: PaperSize;

  /** IANA time zone the meeting's times are shown in (absent in older records: the default). */
  timeZone?: string;
  createdAt: string;
}

export interface ParticipantRecord {
  id: string;
  meetingId: string;
  name: string;
  role: ParticipantRole;
  delegation: string | null;
  /** SHA-256 of the token, hex; null once revoked. */
  tokenHash: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** Who revoked the link (absent in records revoked before it was kept, and while it works). */
  revokedBy?: RevokedBy | null;
  /** When the invitation stops working (ISO time), or null for never. */
  expiresAt: string | null;
}

export interface DocumentRecord {
  id: string;
  meetingId: string;
  templateId: string;
  title: string;
  status: DocumentStatus;
  style: DraftStyle;
  language: Language;
  /** The organisation's document symbol (e.g. "OEA/Ser.K/XII.3.1 doc.4/26"), if any. */
  symbol: string | null;
  /** How the text is drafted (proposals, pen-holder); records that predate modes read as `open`. */
  mode?: DraftingMode;

  /** For a language version: the original's id (absent or null for an original). */
  translationOf?: string | null;
  /** For a language version: the original's last update its text was copied from. */
  translationBaseSeq?: number;
  /** Archived: out of the meeting's default list and read-only (absent in older records: no). */
  archived?: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export interface VersionRecord {
  id: string;
  documentId: string;
  label: string;
  /** For a label the server wrote: its catalogue key and values (`@accord/shared/version-labels`). */
  labelKey?: string;
  labelValues?: Record<string, string>;
  kind: VersionKind;
  createdAt: string;
  /** Participant id (`admin` for the secretariat), or null for automatic versions. */
  createdBy: string | null;
  /** The last update of the document's history that the version includes. */
  seq: number;
  /**
   * A restore only: the live characters that stand for the restored version's characters, as
   * runs `[client, clock, originClient, originClock, length]`, so that restored words keep
   * their first writer (see domain/history/restored-text.ts). Absent on other versions.
   */
  restoredText?: [number, number, number, number, number][];
  /** A decision on proposals only: what it changed, so that it can be undone. */
  proposalDecision?: ProposalDecisionRecord;
}

/** What the relay needs to know of a document: which meeting it belongs to. */
export interface DocumentRef {
  id: string;
  meetingId: string;
}

/**
 * Reading metadata. Every lookup by id (and a participant by token hash) is O(1); lists are
 * in creation order. Records are frozen: a change goes through `MetadataStore.change`.
 */
export interface MetadataReader {
  meeting(id: string): Readonly<MeetingRecord> | null;
  meetings(): Readonly<MeetingRecord>[];
  participant(id: string): Readonly<ParticipantRecord> | null;
  /** The participant whose token hashes to `hash` (revoked ones have none). */
  participantByTokenHash(hash: string): Readonly<ParticipantRecord> | null;
  participantsOf(meetingId: string): Readonly<ParticipantRecord>[];
  document(id: string): Readonly<DocumentRecord> | null;
  documentsOf(meetingId: string): Readonly<DocumentRecord>[];
  version(id: string): Readonly<VersionRecord> | null;
  versionsOf(documentId: string): Readonly<VersionRecord>[];
}

/** One transaction: reads see its own writes; `put` adds a record or replaces it by id. */
export interface MetadataChange extends MetadataReader {
  putMeeting(record: MeetingRecord): void;
  putParticipant(record: ParticipantRecord): void;
  putDocument(record: DocumentRecord): void;
  putVersion(record: VersionRecord): void;
}

/**
 * Meetings, participants, documents and versions. Changes are serialised transactions: all of
 * a change's writes are durable (written and synced) before any of them can be read, and a
 * change whose write fails (or whose callback throws) rejects and leaves nothing changed.
 */
export interface MetadataStore extends MetadataReader {
  change<T>(apply: (change: MetadataChange) => T): Promise<T>;
  /** For the relay: the document's meeting, or null. O(1). */
  resolveDocument(id: string): DocumentRef | null;
  /** For the relay: whether every edit is refused (locked for adoption, or archived). O(1). */
  isLocked(id: string): boolean;
  /** For the relay: the document's drafting mode (`open` when unknown). O(1). */
  modeOf(id: string): DraftingMode;
  /** Waits for pending changes. */
  close(): Promise<void>;
}

/** The whole metadata as one JSON value (the file adapter's format, `accord.json`). */
export interface MetadataShape {
  meetings: MeetingRecord[];
  participants: ParticipantRecord[];
  documents: DocumentRecord[];
  versions: VersionRecord[];
}

/** A change could not be written (disk full, read-only, gone): nothing of it took effect. */
export class MetadataWriteError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Metadata could not be written: ${reason}`, { cause });
  }
}
