import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftStyle } from '@accord/shared/content';
import { useApiData } from '../hooks/useApiData';
import { Loading } from '../components/Loading';
import { ChangeStepper } from './ChangeStepper';
import { ComparisonText, changeElementId } from './ComparisonText';
import { legendOf, markComparison, type MarkedComparison } from './comparisonModel';
import { DelegationLegend } from './DelegationLegend';
import { CURRENT, historyApi } from './historyApi';
import { CommentChanges } from '../comments/CommentChanges';
import { NegotiationChanges } from '../negotiation/NegotiationChanges';

/**
 * The changes between two versions (or a version and the live text), inline in the text, with
 * the delegation legend and filter and a step-by-step walk through the changes.
 */
export function ComparisonView({
  documentId,
  from,
  to,
  title,
  style,
}: {
  documentId: string;
  from: string;
  to: string;
  /** "Changes from “Zero draft” to the current text", as the panel words it. */
  title: string;
  style: DraftStyle;
}) {
  const { t } = useTranslation();
  const comparison = useApiData(() => historyApi.compare(documentId, from, to), `${from}>${to}`);
  const [filter, setFilter] = useState<string | null>(null);
  // The walk belongs to one marking: a new answer or another filter renumbers the changes,
  // and the walk starts again (derived here rather than reset by an effect).
  const [walk, setWalk] = useState<{ of: MarkedComparison | null; index: number | null }>({
    of: null,
    index: null,
  });
  const [onlyChanged, setOnlyChanged] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);

  const data = comparison.status === 'ready' ? comparison.data : null;
  const marked = useMemo(() => (data ? markComparison(data, filter) : null), [data, filter]);
  const legend = useMemo(() => (data ? legendOf(data) : []), [data]);
  // A paragraph moved without a word changed is a change too.
  const changed =
    data !== null &&
    (data.changes.length > 0 || data.paragraphs.some((p) => p.change !== 'unchanged'));

  const current = walk.of === marked ? walk.index : null;

  useEffect(() => {
    if (walk.index === null) return;
    const element = textRef.current?.querySelector<HTMLElement>(`#${changeElementId(walk.index)}`);
    element?.scrollIntoView({ block: 'center' });
    // Focus moves too, so a screen reader reads the change it was taken to.
    element?.focus({ preventScroll: true });
  }, [walk]);

  const step = (delta: 1 | -1) => {
    const count = marked?.count ?? 0;
    if (count === 0) return;
    const next =
      current === null ? (delta === 1 ? 0 : count - 1) : (current + delta + count) % count;
    setWalk({ of: marked, index: next });
  };

  return (
    <section className="history-view" aria-labelledby="history-view-title">
      <div className="history-view__head">
        <h3 id="history-view-title" tabIndex={-1}>
          {title}
        </h3>
        {to === CURRENT && (
          <button type="button" className="button--quiet" onClick={comparison.reload}>
            {t('history.refresh')}
          </button>
        )}
      </div>
      {comparison.status === 'loading' && <Loading />}
      {comparison.status === 'error' && (
        <p className="history-error" role="alert">
          {t('history.compareFailed', { message: comparison.message })}
        </p>
      )}
      {data && !changed && (
        <p className="muted" role="status">
          {t('history.noChanges')}
        </p>
      )}
      {marked && (
        <>
          {legend.length > 0 && (
            <DelegationLegend entries={legend} filter={filter} onFilter={setFilter} />
          )}
          {changed && (
            <div className="history-view__controls">
              {legend.length > 0 && (
                <ChangeStepper count={marked.count} current={current} onStep={step} />
              )}
              <label className="history-check">
                <input
                  type="checkbox"
                  checked={onlyChanged}
                  onChange={(event) => setOnlyChanged(event.target.checked)}
                />
                {t('history.onlyChanged')}
              </label>
            </div>
          )}
          <div ref={textRef}>
            <ComparisonText
              paragraphs={marked.paragraphs}
              style={style}
              current={current}
              onlyChanged={onlyChanged}
            />
          </div>
          {data?.comments && <CommentChanges changes={data.comments} />}
          {data?.negotiation && (
            <NegotiationChanges
              changes={data.negotiation}
              heading={t('negotiate.history.title')}
              numbers={new Map(data.paragraphs.map((p) => [p.paragraphId, p.number.to]))}
            />
          )}
        </>
      )}
    </section>
  );
}
