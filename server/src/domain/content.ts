import { draftToText, type NodeJSON } from '@accord/shared';
import type { DocumentRecord } from '../storage';
import type { DomainContext } from './context';
import { curlContentQuotes } from './export/quotes';
import { findVersion, versionState } from './versions';
import { docToContent, stateToContent } from './ydoc';

/** A document's body as ProseMirror JSON: now, or at a version. */
export async function readContent(
  context: DomainContext,
  document: Readonly<DocumentRecord>,
  versionId?: string,
): Promise<NodeJSON> {
  if (versionId !== undefined) {
    return stateToContent(
      await versionState(context, findVersion(context, document.id, versionId)),
    );
  }
  return context.rooms.read(document.id, (doc) => docToContent(doc));
}

/**
 * The contract's plain text of a document (SPEC.md "The text format"), as a reader sees it:
 * the same text as the txt export, quotation marks in the language's own.
 */
export async function readText(
  context: DomainContext,
  document: Readonly<DocumentRecord>,
  versionId?: string,
): Promise<string> {
  const content = await readContent(context, document, versionId);
  return draftToText(curlContentQuotes(content, document.language), document.style);
}
