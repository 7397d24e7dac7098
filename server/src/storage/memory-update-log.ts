import {
  DocumentNotFoundError,
  StorageUnavailableError,
  type LogEntry,
  type StoredDocument,
  type UpdateLog,
  type UpdateRecord,
} from './types';

interface MemoryDocument {
  checkpoint: { state: Uint8Array; lastSeq: number; bindings: Map<number, string> } | null;
  entries: LogEntry[];
  versions: Map<string, Uint8Array>;
}

/**
 * An update log kept in memory: for tests of the layers above storage, and the reference the
 * file log is held to by the storage contract suite.
 */
export class MemoryUpdateLog implements UpdateLog {
  private readonly documents = new Map<string, MemoryDocument>();
  /** Updates folded into a checkpoint, kept for `history` as the file log keeps old segments. */
  private readonly archive = new Map<string, UpdateRecord[]>();
  /** Set while writes are refused, as a full or read-only disk would. */
  private refusal: string | null = null;

  /**
   * Refuses every write with `StorageUnavailableError(cause)` until called with null: the
   * storage faults of the file log, for tests of the layers above storage.
   */
  refuseWrites(cause: string | null): void {
    this.refusal = cause;
  }

  private refused(documentId: string): Promise<never> | null {
    return this.refusal === null
      ? null
      : Promise.reject(new StorageUnavailableError(documentId, this.refusal));
  }

  private get(documentId: string): MemoryDocument {
    const document = this.documents.get(documentId);
    if (!document) throw new DocumentNotFoundError(documentId);
    return document;
  }

  create(documentId: string, entries: readonly LogEntry[]): Promise<void> {
    const refused = this.refused(documentId);
    if (refused) return refused;
    if (this.documents.has(documentId)) {
      return Promise.reject(new RangeError(`Document ${documentId} already has a history`));
    }
    this.documents.set(documentId, {
      checkpoint: null,
      entries: [...entries],
      versions: new Map(),
    });
    return Promise.resolve();
  }

  exists(documentId: string): Promise<boolean> {
    return Promise.resolve(this.documents.has(documentId));
  }

  load(documentId: string): Promise<StoredDocument> {
    try {
      const document = this.get(documentId);
      const bindings = new Map(document.checkpoint?.bindings ?? []);
      const updates: UpdateRecord[] = [];
      let lastSeq = document.checkpoint?.lastSeq ?? 0;
      for (const entry of document.entries) {
        if (entry.kind === 'bind') bindings.set(entry.clientId, entry.author);
        else if (entry.seq > lastSeq) {
          updates.push(entry);
          lastSeq = entry.seq;
        }
      }
      return Promise.resolve({
        checkpoint: document.checkpoint?.state ?? null,
        updates,
        bindings,
        lastSeq,
        repaired: null,
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  append(documentId: string, entries: readonly LogEntry[]): Promise<void> {
    try {
      const document = this.get(documentId);
      if (entries.length === 0) return Promise.resolve();
      const refused = this.refused(documentId);
      if (refused) return refused;
      document.entries.push(...entries);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  checkpoint(
    documentId: string,
    state: Uint8Array,
    lastSeq: number,
    bindings: ReadonlyMap<number, string>,
  ): Promise<void> {
    const document = this.get(documentId);
    const refused = this.refused(documentId);
    if (refused) return refused;
    const archived = this.archive.get(documentId) ?? [];
    archived.push(...document.entries.filter((e): e is UpdateRecord => e.kind === 'update'));
    this.archive.set(documentId, archived);
    document.checkpoint = { state, lastSeq, bindings: new Map(bindings) };
    document.entries = [];
    return Promise.resolve();
  }

  history(documentId: string, fromSeq: number, toSeq: number): Promise<UpdateRecord[]> {
    const document = this.get(documentId);
    const all = [
      ...(this.archive.get(documentId) ?? []),
      ...document.entries.filter((e): e is UpdateRecord => e.kind === 'update'),
    ];
    return Promise.resolve(all.filter((r) => r.seq > fromSeq && r.seq <= toSeq));
  }

  saveVersionState(documentId: string, versionId: string, state: Uint8Array): Promise<void> {
    const refused = this.refused(documentId);
    if (refused) return refused;
    this.get(documentId).versions.set(versionId, state);
    return Promise.resolve();
  }

  loadVersionState(documentId: string, versionId: string): Promise<Uint8Array | null> {
    return Promise.resolve(this.documents.get(documentId)?.versions.get(versionId) ?? null);
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
