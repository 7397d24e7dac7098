import { updateYFragment } from '@tiptap/y-tiptap';
import type { VersionInfo } from '@accord/shared';
import { BODY_FIELD } from '@accord/shared';
import { restoredLabel } from '@accord/shared/version-labels';
import { draftSchema } from '@accord/shared/schema/index';
import { authorId, type Principal } from '../../auth/principal';
import { authorise, documentFor } from '../access';
import type { DomainContext } from '../context';
import { conflict } from '../errors';
import { findVersion, recordVersion, versionState } from '../versions';
import { stateToContent } from '../ydoc';
import { paragraphsOf } from './comparison';
import { readParagraphs } from './paragraphs';
import { restoredRuns, type RestoredRun } from './restored-text';

/**
 * Restores a version: its text becomes the live text as a new change by the chair, which every
 * connected client receives at once, recorded as a version of kind `restore`. History is never
 * rewritten: the restore is one more update in the log, and paragraphs get their old ids back.
 * The words it brings back stay credited to the delegations that first wrote them (its
 * version record keeps which characters they stand for); the version itself is the chair's.
 */
export async function restoreVersion(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  versionId: string,
): Promise<VersionInfo> {
  authorise(principal, 'restore');
  const document = documentFor(context, principal, documentId);
  if (document.status === 'locked') {
    throw conflict('document_locked', 'This document is locked for adoption. Unlock it first.');
  }
  const version = findVersion(context, document.id, versionId);
  const state = await versionState(context, version);
  const content = stateToContent(state);
  const node = draftSchema().nodeFromJSON(content);
  let restoredText: RestoredRun[] = [];
  await context.rooms.change(document.id, {
    author: authorId(principal),
    apply: (doc) => {
      // y-tiptap's own diffing of a ProseMirror node into the fragment: unchanged paragraphs
      // stay as they are, so concurrent typing elsewhere survives the restore.
      updateYFragment(doc, doc.getXmlFragment(BODY_FIELD), node, {
        mapping: new Map(),
        isOMark: new Map(),
      });
      // Which version characters the live ones now stand for: restored words keep their writer.
      restoredText = restoredRuns(readParagraphs(doc), paragraphsOf(state));
    },
  });
  const restored = await recordVersion(
    context,
    document,
    'restore',
    restoredLabel(version.label),
    principal,
    { restoredText },
  );
  context.rooms.announceStatus(document.id, {
    kind: 'restored',
    label: version.label,
    at: context.now().toISOString(),
  });
  return restored;
}
