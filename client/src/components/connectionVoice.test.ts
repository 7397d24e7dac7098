import { describe, expect, it } from 'vitest';
import { connectionVoice } from './connectionVoice';

describe('the connection’s one voice', () => {
  it('[MD22] away from the network a failed request is not an alarm: the page says edits are kept', () => {
    expect(connectionVoice('offline', true, null)).toEqual({ kind: 'offline' });
    expect(connectionVoice('offline', false, 'The document was not found.')).toEqual({
      kind: 'offline',
    });
    expect(connectionVoice('reconnecting', true, null)).toEqual({ kind: 'reconnecting' });
  });

  it('[MD22] with the connection up, a failure is one error with a way forward', () => {
    expect(connectionVoice('synced', true, null)).toEqual({ kind: 'unreachable' });
    expect(connectionVoice('synced', true, 'Too many requests.')).toEqual({
      kind: 'error',
      message: 'Too many requests.',
    });
    expect(connectionVoice('synced', false, null)).toEqual({ kind: 'quiet' });
    expect(connectionVoice('connecting', false, null)).toEqual({ kind: 'quiet' });
  });
});
