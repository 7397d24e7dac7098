import type { DocumentInfo } from '@accord/shared';
import type { Principal } from '../auth/principal';
import type { DocumentRecord } from '../storage';
import { authorise, documentFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { presentDocument } from './documents';
import { conflict } from './errors';
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
  audit(context, document.meetingId, `document.${verb}`, principal, {
    text: `Document "${document.title}" ${verb}.`,
    key: `langaudit.audit.document.${verb}`,
    values: { title: document.title },
  });
  context.rooms.announceStatus(document.id);
  return presentDocument(updated);
}

/**
 * Refuses any change to an archived document: it is kept exactly as it was when archived (text,
 * comments, proposals, modes, title, versions), for every role, until the chair or the
 * secretariat restores it from the archive. Its own code, not `document_locked`: unlocking
 * would not help.
 */
export function refuseIfArchived(document: Readonly<DocumentRecord>): void {
  if (document.archived !== true) return;
  throw conflict(
    'document_archived',
    'This document is archived: it can be read and exported, but not changed. Restore it from the archive first.',
  );
}
