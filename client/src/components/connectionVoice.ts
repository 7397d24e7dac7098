import type { ConnectionState } from '../collab/collabSession';

export interface ConnectionVoice {
  /** Away from the server: the calm sentence that edits are kept, beside the badge. */
  calm: 'offline' | 'reconnecting' | null;
  /** Something that needs the reader: one sentence, with a way forward. */
  alarm: { kind: 'unreachable' } | { kind: 'error'; message: string } | null;
}

/**
 * The one place that decides what the editor says about its connection, so the sentence never
 * contradicts the badge: away from the network (offline, reconnecting) a background request
 * that got no answer is the expected consequence, not an alarm, and the page says calmly that
 * edits are kept. With the connection up, no answer is an error; and the server's own refusal
 * (or a failed action of the reader's) is always said, once.
 */
export function connectionVoice(
  state: ConnectionState,
  unreachable: boolean,
  error: string | null,
): ConnectionVoice {
  const calm = state === 'offline' || state === 'reconnecting' ? state : null;
  if (error) return { calm, alarm: { kind: 'error', message: error } };
  if (unreachable && calm === null) return { calm, alarm: { kind: 'unreachable' } };
  return { calm, alarm: null };
}
