import { useEffect, useMemo, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { PARAGRAPH_STATUSES } from '@accord/shared/schema/index';
import { BODY_FIELD } from '@accord/shared/protocol';
import type { PresentPerson } from '../collab/usePresence';
import { delegationColour } from '../collab/delegationColour';
import { summarise, type ParagraphEntry } from './summary';
import './negotiation.css';

/** Re-renders when the side tables change (joined brackets, comments): they are not the body. */
function useSideTables(doc: Y.Doc): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = (tr: Y.Transaction) => {
      // A root type other than the body (whose changes reach the editor) changed.
      if (
        [...tr.changed.keys()].some((type) => type._item === null && (type as unknown) !== body)
      ) {
        setVersion((v) => v + 1);
      }
    };
    const body = doc.getXmlFragment(BODY_FIELD);
    doc.on('afterTransaction', bump);
    return () => doc.off('afterTransaction', bump);
  }, [doc]);
  return version;
}

function Jump({ editor, entry }: { editor: Editor; entry: ParagraphEntry }) {
  return (
    <button
      type="button"
      className="dashboard__jump"
      onClick={() => editor.chain().focus().setTextSelection(entry.pos).scrollIntoView().run()}
    >
      {entry.label}
    </button>
  );
}

/**
 * The chair's dashboard: paragraphs by status, brackets by delegation, open comments, open
 * proposals, who is connected by delegation. A paragraph's number jumps to it in the text.
 */
export function ChairDashboard({
  editor,
  doc,
  people,
}: {
  editor: Editor;
  doc: Y.Doc;
  people: PresentPerson[];
}) {
  const { t } = useTranslation();
  const sides = useSideTables(doc);
  const body = useEditorState({ editor, selector: ({ editor: current }) => current.state.doc });
  // `sides` counts side-table changes: the summary reads them from `doc`.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const summary = useMemo(() => summarise(body, doc), [body, doc, sides]);
  const connected = new Map<string, Set<string>>();
  for (const person of people) {
    const key = person.user.delegation ?? t('presence.noDelegation');
    connected.set(key, (connected.get(key) ?? new Set()).add(person.user.participant));
  }

  return (
    <section className="dashboard" aria-label={t('negotiate.dashboard')}>
      <h2>{t('negotiate.dashboard')}</h2>
      <h3>{t('negotiate.byStatus')}</h3>
      <ul className="dashboard__list">
        {PARAGRAPH_STATUSES.map((status) => (
          <li key={status} data-status={status}>
            <span className="dashboard__count" data-testid={`dashboard-status-${status}`}>
              {summary.byStatus[status].length}
            </span>{' '}
            {t(`status.${status}`)}{' '}
            {summary.byStatus[status].map((entry) => (
              <Jump key={entry.pos} editor={editor} entry={entry} />
            ))}
          </li>
        ))}
      </ul>
      <h3>
        {t('negotiate.bracketsByDelegation')}{' '}
        <span className="dashboard__count" data-testid="dashboard-brackets">
          {summary.brackets}
        </span>
      </h3>
      {summary.bracketsByDelegation.length === 0 ? (
        <p>{t('negotiate.cleanText')}</p>
      ) : (
        <ul className="dashboard__list">
          {summary.bracketsByDelegation.map(([delegation, entries]) => (
            <li key={delegation}>
              <span className="bracket-tag" style={{ background: delegationColour(delegation) }}>
                {delegation}
              </span>{' '}
              <span className="dashboard__count">{entries.length}</span>{' '}
              {entries.map((entry, i) => (
                <Jump key={`${entry.pos}:${i}`} editor={editor} entry={entry} />
              ))}
            </li>
          ))}
        </ul>
      )}
      <h3>
        {t('negotiate.openComments')}{' '}
        <span className="dashboard__count" data-testid="dashboard-comments">
          {summary.openComments}
        </span>
      </h3>
      <h3>
        {t('roome2e.openProposals')}{' '}
        <span className="dashboard__count" data-testid="dashboard-proposals">
          {summary.openProposals}
        </span>
      </h3>
      <h3>{t('negotiate.connected')}</h3>
      <ul className="dashboard__list">
        {[...connected.entries()].map(([delegation, participants]) => (
          <li key={delegation}>
            <span className="bracket-tag" style={{ background: delegationColour(delegation) }}>
              {delegation}
            </span>{' '}
            {t('presence.count', { count: participants.size })}
          </li>
        ))}
      </ul>
    </section>
  );
}
