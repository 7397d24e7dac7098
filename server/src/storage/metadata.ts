import { Low, Memory, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type {
  DocumentStatus,
  Language,
  ParticipantRole,
  VersionKind,
  DraftStyle,
} from '@accord/shared';

/** Records as stored. Participants keep only a hash of their token. */
export interface MeetingRecord {
  id: string;
  title: string;
  sector: string | null;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
  languages: Language[];
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
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export interface VersionRecord {
  id: string;
  documentId: string;
  label: string;
  kind: VersionKind;
  createdAt: string;
  /** Participant id (`admin` for the secretariat), or null for automatic versions. */
  createdBy: string | null;
  /** The last update of the document's history that the version includes. */
  seq: number;
}

export interface AuditRecord {
  meetingId: string;
  at: string;
  kind: string;
  participant?: string;
  delegation?: string;
  detail: string;
}

export interface MetadataShape {
  meetings: MeetingRecord[];
  participants: ParticipantRecord[];
  documents: DocumentRecord[];
  versions: VersionRecord[];
  audit: AuditRecord[];
}

const empty = (): MetadataShape => ({
  meetings: [],
  participants: [],
  documents: [],
  versions: [],
  audit: [],
});

/**
 * Metadata in one lowdb database. Reads are from memory; every change is written whole to disk
 * (atomically: temporary file and rename) before `change` resolves, so an answered request
 * survives a killed process. Changes are serialised, so two requests never interleave writes.
 */
export class MetadataStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<MetadataShape>) {}

  /** The store in a JSON file (created when missing). */
  static async openFile(path: string): Promise<MetadataStore> {
    // Not JSONFilePreset: under NODE_ENV=test it keeps data in memory only.
    const db = new Low<MetadataShape>(new JSONFile<MetadataShape>(path), empty());
    await db.read();
    return new MetadataStore(MetadataStore.normalise(db));
  }

  /** A store that lives in memory only. */
  static async openMemory(adapter: Adapter<MetadataShape> = new Memory()): Promise<MetadataStore> {
    const db = new Low<MetadataShape>(adapter, empty());
    await db.read();
    return new MetadataStore(MetadataStore.normalise(db));
  }

  private static normalise(db: Low<MetadataShape>): Low<MetadataShape> {
    db.data = { ...empty(), ...db.data };
    return db;
  }

  /** The current data. Do not mutate it outside `change`. */
  get data(): Readonly<MetadataShape> {
    return this.db.data;
  }

  /** Applies `mutate` and writes the result; resolves with `mutate`'s answer once written. */
  change<T>(mutate: (data: MetadataShape) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const answer = mutate(this.db.data);
      await this.db.write();
      return answer;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
