import type { SecurityKind } from '@accord/shared/audit-kinds';

/**
 * Something a secretariat should be able to see afterwards: a refused token, a limit reached,
 * a refused update or origin, storage that could not be written. The transport and the HTTP
 * layer only report these through an optional callback; the server wires it to the audit log,
 * so that neither layer depends on storage.
 */
export interface SecurityEvent {
  kind: SecurityKind;
  documentId?: string;
  meetingId?: string;
  participant?: string;
  /** One sentence: what was refused and why (never a token). */
  detail: string;
  /** `detail` as a catalogue key (`langaudit.audit.*`) and its values, for the reader's language. */
  detailKey?: string;
  detailValues?: Record<string, string>;
}

/** A security event's sentence with the catalogue key and values that word it again. */
export interface SecurityDetail {
  text: string;
  key: string;
  values: Record<string, string>;
}

/** The event fields for `detail`: the English sentence beside its key and values. */
export function securityDetail(
  detail: SecurityDetail,
): Pick<SecurityEvent, 'detail' | 'detailKey' | 'detailValues'> {
  return { detail: detail.text, detailKey: detail.key, detailValues: detail.values };
}

export type SecurityEventSink = (event: SecurityEvent) => void;

/**
 * Reports through `sink` at most once a minute per source (an address, a participant), so a
 * flood of bad tokens or a socket that keeps hitting a limit leaves one line a minute in the
 * audit log, not one per attempt. At most `maxSources` are remembered (then all are forgotten).
 */
export function oncePerMinute(
  sink: SecurityEventSink | undefined,
  maxSources = 10_000,
  now: () => number = () => performance.now(),
): (source: string, event: SecurityEvent) => void {
  const last = new Map<string, number>();
  return (source, event) => {
    if (!sink) return;
    const at = now();
    const previous = last.get(source);
    if (previous !== undefined && at - previous < 60_000) return;
    if (last.size >= maxSources) last.clear();
    last.set(source, at);
    sink(event);
  };
}
