import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { supportKey, type DraftingMode } from '@accord/shared/proposals';
import { errorMessage } from '../hooks/useApiData';
import { delegationColour } from '../collab/delegationColour';
import { openProposals, type OpenProposal } from './openProposals';
import { proposalsApi } from './proposalsApi';
import './proposals.css';

/**
 * Every open proposal of the document, live from the editor: filters by delegation and
 * paragraph, counts, next/previous (Alt+ArrowDown / Alt+ArrowUp anywhere on the page), jump-to,
 * and for the chair accept/reject one, all of a delegation or all in a paragraph. A delegate
 * may withdraw its own. The "Propose changes" toggle is here, forced on where the mode says so.
 */
export function ProposalsPanel({
  editor,
  documentId,
  mode,
  decides,
  delegation,
  doc,
}: {
  editor: Editor | null;
  /** The live document, for the supporters' side table. */
  doc: Y.Doc;
  documentId: string;
  mode: DraftingMode;
  /** The chair (or the secretariat): accepts and rejects any proposal. */
  decides: boolean;
  /** The reader's delegation, which may withdraw its own proposals and propose. */
  delegation: string | null;
}) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [byDelegation, setByDelegation] = useState('');
  const [byParagraph, setByParagraph] = useState('');
  const [current, setCurrent] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const forced = !decides && mode !== 'open' && delegation !== null;
  const [wanted, setWanted] = useState(false);
  const proposing = forced || wanted;

  useEffect(() => {
    if (!editor) return;
    const changed = () => setVersion((v) => v + 1);
    editor.on('update', changed);
    return () => {
      editor.off('update', changed);
    };
  }, [editor]);

  useEffect(() => {
    editor?.commands.setProposing(proposing);
  }, [editor, proposing]);

  const all = useMemo(
    () => (editor ? openProposals(editor.state.doc) : []),
    // `version` changes with every edit of the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, version],
  );
  const delegations = [...new Set(all.map((p) => p.delegation))].sort();
  const paragraphs = [...new Set(all.map((p) => p.paragraphId ?? ''))].filter(Boolean);
  const shown = all.filter(
    (p) =>
      (byDelegation === '' || p.delegation === byDelegation) &&
      (byParagraph === '' || p.paragraphId === byParagraph),
  );

  const jump = useCallback(
    (proposal: OpenProposal) => {
      if (!editor) return;
      const { state, view } = editor;
      const at = Math.min(proposal.from, state.doc.content.size);
      view.dispatch(
        state.tr.setSelection(TextSelection.create(state.doc, at, proposal.to)).scrollIntoView(),
      );
      view.focus();
    },
    [editor],
  );

  const step = useCallback(
    (by: 1 | -1) => {
      if (shown.length === 0) return;
      const next = (current + by + shown.length) % shown.length;
      setCurrent(next);
      jump(shown[next]!);
    },
    [current, shown, jump],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
      event.preventDefault();
      step(event.key === 'ArrowDown' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const act = (run: () => Promise<unknown>) => {
    setError(null);
    run().catch((failure: unknown) => setError(errorMessage(failure)));
  };

  return (
    <section className="proposals-panel" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t('proposals.title')}</h2>
      {delegation !== null && (
        <label className="proposals-panel__toggle">
          <input
            type="checkbox"
            checked={proposing}
            disabled={forced}
            onChange={(event) => setWanted(event.target.checked)}
          />
          {t('proposals.propose')}
          {forced && <span className="muted"> {t('proposals.forced')}</span>}
        </label>
      )}
      <p className="proposals-panel__count" aria-live="polite">
        {t('proposals.count', { count: shown.length })}
      </p>
      <div className="proposals-panel__filters">
        <label>
          {t('proposals.byDelegation')}
          <select value={byDelegation} onChange={(e) => setByDelegation(e.target.value)}>
            <option value="">{t('proposals.all')}</option>
            {delegations.map((d) => (
              <option key={d} value={d}>
                {d} ({all.filter((p) => p.delegation === d).length})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('proposals.byParagraph')}
          <select value={byParagraph} onChange={(e) => setByParagraph(e.target.value)}>
            <option value="">{t('proposals.all')}</option>
            {paragraphs.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="proposals-panel__nav">
        <button type="button" onClick={() => step(-1)} disabled={shown.length === 0}>
          {t('proposals.previous')}
        </button>
        <button type="button" onClick={() => step(1)} disabled={shown.length === 0}>
          {t('proposals.next')}
        </button>
      </div>
      {decides && (byDelegation !== '' || byParagraph !== '') && shown.length > 0 && (
        <div className="proposals-panel__bulk">
          {(['accept', 'reject'] as const).map((decision) => (
            <button
              key={decision}
              type="button"
              onClick={() =>
                act(() =>
                  proposalsApi.decideAll(
                    documentId,
                    byDelegation !== ''
                      ? { delegation: byDelegation }
                      : { paragraphId: byParagraph },
                    decision,
                  ),
                )
              }
            >
              {t(decision === 'accept' ? 'proposals.acceptShown' : 'proposals.rejectShown')}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ol className="proposals-panel__list">
        {shown.map((proposal, index) => (
          <li
            key={proposal.id}
            className={index === current ? 'proposals-panel__item--current' : undefined}
            data-proposal={proposal.id}
          >
            <button
              type="button"
              className="proposals-panel__jump"
              onClick={() => {
                setCurrent(index);
                jump(proposal);
              }}
            >
              <span
                className={`proposal--${proposal.kind}`}
                style={{ color: delegationColour(proposal.delegation) }}
              >
                {proposal.text}
              </span>
            </button>
            <span className="proposals-panel__who">
              {t(proposal.kind === 'insert' ? 'proposals.insertBy' : 'proposals.deleteBy', {
                delegation: proposal.delegation,
              })}
            </span>
            {decides && (
              <button
                type="button"
                onClick={() => act(() => proposalsApi.decide(documentId, proposal.id, 'accept'))}
              >
                {t('proposals.accept')}
              </button>
            )}
            {(decides || proposal.delegation === delegation) && (
              <button
                type="button"
                onClick={() => act(() => proposalsApi.decide(documentId, proposal.id, 'reject'))}
              >
                {t(decides ? 'proposals.reject' : 'proposals.withdraw')}
              </button>
            )}
            {!decides && delegation !== null && proposal.delegation !== delegation && (
              <button type="button" onClick={() => supportProposal(doc, proposal.id, delegation)}>
                {t('proposals.support')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Joins a proposal as a co-sponsor: one key of the `proposalSupport` side table. */
function supportProposal(doc: Y.Doc, proposalId: string, delegation: string): void {
  doc.getMap<boolean>('proposalSupport').set(supportKey(proposalId, delegation), true);
}

/** The chair's choice of drafting mode. */
export function DraftingModeSelect({
  documentId,
  mode,
  onChanged,
}: {
  documentId: string;
  mode: DraftingMode;
  onChanged: (mode: DraftingMode) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="drafting-mode">
      {t('proposals.mode')}
      <select
        value={mode}
        onChange={(event) => {
          const next = event.target.value as DraftingMode;
          proposalsApi.setMode(documentId, next).then(
            (document) => onChanged(document.mode),
            () => onChanged(mode),
          );
        }}
      >
        {(['open', 'proposals', 'penholder'] as const).map((m) => (
          <option key={m} value={m}>
            {t(`proposals.modes.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
