import type { DocumentInfo } from '@accord/shared';
import type { Principal } from '../auth/principal';
import { authorise, meetingFor } from './access';
import type { DomainContext } from './context';
import { createDocumentWithContent } from './documents';
import { importDraft } from './import';

/** A document created from an uploaded resolution (text, Markdown or .docx). */
export async function importDocument(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  upload: { contentType: string; body: Buffer; title?: string },
): Promise<DocumentInfo & { warnings: string[] }> {
  authorise(principal, 'createDocument');
  meetingFor(context, principal, meetingId);
  const draft = await importDraft(upload);
  const meeting = context.storage.metadata.data.meetings.find((m) => m.id === meetingId);
  const document = await createDocumentWithContent(context, principal, meetingId, {
    title: draft.title,
    templateId: 'import',
    style: draft.style,
    language: meeting?.languages[0] ?? 'en',
    content: draft.content,
    attributeTo: 'creator',
  });
  return { ...document, warnings: draft.warnings };
}
