import type { DocumentInfo, Language } from '@accord/shared';
import type { Principal } from '../auth/principal';
import { documentFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { presentDocument } from './documents';
import { forbidden } from './errors';
import { save } from './save';

/** What the chair or rapporteur may change of a document's apparatus. */
export interface DocumentSettings {
  title?: string;
  /** The document symbol; `null` clears it. */
  symbol?: string | null;
  /** The language of the original. */
  language?: Language;
}

/**
 * Who sets a document's title, symbol and original language: the chair and the rapporteur, who
 * answer for the text that is circulated, and the secretariat (PROTOCOL.md, README).
 */
const SETTERS = new Set(['admin', 'chair', 'rapporteur']);

/** Changes a document's title, symbol or original language; returns the document. */
export async function changeDocumentSettings(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  settings: DocumentSettings,
): Promise<DocumentInfo> {
  const document = documentFor(context, principal, documentId);
  if (!SETTERS.has(principal.role)) {
    throw forbidden(
      `Your role (${principal.role}) may not change the document's title, symbol or language.`,
      'role_not_allowed',
    );
  }
  const record = {
    ...document,
    ...(settings.title !== undefined ? { title: settings.title } : {}),
    ...(settings.symbol !== undefined ? { symbol: settings.symbol } : {}),
    ...(settings.language !== undefined ? { language: settings.language } : {}),
    updatedAt: context.now().toISOString(),
  };
  await save(context, (change) => change.putDocument(record));
  const changed = Object.keys(settings).join(', ');
  audit(context, document.meetingId, 'document.settings', principal, {
    text: `Document "${record.title}": ${changed} changed.`,
    key: 'langaudit.audit.documentSettings',
    values: { title: record.title, fields: changed },
  });
  return presentDocument(record);
}
