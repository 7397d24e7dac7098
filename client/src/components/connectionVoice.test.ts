import { describe, expect, it } from 'vitest';
import { connectionVoice } from './connectionVoice';

describe('the connection’s one voice', () => {
  it('[MD22] away from the network an unanswered request is no alarm: the page says edits are kept', () => {
    expect(connectionVoice('offline', true, null)).toEqual({ calm: 'offline', alarm: null });
    expect(connectionVoice('reconnecting', true, null)).toEqual({
      calm: 'reconnecting',
      alarm: null,
    });
  });

  it('[MD22] with the connection up, no answer is one error; the server’s refusal is always said', () => {
    expect(connectionVoice('synced', true, null)).toEqual({
      calm: null,
      alarm: { kind: 'unreachable' },
    });
    expect(connectionVoice('synced', false, 'Too many requests.')).toEqual({
      calm: null,
      alarm: { kind: 'error', message: 'Too many requests.' },
    });
    expect(connectionVoice('offline', false, 'Too many requests.').alarm).toEqual({
      kind: 'error',
      message: 'Too many requests.',
    });
    expect(connectionVoice('synced', false, null)).toEqual({ calm: null, alarm: null });
    expect(connectionVoice('connecting', false, null)).toEqual({ calm: null, alarm: null });
  });
});
