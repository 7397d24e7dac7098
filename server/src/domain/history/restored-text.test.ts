import { updateYFragment } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FIELD, type NodeJSON } from '@accord/shared';
import { draftSchema } from '@accord/shared/schema/index';
import { doc, heading, operative, title } from '@accord/shared/testing';
import type { VersionRecord } from '../../storage';
import { compareLogged, paragraphsOf } from './comparison';
import { blocksOf, LoggedSession, plainOf, textOf } from './logged-session';
import { readParagraphs } from './paragraphs';
import { restoredOrigins, restoredRuns } from './restored-text';

/**
 * Issue #15, case 3: after the chair restores a version, comparing an older version with now
 * must credit the restored words to the delegations that wrote them, not to the chair.
 */

let session: LoggedSession | null = null;
afterEach(() => {
  session?.destroy();
  session = null;
});

/** The full state and log position of the session now. */
function stateOf(s: LoggedSession): { state: Uint8Array; seq: number } {
  const d = new Y.Doc();
  for (const record of s.records) Y.applyUpdate(d, record.update);
  const state = Y.encodeStateAsUpdate(d);
  d.destroy();
  return { state, seq: s.records.length };
}

const DELEGATIONS: Record<string, string> = {
  'p-ca': 'Canada',
  'p-pe': 'Peru',
  'p-ch': 'Paraguay',
};

function compare(
  s: LoggedSession,
  from: { state: Uint8Array; seq: number },
  to: { state: Uint8Array; seq: number },
  restores: VersionRecord[],
) {
  return compareLogged({
    from: { id: 'from', paragraphs: paragraphsOf(from.state), seq: from.seq },
    to: { id: 'to', paragraphs: paragraphsOf(to.state), seq: to.seq },
    records: s.records.filter((r) => r.seq > from.seq && r.seq <= to.seq),
    bindings: s.bindings,
    style: 'oas',
    name: (author) => ({
      participant: author ?? 'unknown',
      delegation: DELEGATIONS[author ?? ''] ?? 'Template',
    }),
    origin: restoredOrigins(restores, to.seq),
  });
}

/** The chair's restore as restore.ts makes it: y-tiptap's diff into the body, then the runs. */
function restore(chair: Y.Doc, version: { state: Uint8Array; seq: number }, s: LoggedSession) {
  const content = (() => {
    const d = new Y.Doc();
    Y.applyUpdate(d, version.state);
    const json = draftSchema()
      .nodeFromJSON({
        type: 'doc',
        content: blocksOf(d).map(
          (b): NodeJSON => ({
            type: b.nodeName,
            attrs: b.getAttributes(),
            content: plainOf(textOf(b)) ? [{ type: 'text', text: plainOf(textOf(b)) }] : [],
          }),
        ),
      })
      .toJSON() as NodeJSON;
    d.destroy();
    return draftSchema().nodeFromJSON(json);
  })();
  let runs: ReturnType<typeof restoredRuns> = [];
  chair.transact(() => {
    updateYFragment(chair, chair.getXmlFragment(BODY_FIELD), content, {
      mapping: new Map(),
      isOMark: new Map(),
    });
    runs = restoredRuns(readParagraphs(chair), paragraphsOf(version.state));
  });
  const after = stateOf(s);
  const record: VersionRecord = {
    id: `v${after.seq}`,
    documentId: 'd',
    label: 'Restored',
    kind: 'restore',
    createdAt: new Date(0).toISOString(),
    createdBy: 'p-ch',
    seq: after.seq,
    restoredText: runs,
  };
  return { after, record };
}

describe('restored text keeps its writers', () => {
  it('[Z7] words a restore brings back are credited to the delegation that wrote them', () => {
    const s = new LoggedSession(
      doc(title('ZERO DRAFT'), heading('RESOLVES:'), operative('op1', 'To urge member states;')),
    );
    session = s;
    const canada = s.join('p-ca', 'Canada');
    const peru = s.join('p-pe', 'Peru');
    const chair = s.join('p-ch', 'Paraguay');
    const zero = stateOf(s);
    textOf(blocksOf(canada)[2]!).insert(3, 'warmly welcome and ');
    const agreed = stateOf(s);
    const rewritten = textOf(blocksOf(peru)[2]!);
    rewritten.delete(0, rewritten.length);
    rewritten.insert(0, 'To note the states;');
    const { after, record } = restore(chair, agreed, s);
    expect(plainOf(textOf(blocksOf(canada)[2]!))).toBe('To warmly welcome and urge member states;');
    // Without the restore's record, the chair (and Peru) take credit for Canada's words.
    const naive = compare(s, zero, after, []);
    expect(naive.changes.some((c) => c.delegation === 'Paraguay' || c.delegation === 'Peru')).toBe(
      true,
    );
    const fair = compare(s, zero, after, [record]);
    expect(fair.changes.map((c) => [c.kind, c.text, c.delegation])).toEqual([
      ['insert', 'warmly welcome and ', 'Canada'],
    ]);
  });
});
