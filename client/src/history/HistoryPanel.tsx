import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import type { DraftStyle } from '@accord/shared/content';
import type { ApiData } from '../hooks/useApiData';
import type { ComparisonPair } from './ComparePicker';
import { ComparisonView } from './ComparisonView';
import { CURRENT } from './historyApi';
import { VersionsOverview } from './VersionsOverview';
import { VersionTextView } from './VersionTextView';
import './history.css';

type View =
  | { kind: 'overview' }
  | { kind: 'compare'; pair: ComparisonPair; sinceLastVisit: boolean }
  | { kind: 'read'; versionId: string };

/**
 * The revision history beside the live text. Two pages, so that a comparison gets the whole
 * height of a 720-pixel projector: the overview (timeline, naming, picking two versions), and
 * one view (a comparison, or one version's text) with a way back. Everyone may read and
 * compare; naming and restoring are offered to the roles that may (the server decides too).
 * It is opened and closed by the one "History" button in the editor's header.
 */
export function HistoryPanel({
  documentId,
  style,
  versions,
  lastVisitVersion,
  canName,
  canRestore,
}: {
  documentId: string;
  style: DraftStyle;
  versions: ApiData<VersionInfo[]>;
  lastVisitVersion: string | null;
  canName: boolean;
  canRestore: boolean;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'overview' });
  const [lastPair, setLastPair] = useState<ComparisonPair | null>(null);
  const [notice, setNotice] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = versions.status === 'ready' ? versions.data : [];

  // Opening the panel, or going back, takes the reader to its heading; opening a view, to the
  // view's heading.
  useEffect(() => {
    if (view.kind === 'overview') headingRef.current?.focus();
    else document.getElementById('history-view-title')?.focus();
  }, [view]);

  const nameOf = (id: string) =>
    id === CURRENT
      ? t('history.theCurrentText')
      : t('history.quoted', { label: list.find((v) => v.id === id)?.label ?? id });

  const restored = (version: VersionInfo, from: VersionInfo) => {
    setNotice(t('history.restored', { label: from.label, restore: version.label }));
    versions.reload();
  };

  const compare = (pair: ComparisonPair, sinceLastVisit = false) => {
    setLastPair(pair);
    setView({ kind: 'compare', pair, sinceLastVisit });
  };
  const reading = view.kind === 'read' ? list.find((v) => v.id === view.versionId) : undefined;

  return (
    <section id="history-panel" className="history-panel" aria-labelledby="history-title">
      <div className="history-panel__head">
        <h2 id="history-title" ref={headingRef} tabIndex={-1}>
          {t('history.title')}
        </h2>
        {view.kind !== 'overview' && (
          <button type="button" onClick={() => setView({ kind: 'overview' })}>
            <span aria-hidden="true">← </span>
            {t('history.back')}
          </button>
        )}
      </div>
      {!canRestore && <p className="muted">{t('history.readOnlyNote')}</p>}
      <p className="history-notice" role="status">
        {notice}
      </p>

      {view.kind === 'overview' && (
        <VersionsOverview
          documentId={documentId}
          versions={versions}
          lastVisitVersion={lastVisitVersion}
          lastPair={lastPair}
          canName={canName}
          canRestore={canRestore}
          onRead={(version) => setView({ kind: 'read', versionId: version.id })}
          onCompare={compare}
          onRestored={restored}
        />
      )}
      {view.kind === 'compare' && (
        <ComparisonView
          key={`${view.pair.from}>${view.pair.to}`}
          documentId={documentId}
          from={view.pair.from}
          to={view.pair.to}
          style={style}
          title={
            view.sinceLastVisit
              ? t('history.sinceLastVisitTitle', { from: nameOf(view.pair.from) })
              : t('history.compareHeading', {
                  from: nameOf(view.pair.from),
                  to: nameOf(view.pair.to),
                })
          }
        />
      )}
      {reading && (
        <VersionTextView
          key={reading.id}
          documentId={documentId}
          version={reading}
          style={style}
          canRestore={canRestore}
          onRestored={restored}
        />
      )}
    </section>
  );
}
