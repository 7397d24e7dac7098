import { lockedLabel } from '@accord/shared/version-labels';
import type { DocumentInfo, DocumentStatus } from '@accord/shared';
import type { Principal } from '../auth/principal';
import { authorise, documentFor } from './access';
import { audit } from './audit';
import { save } from './save';
import type { DomainContext } from './context';
import { presentDocument } from './documents';
import { recordVersion } from './versions';

/**
 * Locks a document for adoption (every edit refused, for every role) or unlocks it. A lock
 * records a version, so the adopted text can always be found again.
 */
export async function setDocumentStatus(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  status: DocumentStatus,
): Promise<DocumentInfo> {
  authorise(principal, 'lock');
  const document = documentFor(context, principal, documentId);
  if (document.status === status) return presentDocument(document);
  const updated = { ...document, status, updatedAt: context.now().toISOString() };
  await save(context, (change) => change.putDocument(updated));
  const verb = status === 'locked' ? 'locked' : 'unlocked';
  audit(context, document.meetingId, `document.${verb}`, principal, {
    text: `Document "${document.title}" ${verb}.`,
    key: `langaudit.audit.document.${verb}`,
    values: { title: document.title },
  });
  context.rooms.announceStatus(document.id, { kind: verb, at: updated.updatedAt });
  if (status === 'locked') {
    await recordVersion(context, updated, 'lock', lockedLabel(), principal);
  }
  return presentDocument(updated);
}
