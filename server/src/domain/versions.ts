import * as Y from 'yjs';
import { randomId, type VersionInfo, type VersionKind } from '@accord/shared';
import type { ServerLabel } from '@accord/shared/version-labels';
import { authorId, type Principal } from '../auth/principal';
import type { DocumentRecord, VersionRecord } from '../storage';
import { audit } from './audit';
import { authorise, documentFor } from './access';
import { save } from './save';
import type { DomainContext } from './context';
import { notFound } from './errors';

/**
 * A version is a point in a document's history (the seq of its last update) with a label, a
 * kind and an author, plus the document's full state at that point, so reading or comparing it
 * never replays history: creating one costs O(document), whatever the history's length.
 */
export async function recordVersion(
  context: DomainContext,
  document: Readonly<DocumentRecord>,
  kind: VersionKind,
  /** A person's label as typed, or a server-written one with its catalogue key. */
  labelText: string | ServerLabel,
  principal: Principal | null,
  extra: Pick<VersionRecord, 'restoredText'> = {},
): Promise<VersionInfo> {
  const { label, ...keyed } = typeof labelText === 'string' ? { label: labelText } : labelText;
  const { state, seq } = await context.rooms.read(document.id, (doc, lastSeq) => ({
    state: Y.encodeStateAsUpdate(doc),
    seq: lastSeq,
  }));
  const id = `v${randomId(11)}`;
  await context.storage.updates.saveVersionState(document.id, id, state);
  const now = context.now();
  const record: VersionRecord = {
    id,
    documentId: document.id,
    label,
    ...keyed,
    kind,
    createdAt: now.toISOString(),
    createdBy: principal ? authorId(principal) : null,
    seq,
    ...extra,
  };
  await save(context, (change) => change.putVersion(record));
  audit(context, document.meetingId, `version.${kind}`, principal, {
    text: `Version "${label}" of "${document.title}".`,
    key: 'langaudit.audit.versionRecorded',
    values: {
      label,
      title: document.title,
      // A server-written label is worded again in the reader's language.
      ...(typeof labelText === 'string'
        ? {}
        : { labelKey: labelText.labelKey, ...labelValues(labelText.labelValues) }),
    },
  });
  return presentVersion(context, record);
}

/** A server label's values beside the detail's own, as `label_<name>` (flat, for i18next). */
function labelValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [`label_${name}`, value]),
  );
}

/** A version named by a participant ("Before the coffee break"). */
export async function nameVersion(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  label: string,
): Promise<VersionInfo> {
  const document = documentFor(context, principal, documentId);
  authorise(principal, 'nameVersion');
  return recordVersion(context, document, 'named', label, principal);
}

export function presentVersion(
  context: DomainContext,
  record: Readonly<VersionRecord>,
): VersionInfo {
  let createdBy: VersionInfo['createdBy'] = null;
  if (record.createdBy) {
    const participant = context.storage.metadata.participant(record.createdBy);
    createdBy = {
      participant: record.createdBy,
      name: participant?.name ?? 'Secretariat',
      delegation: participant?.delegation ?? null,
    };
  }
  return {
    id: record.id,
    label: record.label,
    ...(record.labelKey
      ? { labelKey: record.labelKey, labelValues: record.labelValues ?? {} }
      : {}),
    kind: record.kind,
    createdAt: record.createdAt,
    createdBy,
  };
}

export function listVersions(context: DomainContext, documentId: string): VersionInfo[] {
  return context.storage.metadata.versionsOf(documentId).map((v) => presentVersion(context, v));
}

export function findVersion(
  context: DomainContext,
  documentId: string,
  versionId: string,
): Readonly<VersionRecord> {
  const version = context.storage.metadata.version(versionId);
  if (!version || version.documentId !== documentId)
    throw notFound('This version', 'version_not_found');
  return version;
}

/** A version's saved state. */
export async function versionState(
  context: DomainContext,
  version: Readonly<VersionRecord>,
): Promise<Uint8Array> {
  const state = await context.storage.updates.loadVersionState(version.documentId, version.id);
  if (!state) throw notFound('The saved text of this version', 'version_state_missing');
  return state;
}
