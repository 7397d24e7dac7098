import { describe, expect, it } from 'vitest';
import { openMemoryStorage } from '../storage';
import type { DomainContext } from './context';
import { recordSecurityEvent } from './security-events';

describe('security events from the relay', () => {
  it('[M17] land in the audit log of the document’s meeting, named by delegation, floods summarised', async () => {
    const storage = await openMemoryStorage();
    const at = '2026-06-01T10:00:00.000Z';
    await storage.metadata.change((change) => {
      change.putParticipant({
        id: 'u1',
        meetingId: 'mA',
        name: 'Ana',
        role: 'delegate',
        delegation: 'Chile',
        tokenHash: 'h',
        createdAt: at,
        revokedAt: null,
        expiresAt: null,
      });
      change.putDocument({
        id: 'd1',
        meetingId: 'mA',
        templateId: 'blank',
        title: 'Draft',
        status: 'drafting',
        style: 'oas',
        language: 'en',
        symbol: null,
        createdAt: at,
        updatedAt: at,
        createdBy: 'admin',
      });
    });
    // Only what the function reads of the context: real (in-memory) storage and a clock.
    const context = { storage, now: () => new Date(at) } as unknown as DomainContext;
    for (let i = 0; i < 25; i += 1) {
      recordSecurityEvent(context, {
        kind: 'update_refused',
        documentId: 'd1',
        participant: 'u1',
        detail: `Update ${i} refused: it deletes a bracket the sender may not remove.`,
      });
    }
    recordSecurityEvent(context, { kind: 'origin_refused', detail: 'Origin https://evil.test.' });
    const events = await storage.audit.list('mA');
    expect(events.filter((e) => e.kind === 'update_refused')).toHaveLength(20);
    expect(events[0]).toMatchObject({ participant: 'u1', delegation: 'Chile' });
    expect(events.at(-1)?.detail).toBe('… 5 more update_refused events from u1 suppressed.');
    expect((await storage.audit.list('')).map((e) => e.kind)).toEqual(['origin_refused']);
    await storage.close();
  });
});
