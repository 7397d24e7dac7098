import { Low } from 'lowdb';
import type { MetadataShape, ParticipantRecord } from './metadata';
import { DurableJsonFile } from './metadata-file';
import { IndexedMetadataStore, emptyShape } from './metadata-tables';

/** An audit event as older versions kept it, inside `accord.json`. */
export interface LegacyAuditEvent {
  meetingId: string;
  at: string;
  kind: string;
  participant?: string;
  delegation?: string;
  detail: string;
}

/** `accord.json` as any version wrote it. */
type StoredShape = Partial<MetadataShape> & { audit?: LegacyAuditEvent[] };

/**
 * The embedded metadata adapter: one lowdb database in a JSON file. Each change is written
 * whole and synced (see `DurableJsonFile`) before it is visible.
 */
export class LowdbMetadataStore extends IndexedMetadataStore {
  private constructor(
    shape: MetadataShape,
    private readonly db: Low<StoredShape>,
    /** Audit events found in the file, to be moved to the audit log once (see `forgetLegacyAudit`). */
    readonly legacyAudit: readonly LegacyAuditEvent[],
  ) {
    super(shape, async (next) => {
      await db.adapter.write(next);
      db.data = next;
    });
  }

  /** The store in a JSON file (created at the first change when missing). */
  static async open(path: string): Promise<LowdbMetadataStore> {
    const db = new Low<StoredShape>(new DurableJsonFile<StoredShape>(path), {});
    await db.read();
    const stored = db.data;
    const shape: MetadataShape = {
      ...emptyShape(),
      meetings: stored.meetings ?? [],
      documents: stored.documents ?? [],
      versions: stored.versions ?? [],
      // Invitations written before expiry existed never expire.
      participants: (stored.participants ?? []).map(
        (p): ParticipantRecord => ({ ...p, expiresAt: p.expiresAt ?? null }),
      ),
    };
    return new LowdbMetadataStore(shape, db, stored.audit ?? []);
  }

  /** Rewrites the file without its old audit array, once the audit log holds those events. */
  async forgetLegacyAudit(): Promise<void> {
    if (this.db.data.audit === undefined) return;
    await this.rewrite();
  }
}
