import { appendFile, chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './metadata-file';

/** Where the audit log's JSON lines go: one append-only stream per meeting. */
export interface AuditSink {
  append(stream: string, text: string): Promise<void>;
  /** The stream's text ('' when it has none). */
  read(stream: string): Promise<string>;
  /** Replaces a stream whole (only to move old events in, once). */
  replace(stream: string, text: string): Promise<void>;
}

/** `<directory>/<stream>.jsonl`, folder 0700, files 0600. */
export class FileAuditSink implements AuditSink {
  private ready: Promise<void> | null = null;

  constructor(private readonly directory: string) {}

  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      await chmod(this.directory, 0o700);
    })();
    return this.ready;
  }

  private path(stream: string): string {
    return join(this.directory, `${stream}.jsonl`);
  }

  async append(stream: string, text: string): Promise<void> {
    await this.prepare();
    await appendFile(this.path(stream), text, { mode: 0o600 });
  }

  async read(stream: string): Promise<string> {
    try {
      return await readFile(this.path(stream), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }

  async replace(stream: string, text: string): Promise<void> {
    await this.prepare();
    await writeFileDurably(this.path(stream), text);
  }
}

/** Streams in memory (tests, the in-memory storage). */
export class MemoryAuditSink implements AuditSink {
  private readonly streams = new Map<string, string>();

  append(stream: string, text: string): Promise<void> {
    this.streams.set(stream, (this.streams.get(stream) ?? '') + text);
    return Promise.resolve();
  }

  read(stream: string): Promise<string> {
    return Promise.resolve(this.streams.get(stream) ?? '');
  }

  replace(stream: string, text: string): Promise<void> {
    this.streams.set(stream, text);
    return Promise.resolve();
  }
}
