import * as Y from 'yjs';
import { diffWordsWithSpace } from 'diff';
import { BODY_FIELD, type DocumentInfo, type Language } from '@accord/shared';
import { SYSTEM_AUTHOR, type Principal } from '../auth/principal';
import type { DocumentRecord } from '../storage';
import { authorise, documentFor } from './access';
import type { DomainContext } from './context';
import { createDocumentWithContent, presentDocument } from './documents';
import { AccordError, conflict, invalid } from './errors';
import { save } from './save';
import {
  paragraphTexts,
  paragraphTimeline,
  textAtSeq,
  textAtTime,
  type ParagraphState,
} from './translations-timeline';
import { docToContent } from './ydoc';

/** One language version of a document, as `GET /api/documents/:id/translations` lists it. */
export interface TranslationRef {
  id: string;
  language: Language;
}

/** A run of the original paragraph's change since the translation last followed it. */
export interface OriginalChange {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A translation's paragraph that no longer follows its original. */
export interface StaleParagraph {
  paragraphId: string;
  /** When the original paragraph first changed after the translation's paragraph was last edited. */
  since: string;
  /** The original paragraph then (empty for a paragraph the translation does not have yet). */
  before: string;
  /** The original paragraph now. */
  after: string;
  /** Word by word, from `before` to `after`. */
  changes: OriginalChange[];
  /** The paragraph is new in the original: the translation has no counterpart yet. */
  missing: boolean;
}

/** One row of the side-by-side view: an original paragraph and its counterpart. */
export interface AlignedParagraph {
  paragraphId: string;
  original: string;
  /** The translation's paragraph, or null when the original's paragraph is new. */
  translation: string | null;
  /** Nobody has edited the translation's paragraph yet: it still holds the original's text. */
  untranslated: boolean;
  stale: StaleParagraph | null;
}

export interface Alignment {
  original: DocumentInfo;
  translation: DocumentInfo;
  paragraphs: AlignedParagraph[];
}

/** The original of a language version (a version of a version is refused at creation). */
function originalOf(context: DomainContext, translation: Readonly<DocumentRecord>): DocumentRecord {
  const originalId = translation.translationOf;
  const original = originalId ? context.storage.metadata.document(originalId) : null;
  if (!original) {
    throw new AccordError(
      'not_found',
      'not_a_translation',
      'This document is not a language version of another document.',
    );
  }
  return original;
}

/**
 * Creates a language version: a document of its own (collaborators through the meeting, its own
 * history, versions and exports) seeded on the server from the original's current text with the
 * same paragraph ids, so that each paragraph stays aligned with the one it translates.
 */
export async function createTranslation(
  context: DomainContext,
  principal: Principal,
  originalId: string,
  language: Language,
): Promise<DocumentInfo> {
  authorise(principal, 'createDocument');
  const original = documentFor(context, principal, originalId);
  if (original.translationOf) {
    throw invalid(
      'documentId',
      'This document is itself a language version: create versions from its original.',
      'translation_of_translation',
    );
  }
  if (language === original.language) {
    throw invalid('language', 'The original is already in this language.', 'same_language');
  }
  const existing = context.storage.metadata
    .documentsOf(original.meetingId)
    .find((d) => d.translationOf === original.id && d.language === language);
  if (existing) {
    throw conflict('translation_exists', 'This document already has a version in that language.');
  }
  // The text and the update it stands at, read together: staleness is counted from there.
  const [body, baseSeq] = await context.rooms.read(
    original.id,
    (doc, seq) => [docToContent(doc), seq] as const,
  );
  const created = await createDocumentWithContent(context, principal, original.meetingId, {
    title: original.title,
    templateId: original.templateId,
    style: original.style,
    language,
    content: body,
    attributeTo: 'system',
  });
  const record = context.storage.metadata.document(created.id)!;
  const linked: DocumentRecord = {
    ...record,
    translationOf: original.id,
    translationBaseSeq: baseSeq,
  };
  await save(context, (change) => change.putDocument(linked));
  return presentDocument(linked);
}

/** The language versions of a document (asked of the original or of any of its versions). */
export function listTranslations(
  context: DomainContext,
  principal: Principal,
  documentId: string,
): TranslationRef[] {
  const document = documentFor(context, principal, documentId);
  const originalId = document.translationOf ?? document.id;
  return context.storage.metadata
    .documentsOf(document.meetingId)
    .filter((d) => d.translationOf === originalId)
    .map((d) => ({ id: d.id, language: d.language }));
}

function spans(before: string, after: string): OriginalChange[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}

/**
 * Where the translation's paragraph last followed the original: the original's text at that
 * moment and which of the original's later states are newer. The seed follows the original as
 * of the update it was copied from (by sequence number, exact); a person's edit follows the
 * original as it stood at the edit's time.
 */
function followed(
  translationState: ParagraphState,
  baseSeq: number,
  original: readonly ParagraphState[],
): { before: string; newer: ParagraphState[] } {
  if (translationState.seq === 1) {
    return {
      before: textAtSeq(original, baseSeq) ?? '',
      newer: original.filter((s) => s.seq > baseSeq),
    };
  }
  return {
    before: textAtTime(original, translationState.at) ?? '',
    newer: original.filter((s) => s.at > translationState.at),
  };
}

/** Each original paragraph beside its counterpart in the language version. */
export async function alignTranslation(
  context: DomainContext,
  principal: Principal,
  translationId: string,
): Promise<Alignment> {
  const translation = documentFor(context, principal, translationId);
  const original = originalOf(context, translation);
  const [originalTexts, translationTexts, originalTimeline, translationTimeline] =
    await Promise.all([
      context.rooms.read(original.id, (doc) => paragraphTexts(doc)),
      context.rooms.read(translation.id, (doc) => paragraphTexts(doc)),
      paragraphTimeline(context, original.id),
      paragraphTimeline(context, translation.id),
    ]);
  const baseSeq = translation.translationBaseSeq ?? 0;
  const paragraphs: AlignedParagraph[] = [];
  for (const [paragraphId, text] of originalTexts) {
    const originalStates = originalTimeline.get(paragraphId) ?? [];
    const translated = translationTexts.get(paragraphId);
    const translationStates = translationTimeline.get(paragraphId) ?? [];
    const last = translationStates[translationStates.length - 1];
    if (translated === undefined || !last) {
      const first = originalStates.find((s) => s.seq > baseSeq) ?? originalStates[0];
      paragraphs.push({
        paragraphId,
        original: text,
        translation: null,
        untranslated: true,
        stale: {
          paragraphId,
          since: new Date(first?.at ?? Date.parse(translation.createdAt)).toISOString(),
          before: '',
          after: text,
          changes: spans('', text),
          missing: true,
        },
      });
      continue;
    }
    const { before, newer } = followed(last, baseSeq, originalStates);
    const changed = newer.length > 0 && before !== text;
    paragraphs.push({
      paragraphId,
      original: text,
      translation: translated,
      untranslated: translationStates.every((s) => s.author === SYSTEM_AUTHOR),
      stale: changed
        ? {
            paragraphId,
            since: new Date(newer[0]!.at).toISOString(),
            before,
            after: text,
            changes: spans(before, text),
            missing: false,
          }
        : null,
    });
  }
  return {
    original: presentDocument(original),
    translation: presentDocument(translation),
    paragraphs,
  };
}

/** `GET /api/documents/:tid/stale`: the paragraphs whose original moved on. */
export async function staleParagraphs(
  context: DomainContext,
  principal: Principal,
  translationId: string,
): Promise<{ paragraphs: StaleParagraph[] }> {
  const alignment = await alignTranslation(context, principal, translationId);
  return {
    paragraphs: alignment.paragraphs.flatMap((p) => (p.stale ? [p.stale] : [])),
  };
}

/**
 * Brings the original's new paragraphs into the language version as untranslated placeholders
 * (the original's text, attributed to the system), each after the paragraph it follows in the
 * original, so the translator sees where text is owed. Returns how many were added.
 */
export async function addNewParagraphs(
  context: DomainContext,
  principal: Principal,
  translationId: string,
): Promise<{ added: number }> {
  authorise(principal, 'edit');
  const translation = documentFor(context, principal, translationId);
  const original = originalOf(context, translation);
  if (translation.status === 'locked') {
    throw conflict('document_locked', 'This document is locked for adoption. Unlock it first.');
  }
  const originalBlocks = await context.rooms.read(original.id, (doc) =>
    doc
      .getXmlFragment(BODY_FIELD)
      .toArray()
      .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
      .map((node) => ({ id: node.getAttribute('id'), node: node.clone() })),
  );
  let added = 0;
  await context.rooms.change(translation.id, {
    author: SYSTEM_AUTHOR,
    apply: (doc) => {
      const body = doc.getXmlFragment(BODY_FIELD);
      const present = () =>
        body
          .toArray()
          .map((node) => (node instanceof Y.XmlElement ? node.getAttribute('id') : undefined));
      let previousId: string | undefined;
      for (const block of originalBlocks) {
        const ids = present();
        if (typeof block.id === 'string' && !ids.includes(block.id)) {
          const after = previousId === undefined ? -1 : ids.indexOf(previousId);
          body.insert(after + 1, [block.node]);
          added += 1;
        }
        if (typeof block.id === 'string') previousId = block.id;
      }
    },
  });
  return { added };
}
