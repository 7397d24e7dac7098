import * as Y from 'yjs';
import {
  DEFAULT_DRAFTING_MODE,
  randomId,
  type DocumentInfo,
  type DraftStyle,
  type Language,
  type NodeJSON,
} from '@accord/shared';
import { authorId, SYSTEM_AUTHOR, type Principal } from '../auth/principal';
import type { DocumentRecord, LogEntry } from '../storage';
import { authorise, meetingFor } from './access';
import { audit } from './audit';
import { save } from './save';
import type { DomainContext } from './context';
import { contentToUpdate } from './ydoc';

export function presentDocument(record: Readonly<DocumentRecord>): DocumentInfo {
  return {
    id: record.id,
    title: record.title,
    meetingId: record.meetingId,
    templateId: record.templateId,
    status: record.status,
    style: record.style,
    language: record.language,
    symbol: record.symbol,

    mode: record.mode ?? DEFAULT_DRAFTING_MODE,

    translationOf: record.translationOf ?? null,
    archived: record.archived ?? false,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export interface NewDocumentContent {
  title: string;
  templateId: string;
  style: DraftStyle;
  language: Language;
  /** The document symbol, when assigned at creation. */
  symbol?: string | null;
  content: NodeJSON;
  /** Who the first text is attributed to: template text is the system's, an import its importer's. */
  attributeTo: 'system' | 'creator';
}

/**
 * Creates a document and seeds its first text into its update log, once, on the server: no
 * client ever seeds content (several clients doing "if empty, insert" would duplicate it). The
 * log is durable before the metadata names the document, so a crash in between leaves no
 * document that could open empty and be seeded again.
 */
export async function createDocumentWithContent(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  input: NewDocumentContent,
): Promise<DocumentInfo> {
  authorise(principal, 'createDocument');
  const meeting = meetingFor(context, principal, meetingId);
  const update = contentToUpdate(input.content);
  const now = context.now();
  const id = `d${randomId(11)}`;
  const author = input.attributeTo === 'system' ? SYSTEM_AUTHOR : authorId(principal);
  const entries: LogEntry[] = [
    ...clientsOf(update).map((clientId): LogEntry => ({ kind: 'bind', clientId, author })),
    { kind: 'update', seq: 1, at: now.getTime(), author, update },
  ];
  await context.storage.updates.create(id, entries);
  const record: DocumentRecord = {
    id,
    meetingId: meeting.id,
    templateId: input.templateId,
    title: input.title,
    status: 'drafting',
    style: input.style,
    language: input.language,
    symbol: input.symbol ?? null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    createdBy: authorId(principal),
  };
  await save(context, (change) => change.putDocument(record));
  audit(context, meeting.id, 'document.created', principal, {
    text: `Document "${record.title}" created.`,
    key: 'langaudit.audit.documentCreated',
    values: { title: record.title },
  });
  return presentDocument(record);
}

/** The Yjs client ids whose structs an update carries. */
function clientsOf(update: Uint8Array): number[] {
  return [...Y.parseUpdateMeta(update).to.keys()];
}
