import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { sendFlush } from './fan-out';
import type { Peer } from './peer';

/** A peer that keeps what it is sent, write by write. */
function recordingPeer(name: string): Peer & { writes: Uint8Array[][] } {
  const writes: Uint8Array[][] = [];
  return {
    writes,
    principal: { role: 'delegate' } as Principal,
    user: { participant: name, name, delegation: name, role: 'delegate', color: '#000000' },
    isOpen: true,
    send: (message) => writes.push([message]),
    sendAll: (messages) => writes.push([...messages]),
    close: () => undefined,
  };
}

describe('sendFlush', () => {
  const text = new Uint8Array([0, 2, 1]);
  const carets = new Uint8Array([1, 1, 7]);

  it('sends nobody back what they sent: text to the others, a lone caret to the others', () => {
    const [typist, mover, reader] = ['typist', 'mover', 'reader'].map(recordingPeer);
    sendFlush([typist!, mover!, reader!], text, carets, typist!, mover);
    expect(typist!.writes).toEqual([[carets]]);
    expect(mover!.writes).toEqual([[text]]);
    expect(reader!.writes).toEqual([[text, carets]]);
  });

  it('sends a typist whose caret is the only one that moved nothing at all', () => {
    const [typist, reader] = ['typist', 'reader'].map(recordingPeer);
    sendFlush([typist!, reader!], text, carets, typist!, typist);
    expect(typist!.writes).toEqual([]);
    expect(reader!.writes).toEqual([[text, carets]]);
  });

  it('sends everyone the text when it has several senders, and carets of several owners', () => {
    const [a, b] = ['a', 'b'].map(recordingPeer);
    sendFlush([a!, b!], text, null, null, null);
    expect(a!.writes).toEqual([[text]]);
    expect(b!.writes).toEqual([[text]]);
  });
});
