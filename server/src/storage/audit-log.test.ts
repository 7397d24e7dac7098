import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { AppendOnlyAuditLog, type AuditEvent } from './audit-log';
import { FileAuditSink, MemoryAuditSink } from './audit-log-sinks';
import { openFileStorage } from './index';

const base = Date.parse('2026-06-01T10:00:00.000Z');

function event(meetingId: string, seconds: number, kind = 'document.locked'): AuditEvent {
  return {
    meetingId,
    at: new Date(base + seconds * 1000).toISOString(),
    kind,
    detail: `${kind} at ${seconds}`,
  };
}

describe('audit log', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  async function dir(): Promise<string> {
    const made = await mkdtemp(join(tmpdir(), 'accord-audit-'));
    dirs.push(made);
    return made;
  }

  it('[M9] keeps each meeting’s events in order, filtered by time, across a restart', async () => {
    const directory = await dir();
    const log = new AppendOnlyAuditLog({ sink: new FileAuditSink(directory) });
    log.record(event('mA', 1));
    log.record(event('mB', 2));
    log.record(event('mA', 3, 'participant.revoked'));
    await log.close();
    const reopened = new AppendOnlyAuditLog({ sink: new FileAuditSink(directory) });
    expect((await reopened.list('mA')).map((e) => e.kind)).toEqual([
      'document.locked',
      'participant.revoked',
    ]);
    expect(await reopened.list('mA', event('mA', 1).at)).toEqual([
      event('mA', 3, 'participant.revoked'),
    ]);
    expect((await reopened.list('mB')).length).toBe(1);
    expect(await reopened.list('mC')).toEqual([]);
    // A line torn by a crash mid-append is skipped, the rest still read.
    await writeFile(join(directory, 'mA.jsonl'), '{"meetingId":"mA","at', { flag: 'a' });
    expect((await reopened.list('mA')).length).toBe(2);
    await reopened.close();
    expect((await stat(join(directory, 'mA.jsonl'))).mode & 0o777).toBe(0o600);
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
  });

  it('[M10] a flood from one source becomes one summary line, not one line per event', async () => {
    let now = base;
    const log = new AppendOnlyAuditLog({
      sink: new MemoryAuditSink(),
      limits: { perWindow: 5, windowMs: 60_000 },
      now: () => now,
    });
    for (let i = 0; i < 317; i += 1) {
      log.record({ ...event('mA', 0, 'auth_failed'), detail: `attempt ${i}` }, '203.0.113.9');
    }
    // Another source is not held back by the flood.
    log.record(event('mA', 1, 'participant.revoked'), 'u-chair');
    const events = await log.list('mA');
    expect(events.filter((e) => e.kind === 'auth_failed')).toHaveLength(5);
    expect(events.filter((e) => e.kind === 'participant.revoked')).toHaveLength(1);
    const summaries = events.filter((e) => e.kind === 'audit.suppressed');
    expect(summaries.map((e) => e.detail)).toEqual([
      '… 312 more auth_failed events from 203.0.113.9 suppressed.',
    ]);
    // Reading again does not add lines; a new window writes the summary once and admits again.
    expect((await log.list('mA')).filter((e) => e.kind === 'audit.suppressed')).toHaveLength(1);
    now += 60_000;
    log.record(event('mA', 61, 'auth_failed'), '203.0.113.9');
    const later = await log.list('mA');
    expect(later.filter((e) => e.kind === 'auth_failed')).toHaveLength(6);
    expect(later.filter((e) => e.kind === 'audit.suppressed').map((e) => e.detail)).toEqual([
      '… 312 more auth_failed events from 203.0.113.9 suppressed.',
    ]);
    await log.close();
  });

  it('[M10] memory stays bounded: past the pending cap events are counted, not kept', async () => {
    const writes: string[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const sink = new MemoryAuditSink();
    const slow = {
      append: async (stream: string, text: string) => {
        await blocked;
        writes.push(text);
        return sink.append(stream, text);
      },
      read: (stream: string) => sink.read(stream),
      replace: (stream: string, text: string) => sink.replace(stream, text),
    };
    const log = new AppendOnlyAuditLog({ sink: slow, maxPending: 10 });
    log.record(event('mA', 0));
    await Promise.resolve();
    await Promise.resolve();
    for (let i = 1; i <= 50; i += 1) log.record(event('mA', i));
    release();
    const events = await log.list('mA');
    expect(events.length).toBe(11);
    const lost = await log.list('');
    expect(lost.map((e) => e.detail)).toEqual([
      '40 events were not recorded: the disk could not keep up.',
    ]);
    await log.close();
  });

  it('[M11] a data dir from before the audit log keeps its audit events, moved once', async () => {
    const directory = await dir();
    const legacy = [
      { ...event('mA', 1, 'meeting.created') },
      { ...event('mA', 2, 'participant.revoked'), participant: 'admin' },
    ];
    await writeFile(
      join(directory, 'accord.json'),
      JSON.stringify({
        meetings: [],
        participants: [
          {
            id: 'u1',
            meetingId: 'mA',
            name: 'Ana',
            role: 'delegate',
            delegation: 'Chile',
            tokenHash: 'h',
            createdAt: legacy[0]!.at,
            revokedAt: null,
          },
        ],
        documents: [],
        versions: [],
        audit: legacy,
      }),
    );
    for (let round = 0; round < 2; round += 1) {
      const storage = await openFileStorage(directory, silentLogger);
      expect(await storage.audit.list('mA')).toEqual(legacy);
      // Invitations from before expiry existed never expire.
      expect(storage.metadata.participant('u1')?.expiresAt).toBeNull();
      await storage.close();
    }
    const file = JSON.parse(await readFile(join(directory, 'accord.json'), 'utf8')) as object;
    expect('audit' in file).toBe(false);
    expect((await stat(join(directory, 'accord.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
    expect((await stat(join(directory, 'documents'))).mode & 0o777).toBe(0o700);
  });

  it('[M11] a move interrupted after the events were copied does not copy them twice', async () => {
    const directory = await dir();
    const legacy = [event('mA', 1, 'meeting.created')];
    await writeFile(
      join(directory, 'accord.json'),
      JSON.stringify({
        meetings: [],
        participants: [],
        documents: [],
        versions: [],
        audit: legacy,
      }),
    );
    // The copy made it to disk, the rewrite of accord.json did not.
    await mkdir(join(directory, 'audit'));
    await writeFile(join(directory, 'audit', 'mA.jsonl'), JSON.stringify(legacy[0]) + '\n');
    const storage = await openFileStorage(directory, silentLogger);
    expect(await storage.audit.list('mA')).toEqual(legacy);
    await storage.close();
  });
});
