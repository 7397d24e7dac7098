import type { ConnectionState } from '../collab/collabSession';

export type ConnectionVoice =
  | { kind: 'quiet' }
  | { kind: 'offline' }
  | { kind: 'reconnecting' }
  | { kind: 'unreachable' }
  | { kind: 'error'; message: string };

/**
 * The one place that decides what the editor says about its connection, so the sentence never
 * contradicts the badge: away from the network (offline, reconnecting) a failed request is the
 * expected consequence, not an alarm, and the page says calmly that edits are kept; only with
 * the connection up is a failure an error, said once with a way forward.
 */
export function connectionVoice(
  state: ConnectionState,
  unreachable: boolean,
  error: string | null,
): ConnectionVoice {
  if (state === 'offline') return { kind: 'offline' };
  if (state === 'reconnecting') return { kind: 'reconnecting' };
  if (error) return { kind: 'error', message: error };
  if (unreachable) return { kind: 'unreachable' };
  return { kind: 'quiet' };
}
