import type { DocumentInfo } from '@accord/shared';
import type { Principal } from '../auth/principal';
import { authorise, documentFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { presentDocument } from './documents';
import { save } from './save';

/**
 * Archives a document (out of the meeting's default list, every edit refused) or brings it
 * back. The secretariat and the chair decide, as they lock: the same permission. The text and
 * its history stay as they are; connected editors learn at once through the relay's status.
 */
export async function setDocumentArchived(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  archived: boolean,
): Promise<DocumentInfo> {
  authorise(principal, 'lock');
  const document = documentFor(context, principal, documentId);
  if ((document.archived ?? false) === archived) return presentDocument(document);
  const updated = { ...document, archived, updatedAt: context.now().toISOString() };
  await save(context, (change) => change.putDocument(updated));
  const verb = archived ? 'archived' : 'unarchived';
  audit(
    context,
    document.meetingId,
    `document.${verb}`,
    principal,
    `Document "${document.title}" ${verb}.`,
  );
  context.rooms.announceStatus(document.id);
  return presentDocument(updated);
}
