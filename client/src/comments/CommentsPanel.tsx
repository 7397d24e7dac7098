import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { MAX_COMMENT_TEXT, type CommentEntry } from '@accord/shared/comments';
import type { DraftStyle } from '@accord/shared/content';
import { randomId } from '@accord/shared/ids';
import { numberBlocks } from '@accord/shared/numbering';
import { MeetingTime } from '../components/MeetingTime';
import {
  commentMarksPlugin,
  jumpTo,
  refreshCommentMarks,
  selectedParagraph,
  selectionAnchor,
} from './commentDecorations';
import {
  canResolve,
  commentsTable,
  filterThreads,
  NO_FILTER,
  openCounts,
  readThreads,
  type Thread,
  type ThreadFilter,
} from './commentThreads';
import './comments.css';

export interface CommentUser {
  participant: string;
  delegation: string | null;
  role: string;
}

interface Draft {
  paragraphId: string;
  quote: string;
  anchor: CommentEntry['anchor'] | null;
}

function fieldText(form: HTMLFormElement): string {
  const value = new FormData(form).get('text');
  return typeof value === 'string' ? value.trim() : '';
}

/** The live threads of a document's `comments` table. */
function useThreads(doc: Y.Doc): Thread[] {
  const [threads, setThreads] = useState(() => readThreads(commentsTable(doc)));
  useEffect(() => {
    const table = commentsTable(doc);
    const update = () => setThreads(readThreads(table));
    update();
    table.observe(update);
    return () => table.unobserve(update);
  }, [doc]);
  return threads;
}

/** Paragraph id → its printed number ("3.", "2 bis."), for the paragraph filter and labels. */
function paragraphNumbers(editor: Editor | null, style: DraftStyle): Map<string, string> {
  const numbers = new Map<string, string>();
  if (!editor || editor.isDestroyed) return numbers;
  const blocks: { type: string; attrs: Record<string, unknown> }[] = [];
  editor.state.doc.forEach((node) => blocks.push({ type: node.type.name, attrs: node.attrs }));
  const labels = numberBlocks(blocks, style);
  blocks.forEach((block, index) => {
    const id = block.attrs.id;
    if (typeof id === 'string') numbers.set(id, labels[index]?.label ?? '');
  });
  return numbers;
}

/**
 * The comment threads beside the draft: add a comment on the selected text (button or
 * Ctrl+Alt+M), reply, resolve and reopen, filter (open, mine, by delegation, by paragraph) and
 * jump to the commented phrase. Writes go straight into the document's `comments` table, so
 * they are live for everyone, durable in the log and checked by the relay like any edit.
 */
export function CommentsPanel({
  doc,
  editor,
  user,
  canComment,
  style,
}: {
  doc: Y.Doc;
  editor: Editor | null;
  user: CommentUser;
  canComment: boolean;
  style: DraftStyle;
}) {
  const { t } = useTranslation();
  const threads = useThreads(doc);
  const [filter, setFilter] = useState<ThreadFilter>(NO_FILTER);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const draftField = useRef<HTMLTextAreaElement>(null);

  const latest = useRef({
    threads,
    active,
    countLabel: (n: number) => t('comments.count', { count: n }),
  });

  const startComment = () => {
    if (!editor || !canComment) return;
    const paragraph = selectedParagraph(editor.state);
    if (!paragraph) {
      setHint(t('comments.selectFirst'));
      return;
    }
    setHint(null);
    setDraft({
      paragraphId: paragraph.id,
      quote: paragraph.quote.slice(0, 1000),
      anchor: selectionAnchor(editor.state),
    });
  };
  const startRef = useRef(startComment);
  // The editor's plugin reads the latest threads and handler, without being registered anew.
  useLayoutEffect(() => {
    latest.current = { threads, active, countLabel: (n) => t('comments.count', { count: n }) };
    startRef.current = startComment;
  });

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const plugin = commentMarksPlugin(
      () => latest.current,
      () => startRef.current(),
    );
    editor.registerPlugin(plugin);
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(plugin.spec.key ?? 'commentMarks');
    };
  }, [editor]);

  useEffect(() => {
    if (editor) refreshCommentMarks(editor);
  }, [editor, threads, active, t]);

  useEffect(() => {
    if (draft) draftField.current?.focus();
  }, [draft]);

  const numbers = paragraphNumbers(editor, style);
  const counts = openCounts(threads);
  const delegations = useMemo(
    () =>
      [...new Set(threads.map((thread) => thread.entry.delegation ?? ''))]
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b)),
    [threads],
  );
  const shown = filterThreads(threads, filter, user.participant);
  const openTotal = threads.filter((thread) => !thread.entry.resolved).length;

  const paragraphLabel = (id: string) => {
    const number = numbers.get(id);
    return number ? t('comments.paragraphNumbered', { number }) : t('comments.paragraphUnnumbered');
  };

  const write = (entry: CommentEntry) => commentsTable(doc).set(entry.id, entry);
  const newEntry = (
    fields: Omit<CommentEntry, 'id' | 'participant' | 'delegation' | 'createdAt' | 'resolved'>,
  ): CommentEntry => ({
    id: `c${randomId(11)}`,
    participant: user.participant,
    delegation: user.delegation,
    createdAt: new Date().toISOString(),
    resolved: false,
    ...fields,
  });

  const submitDraft = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = fieldText(event.currentTarget);
    if (!draft || !text) return;
    const entry = newEntry({
      paragraphId: draft.paragraphId,
      quote: draft.quote,
      text,
      ...(draft.anchor ? { anchor: draft.anchor } : {}),
    });
    write(entry);
    setDraft(null);
    setActive(entry.id);
  };

  const submitReply = (thread: Thread) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = fieldText(form);
    if (!text) return;
    write(
      newEntry({ paragraphId: thread.entry.paragraphId, quote: '', text, parent: thread.entry.id }),
    );
    form.reset();
  };

  const setResolved = (entry: CommentEntry, resolved: boolean) => {
    const { resolvedBy: _by, resolvedAt: _at, ...open } = entry;
    write(
      resolved
        ? {
            ...open,
            resolved: true,
            resolvedBy: user.participant,
            resolvedAt: new Date().toISOString(),
          }
        : { ...open, resolved: false },
    );
  };

  const who = (entry: CommentEntry) =>
    entry.participant === user.participant
      ? t('comments.you')
      : (entry.delegation ?? t('comments.secretariat'));

  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="comments__title">
        {t('comments.title')}{' '}
        <span className="comments__total">{t('comments.openCount', { count: openTotal })}</span>
      </h2>
      {canComment && (
        <button
          type="button"
          className="comments__add"
          onMouseDown={(event) => event.preventDefault()}
          onClick={startComment}
          aria-keyshortcuts="Control+Alt+M"
          title={t('comments.addHint')}
        >
          {t('comments.add')}
        </button>
      )}
      <p className="comments__hint" role="status">
        {hint}
      </p>
      {draft && (
        <form className="comments__form" onSubmit={submitDraft}>
          <p className="comments__quote">
            {paragraphLabel(draft.paragraphId)}
            {draft.quote ? ` · “${draft.quote}”` : ''}
          </p>
          <label>
            {t('comments.newLabel')}
            <textarea ref={draftField} name="text" required maxLength={MAX_COMMENT_TEXT} rows={3} />
          </label>
          <div className="comments__actions">
            <button type="submit">{t('comments.post')}</button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('comments.cancel')}
            </button>
          </div>
        </form>
      )}
      <fieldset className="comments__filters">
        <legend>{t('comments.filters')}</legend>
        <label>
          <input
            type="checkbox"
            checked={filter.open}
            onChange={(event) => setFilter({ ...filter, open: event.target.checked })}
          />
          {t('comments.filterOpen')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.mine}
            onChange={(event) => setFilter({ ...filter, mine: event.target.checked })}
          />
          {t('comments.filterMine')}
        </label>
        <label>
          {t('comments.filterDelegation')}
          <select
            value={filter.delegation ?? ''}
            onChange={(event) => setFilter({ ...filter, delegation: event.target.value || null })}
          >
            <option value="">{t('comments.allDelegations')}</option>
            {delegations.map((delegation) => (
              <option key={delegation} value={delegation}>
                {delegation}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('comments.filterParagraph')}
          <select
            value={filter.paragraphId ?? ''}
            onChange={(event) => setFilter({ ...filter, paragraphId: event.target.value || null })}
          >
            <option value="">{t('comments.allParagraphs')}</option>
            {[...counts.keys()]
              .concat(
                filter.paragraphId && !counts.has(filter.paragraphId) ? [filter.paragraphId] : [],
              )
              .map((id) => (
                <option key={id} value={id}>
                  {t('comments.paragraphOption', {
                    paragraph: paragraphLabel(id),
                    count: counts.get(id) ?? 0,
                  })}
                </option>
              ))}
          </select>
        </label>
      </fieldset>
      {shown.length === 0 ? (
        <p className="comments__empty">{t('comments.empty')}</p>
      ) : (
        <ul className="comments__list">
          {shown.map((thread) => {
            const { entry } = thread;
            return (
              <li
                key={entry.id}
                className={`comment${entry.resolved ? ' comment--resolved' : ''}${entry.id === active ? ' comment--active' : ''}`}
                data-comment={entry.id}
              >
                <article
                  aria-label={
                    entry.participant === user.participant
                      ? t('langaudit.ownThreadLabel', {
                          paragraph: paragraphLabel(entry.paragraphId),
                        })
                      : t('comments.threadLabel', {
                          who: who(entry),
                          paragraph: paragraphLabel(entry.paragraphId),
                        })
                  }
                >
                  <p className="comment__meta">
                    <strong>{who(entry)}</strong> · <MeetingTime at={entry.createdAt} />
                  </p>
                  <button
                    type="button"
                    className="comment__jump"
                    onClick={() => {
                      setActive(entry.id);
                      if (editor) jumpTo(editor, entry);
                    }}
                  >
                    {paragraphLabel(entry.paragraphId)}
                    {entry.quote ? ` · “${entry.quote}”` : ''}
                  </button>
                  <p className="comment__text">{entry.text}</p>
                  {entry.resolved && <p className="comment__state">{t('comments.resolved')}</p>}
                  {thread.replies.length > 0 && (
                    <ul className="comment__replies" aria-label={t('comments.replies')}>
                      {thread.replies.map((reply) => (
                        <li key={reply.id}>
                          <p className="comment__meta">
                            <strong>{who(reply)}</strong> · <MeetingTime at={reply.createdAt} />
                          </p>
                          <p className="comment__text">{reply.text}</p>
                        </li>
                      ))}
                    </ul>
                  )}
                  {canComment && !entry.resolved && (
                    <form className="comment__reply" onSubmit={submitReply(thread)}>
                      <label>
                        {t('comments.replyLabel')}
                        <textarea name="text" required maxLength={MAX_COMMENT_TEXT} rows={2} />
                      </label>
                      <button type="submit">{t('comments.reply')}</button>
                    </form>
                  )}
                  {canComment && canResolve(entry, user.participant, user.role) && (
                    <button type="button" onClick={() => setResolved(entry, !entry.resolved)}>
                      {entry.resolved ? t('comments.reopen') : t('comments.resolve')}
                    </button>
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
