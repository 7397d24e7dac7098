import type { NegotiationChange, NegotiationHistory } from '@accord/shared';
import type { DocumentRecord, UpdateRecord } from '../../storage';
import type { DomainContext } from '../context';
import { findVersion, versionState } from '../versions';
import { negotiationChanges } from './negotiation-events';
import { authorNamer, type ChangeAuthor } from './people';

/**
 * The negotiation changes between two sides of a comparison: the log between them replayed
 * from the older side's state (`current` is the newest, so it is never the older of two
 * different sides).
 */
export async function negotiationBetween(
  context: DomainContext,
  document: DocumentRecord,
  olderId: string,
  records: readonly UpdateRecord[],
  name: (author: string | undefined) => ChangeAuthor,
): Promise<NegotiationChange[]> {
  if (olderId === 'current' || records.length === 0) return [];
  const start = await versionState(context, findVersion(context, document.id, olderId));
  return negotiationChanges(start, records, name);
}

/** `GET /api/documents/:id/negotiation`: every negotiation change since the document began. */
export async function negotiationHistory(
  context: DomainContext,
  document: DocumentRecord,
): Promise<NegotiationHistory> {
  const lastSeq = await context.rooms.read(document.id, (_doc, seq) => seq);
  const records = await context.storage.updates.history(document.id, 0, lastSeq);
  return {
    changes: negotiationChanges(null, records, authorNamer(context.storage.metadata)),
  };
}
