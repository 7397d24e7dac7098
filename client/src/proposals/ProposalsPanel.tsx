import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { supportKey, type DraftingMode } from '@accord/shared/proposals';
import { errorMessage } from '../hooks/useApiData';
import { delegationColour } from '../collab/delegationColour';
import { openProposals, type OpenProposal } from './openProposals';
import { paragraphModeAt } from './paragraphModes';
import { ParagraphModeSelect } from './ParagraphModeSelect';
import { proposalsApi, type DecidedProposal } from './proposalsApi';
import './proposals.css';

/**
 * Every open proposal of the document, live from the editor: filters by delegation and
 * paragraph, counts, next/previous (Alt+ArrowDown / Alt+ArrowUp anywhere on the page), jump-to,
 * and for the chair accept/reject one, all of a delegation or all in a paragraph. A delegate
 * may withdraw its own. The "Propose changes" toggle is here, forced on where the mode says so.
 * A decision just made can be undone from its notice, or with Ctrl+Z until the user edits again;
 * the chair sets the mode of the paragraph holding the cursor here too.
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
  const [notice, setNotice] = useState<string | null>(null);
  /** The decision just made, undoable until the user edits the text. */
  const [lastDecision, setLastDecision] = useState<{ id: string; count: number } | null>(null);
  const forced = !decides && mode !== 'open' && delegation !== null;
  const [wanted, setWanted] = useState(false);
  const proposing = forced || wanted;

  useEffect(() => {
    if (!editor) return;
    const changed = () => setVersion((v) => v + 1);
    // The user's own edit after a decision: Ctrl+Z is the editor's again.
    const edited = ({ transaction }: { transaction: Parameters<typeof isChangeOrigin>[0] }) => {
      if (!isChangeOrigin(transaction)) setLastDecision(null);
    };
    editor.on('update', changed);
    editor.on('update', edited);
    editor.on('selectionUpdate', changed);
    const modes = doc.getMap('paragraphModes');
    modes.observe(changed);
    return () => {
      editor.off('update', changed);
      editor.off('update', edited);
      editor.off('selectionUpdate', changed);
      modes.unobserve(changed);
    };
  }, [editor, doc]);

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
    setNotice(null);
    run().catch((failure: unknown) => setError(errorMessage(failure)));
  };

  const decided = (proposals: DecidedProposal[]) => {
    const first = proposals[0];
    if (first) setLastDecision({ id: first.decision, count: proposals.length });
  };

  const undoLast = useCallback(() => {
    if (!lastDecision) return;
    setError(null);
    proposalsApi.undoDecision(documentId, lastDecision.id).then(
      () => {
        setLastDecision(null);
        setNotice(t('proposals.undone'));
      },
      (failure: unknown) => {
        setLastDecision(null);
        setError(errorMessage(failure));
      },
    );
  }, [documentId, lastDecision, t]);

  useEffect(() => {
    if (!lastDecision) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z')
        return;
      // Before the editor's own undo, which knows nothing of the server's change.
      event.preventDefault();
      event.stopPropagation();
      undoLast();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [lastDecision, undoLast]);

  const paragraphId = editor ? currentParagraphId(editor) : null;
  const paragraphMode = editor ? paragraphModeAt(doc, editor.state) : null;

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
      {decides && paragraphId !== null && (
        <ParagraphModeSelect
          documentId={documentId}
          paragraphId={paragraphId}
          mode={paragraphMode}
          onError={setError}
        />
      )}
      {decides && (byDelegation !== '' || byParagraph !== '') && shown.length > 0 && (
        <div className="proposals-panel__bulk">
          {(['accept', 'reject'] as const).map((decision) => (
            <button
              key={decision}
              type="button"
              onClick={() =>
                act(() =>
                  proposalsApi
                    .decideAll(
                      documentId,
                      byDelegation !== ''
                        ? { delegation: byDelegation }
                        : { paragraphId: byParagraph },
                      decision,
                    )
                    .then(decided),
                )
              }
            >
              {t(decision === 'accept' ? 'proposals.acceptShown' : 'proposals.rejectShown')}
            </button>
          ))}
        </div>
      )}
      {lastDecision && (
        <p className="proposals-panel__decided" role="status">
          {t('proposals.decided', { count: lastDecision.count })}{' '}
          <button type="button" onClick={undoLast} aria-keyshortcuts="Control+Z">
            {t('proposals.undo')}
          </button>
        </p>
      )}
      {notice && (
        <p className="proposals-panel__decided" role="status">
          {notice}
        </p>
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
                onClick={() =>
                  act(() =>
                    proposalsApi
                      .decide(documentId, proposal.id, 'accept')
                      .then((one) => decided([one])),
                  )
                }
              >
                {t('proposals.accept')}
              </button>
            )}
            {(decides || proposal.delegation === delegation) && (
              <button
                type="button"
                onClick={() =>
                  act(() =>
                    proposalsApi
                      .decide(documentId, proposal.id, 'reject')
                      .then((one) => decided([one])),
                  )
                }
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

/** The id of the paragraph holding the cursor, if it has one. */
function currentParagraphId(editor: Editor): string | null {
  const { $from } = editor.state.selection;
  if ($from.depth < 1) return null;
  const id: unknown = $from.node(1).attrs.id;
  return typeof id === 'string' ? id : null;
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
