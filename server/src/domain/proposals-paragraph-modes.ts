import * as Y from 'yjs';
import {
  BODY_FIELD,
  PARAGRAPH_MODES,
  decidesProposals,
  isDraftingMode,
  modeInParagraph,
  type DraftingMode,
} from '@accord/shared';
import { authorId, type Principal } from '../auth/principal';
import { documentFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { conflict, forbidden, invalid, notFound } from './errors';

/**
 * Per-paragraph drafting modes (issue #17): the chair puts one paragraph in another mode than
 * the document's, e.g. a contentious paragraph in pen-holder mode while the rest is drafted
 * openly. The choice lives in the document's `paragraphModes` side table, so every connected
 * editor shows it at once, the log keeps it with its author, and the relay enforces it from the
 * next update exactly as it enforces the document's mode.
 */

/** One paragraph's mode as the API gives it. */
export interface ParagraphModeInfo {
  paragraphId: string;
  /** The mode the chair set for the paragraph, or null when it follows the document. */
  mode: DraftingMode | null;
  /** The mode in force there. */
  inForce: DraftingMode;
}

/** Every paragraph that has a mode of its own, in document order. */
export async function listParagraphModes(
  context: DomainContext,
  principal: Principal,
  documentId: string,
): Promise<ParagraphModeInfo[]> {
  const document = documentFor(context, principal, documentId);
  return context.rooms.read(document.id, (doc) => {
    const modes = doc.getMap<unknown>(PARAGRAPH_MODES);
    const found: ParagraphModeInfo[] = [];
    for (const id of paragraphIds(doc)) {
      const mode = modes.get(id);
      if (isDraftingMode(mode)) found.push({ paragraphId: id, mode, inForce: mode });
    }
    return found;
  });
}

/** Sets (or with null clears) the drafting mode of one paragraph: the chair only. */
export async function setParagraphMode(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  paragraphId: string,
  mode: unknown,
): Promise<ParagraphModeInfo> {
  const document = documentFor(context, principal, documentId);
  if (!decidesProposals(principal.role)) {
    throw forbidden('Only the chair sets the drafting mode of a paragraph.', 'role_not_allowed');
  }
  if (mode !== null && !isDraftingMode(mode)) {
    throw invalid('mode', 'mode must be "open", "proposals", "penholder" or null.');
  }
  if (document.status === 'locked') {
    throw conflict('document_locked', 'This document is locked for adoption. Unlock it first.');
  }
  const exists = await context.rooms.read(document.id, (doc) =>
    paragraphIds(doc).includes(paragraphId),
  );
  if (!exists) throw notFound('This paragraph', 'paragraph_not_found');
  let changed = false;
  await context.rooms.change(document.id, {
    author: authorId(principal),
    apply: (doc) => {
      const modes = doc.getMap<unknown>(PARAGRAPH_MODES);
      if ((modes.get(paragraphId) ?? null) === mode) return;
      changed = true;
      if (mode === null) modes.delete(paragraphId);
      else modes.set(paragraphId, mode);
    },
  });
  if (changed) {
    audit(
      context,
      document.meetingId,
      'document.paragraphMode',
      principal,
      mode === null
        ? {
            text: `Paragraph ${paragraphId} of "${document.title}" follows the document's drafting mode again.`,
            key: 'langaudit.audit.paragraphModeCleared',
            values: { paragraph: paragraphId, title: document.title },
          }
        : {
            text: `Paragraph ${paragraphId} of "${document.title}" is now drafted in mode "${mode}".`,
            key: 'langaudit.audit.paragraphMode',
            values: { paragraph: paragraphId, title: document.title, mode },
          },
    );
  }
  return {
    paragraphId,
    mode,
    inForce: modeInParagraph(document.mode ?? 'open', mode),
  };
}

function paragraphIds(doc: Y.Doc): string[] {
  const ids: string[] = [];
  for (const block of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    const id = block.getAttribute('id') as unknown;
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}
