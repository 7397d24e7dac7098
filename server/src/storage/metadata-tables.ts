import { DEFAULT_DRAFTING_MODE, type DraftingMode } from '@accord/shared';
import {
  MetadataWriteError,
  type DocumentRecord,
  type DocumentRef,
  type MeetingRecord,
  type MetadataChange,
  type MetadataReader,
  type MetadataShape,
  type MetadataStore,
  type ParticipantRecord,
  type VersionRecord,
} from './metadata';

export type Kind = 'meetings' | 'participants' | 'documents' | 'versions';
export type AnyRecord = MeetingRecord | ParticipantRecord | DocumentRecord | VersionRecord;
export interface RecordOf {
  meetings: MeetingRecord;
  participants: ParticipantRecord;
  documents: DocumentRecord;
  versions: VersionRecord;
}

/** Staged writes of one transaction, by kind and id. */
export type Staged = { [K in Kind]: Map<string, Readonly<RecordOf[K]>> };

export const KINDS: readonly Kind[] = ['meetings', 'participants', 'documents', 'versions'];

/** Ids grouped under a parent id, in insertion order. */
class Groups {
  private readonly byParent = new Map<string, Set<string>>();
  add(parent: string, id: string): void {
    let set = this.byParent.get(parent);
    if (!set) this.byParent.set(parent, (set = new Set()));
    set.add(id);
  }
  ids(parent: string): Iterable<string> {
    return this.byParent.get(parent) ?? [];
  }
}

/**
 * The committed metadata, indexed: records by id, participants by token hash, documents of a
 * meeting, versions of a document. Only `apply` (after a successful write) changes it.
 */
export class Tables implements MetadataReader {
  readonly meetingsById = new Map<string, Readonly<MeetingRecord>>();
  readonly participantsById = new Map<string, Readonly<ParticipantRecord>>();
  readonly documentsById = new Map<string, Readonly<DocumentRecord>>();
  readonly versionsById = new Map<string, Readonly<VersionRecord>>();
  readonly byTokenHash = new Map<string, string>();
  readonly participantsByMeeting = new Groups();
  readonly documentsByMeeting = new Groups();
  readonly versionsByDocument = new Groups();

  constructor(shape: MetadataShape) {
    for (const kind of KINDS) for (const record of shape[kind]) this.put(kind, record);
  }

  private table(kind: Kind): Map<string, Readonly<AnyRecord>> {
    const tables: Record<Kind, Map<string, Readonly<AnyRecord>>> = {
      meetings: this.meetingsById,
      participants: this.participantsById,
      documents: this.documentsById,
      versions: this.versionsById,
    };
    return tables[kind];
  }

  put(kind: Kind, record: Readonly<AnyRecord>): void {
    const frozen = Object.freeze({ ...record });
    switch (kind) {
      case 'meetings':
        this.meetingsById.set(frozen.id, frozen as MeetingRecord);
        break;
      case 'participants': {
        const participant = frozen as ParticipantRecord;
        const old = this.participantsById.get(participant.id);
        if (old?.tokenHash && this.byTokenHash.get(old.tokenHash) === old.id) {
          this.byTokenHash.delete(old.tokenHash);
        }
        this.participantsById.set(participant.id, participant);
        if (participant.tokenHash) this.byTokenHash.set(participant.tokenHash, participant.id);
        this.participantsByMeeting.add(participant.meetingId, participant.id);
        break;
      }
      case 'documents': {
        // Records written before drafting modes existed are drafted openly.
        const document = Object.freeze({
          mode: DEFAULT_DRAFTING_MODE,
          ...frozen,
        }) as DocumentRecord;
        this.documentsById.set(document.id, document);
        this.documentsByMeeting.add(document.meetingId, document.id);
        break;
      }
      case 'versions': {
        const version = frozen as VersionRecord;
        this.versionsById.set(version.id, version);
        this.versionsByDocument.add(version.documentId, version.id);
        break;
      }
    }
  }

  /** The state with `staged` applied, as a JSON value (the committed state is untouched). */
  shapeWith(staged: Staged): MetadataShape {
    const rows = (kind: Kind): Readonly<AnyRecord>[] => {
      const table = this.table(kind);
      const changes: Map<string, Readonly<AnyRecord>> = staged[kind];
      const out: Readonly<AnyRecord>[] = [];
      for (const [id, record] of table) out.push(changes.get(id) ?? record);
      for (const [id, record] of changes) if (!table.has(id)) out.push(record);
      return out;
    };
    return {
      meetings: rows('meetings') as MeetingRecord[],
      participants: rows('participants') as ParticipantRecord[],
      documents: rows('documents') as DocumentRecord[],
      versions: rows('versions') as VersionRecord[],
    };
  }

  apply(staged: Staged): void {
    for (const kind of KINDS) {
      const changes: Map<string, Readonly<AnyRecord>> = staged[kind];
      for (const record of changes.values()) this.put(kind, record);
    }
  }

  meeting(id: string) {
    return this.meetingsById.get(id) ?? null;
  }
  meetings() {
    return [...this.meetingsById.values()];
  }
  participant(id: string) {
    return this.participantsById.get(id) ?? null;
  }
  participantByTokenHash(hash: string) {
    const id = this.byTokenHash.get(hash);
    return id === undefined ? null : (this.participantsById.get(id) ?? null);
  }
  participantsOf(meetingId: string) {
    return [...this.participantsByMeeting.ids(meetingId)].map(
      (id) => this.participantsById.get(id)!,
    );
  }
  document(id: string) {
    return this.documentsById.get(id) ?? null;
  }
  documentsOf(meetingId: string) {
    return [...this.documentsByMeeting.ids(meetingId)].map((id) => this.documentsById.get(id)!);
  }
  version(id: string) {
    return this.versionsById.get(id) ?? null;
  }
  versionsOf(documentId: string) {
    return [...this.versionsByDocument.ids(documentId)].map((id) => this.versionsById.get(id)!);
  }
}

/** A transaction over the committed tables: reads see its own staged writes first. */
export class Transaction implements MetadataChange {
  readonly staged: Staged = {
    meetings: new Map(),
    participants: new Map(),
    documents: new Map(),
    versions: new Map(),
  };

  /** Set once the change is over: a transaction kept past its callback cannot write. */
  finished = false;

  constructor(private readonly base: Tables) {}

  private stage(kind: Kind, record: AnyRecord): void {
    if (this.finished) throw new Error('This metadata change is over; start a new one.');
    const changes: Map<string, Readonly<AnyRecord>> = this.staged[kind];
    changes.set(record.id, Object.freeze({ ...record }));
  }

  /** A committed list with staged replacements, then staged additions that belong to it. */
  private merged<K extends Kind>(
    kind: K,
    committed: Readonly<RecordOf[K]>[],
    belongs: (record: Readonly<RecordOf[K]>) => boolean,
  ): Readonly<RecordOf[K]>[] {
    const changes = this.staged[kind] as Map<string, Readonly<RecordOf[K]>>;
    const seen = new Set<string>();
    const out: Readonly<RecordOf[K]>[] = [];
    for (const record of committed) {
      seen.add(record.id);
      const current = changes.get(record.id) ?? record;
      if (belongs(current)) out.push(current);
    }
    for (const record of changes.values())
      if (!seen.has(record.id) && belongs(record)) out.push(record);
    return out;
  }

  putMeeting(record: MeetingRecord) {
    this.stage('meetings', record);
  }
  putParticipant(record: ParticipantRecord) {
    this.stage('participants', record);
  }
  putDocument(record: DocumentRecord) {
    this.stage('documents', record);
  }
  putVersion(record: VersionRecord) {
    this.stage('versions', record);
  }

  meeting(id: string) {
    return this.staged.meetings.get(id) ?? this.base.meeting(id);
  }
  meetings() {
    return this.merged('meetings', this.base.meetings(), () => true);
  }
  participant(id: string) {
    return this.staged.participants.get(id) ?? this.base.participant(id);
  }
  participantByTokenHash(hash: string) {
    for (const record of this.staged.participants.values()) {
      if (record.tokenHash === hash) return record;
    }
    const committed = this.base.participantByTokenHash(hash);
    if (!committed) return null;
    const current = this.participant(committed.id);
    return current?.tokenHash === hash ? current : null;
  }
  participantsOf(meetingId: string) {
    return this.merged(
      'participants',
      this.base.participantsOf(meetingId),
      (p) => p.meetingId === meetingId,
    );
  }
  document(id: string) {
    return this.staged.documents.get(id) ?? this.base.document(id);
  }
  documentsOf(meetingId: string) {
    return this.merged(
      'documents',
      this.base.documentsOf(meetingId),
      (d) => d.meetingId === meetingId,
    );
  }
  version(id: string) {
    return this.staged.versions.get(id) ?? this.base.version(id);
  }
  versionsOf(documentId: string) {
    return this.merged(
      'versions',
      this.base.versionsOf(documentId),
      (v) => v.documentId === documentId,
    );
  }
}

/** Where a store's state goes before a change takes effect (nothing, for the memory adapter). */
export type Persist = (next: MetadataShape) => Promise<void>;

/**
 * The store's logic, common to every adapter: indexed reads from memory, and changes staged
 * on a transaction, persisted whole, and only then published. A write that fails leaves the
 * tables as they were, so memory never holds what the disk does not.
 */
export class IndexedMetadataStore implements MetadataStore {
  protected readonly tables: Tables;
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` in turn with every change (changes are serialised). */
  protected enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  constructor(
    shape: MetadataShape,
    private readonly persist: Persist,
  ) {
    this.tables = new Tables(shape);
  }

  change<T>(apply: (change: MetadataChange) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const transaction = new Transaction(this.tables);
      let answer: T;
      try {
        answer = apply(transaction);
      } finally {
        transaction.finished = true;
      }
      // The callback is synchronous: an awaited step inside would let other changes interleave.
      if (answer instanceof Promise) throw new TypeError('A metadata change must be synchronous.');
      if (KINDS.some((kind) => transaction.staged[kind].size > 0)) {
        try {
          await this.persist(this.tables.shapeWith(transaction.staged));
        } catch (error) {
          throw new MetadataWriteError(error);
        }
        this.tables.apply(transaction.staged);
      }
      return answer;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Writes the committed state again, in turn with changes (a format upgrade). */
  protected rewrite(): Promise<void> {
    const run = this.queue.then(() =>
      this.persist(this.tables.shapeWith(new Transaction(this.tables).staged)),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  resolveDocument(id: string): DocumentRef | null {
    const document = this.tables.document(id);
    return document ? { id: document.id, meetingId: document.meetingId } : null;
  }

  isLocked(id: string): boolean {
    const document = this.tables.document(id);
    // An archived document is kept as it was: the relay refuses its edits as a lock's.
    return document?.status === 'locked' || document?.archived === true;
  }

  modeOf(id: string): DraftingMode {
    return this.tables.document(id)?.mode ?? DEFAULT_DRAFTING_MODE;
  }

  async close(): Promise<void> {
    await this.queue;
  }

  meeting(id: string) {
    return this.tables.meeting(id);
  }
  meetings() {
    return this.tables.meetings();
  }
  participant(id: string) {
    return this.tables.participant(id);
  }
  participantByTokenHash(hash: string) {
    return this.tables.participantByTokenHash(hash);
  }
  participantsOf(meetingId: string) {
    return this.tables.participantsOf(meetingId);
  }
  document(id: string) {
    return this.tables.document(id);
  }
  documentsOf(meetingId: string) {
    return this.tables.documentsOf(meetingId);
  }
  version(id: string) {
    return this.tables.version(id);
  }
  versionsOf(documentId: string) {
    return this.tables.versionsOf(documentId);
  }
}

/** An empty metadata value. */
export const emptyShape = (): MetadataShape => ({
  meetings: [],
  participants: [],
  documents: [],
  versions: [],
});
