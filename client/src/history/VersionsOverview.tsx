import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import type { ApiData } from '../hooks/useApiData';
import { Loading } from '../components/Loading';
import { ComparePicker, type ComparisonPair } from './ComparePicker';
import { CURRENT } from './historyApi';
import { NameVersionForm } from './NameVersionForm';
import { VersionTimeline } from './VersionTimeline';

/**
 * The panel's first page: name a version (chair, rapporteur), the timeline, "changes since my
 * last visit" and the picker of any two versions.
 */
export function VersionsOverview({
  documentId,
  versions,
  lastVisitVersion,
  lastPair,
  canName,
  canRestore,
  onRead,
  onCompare,
  onRestored,
}: {
  documentId: string;
  versions: ApiData<VersionInfo[]>;
  lastVisitVersion: string | null;
  /** The pair compared last, offered again by the picker. */
  lastPair: ComparisonPair | null;
  canName: boolean;
  canRestore: boolean;
  onRead: (version: VersionInfo) => void;
  onCompare: (pair: ComparisonPair, sinceLastVisit?: boolean) => void;
  onRestored: (restored: VersionInfo, from: VersionInfo) => void;
}) {
  const { t } = useTranslation();
  const list = versions.status === 'ready' ? versions.data : [];
  const lastVisit = list.find((version) => version.id === lastVisitVersion) ?? null;
  return (
    <>
      {canName && <NameVersionForm documentId={documentId} onNamed={versions.reload} />}
      <h3>{t('history.versions')}</h3>
      {versions.status === 'loading' && <Loading />}
      {versions.status === 'error' && (
        <p className="history-error" role="alert">
          {t('history.versionsFailed', { message: versions.message })}
        </p>
      )}
      {versions.status === 'ready' && (
        <VersionTimeline
          documentId={documentId}
          versions={list}
          selected={lastPair?.from ?? null}
          canRestore={canRestore}
          onRead={onRead}
          onCompareWithCurrent={(version) => onCompare({ from: version.id, to: CURRENT })}
          onRestored={onRestored}
        />
      )}
      {list.length > 0 && (
        <>
          <h3>{t('history.compareTitle')}</h3>
          <div className="history-since">
            <button
              type="button"
              disabled={!lastVisit}
              aria-describedby="history-since-hint"
              onClick={() => lastVisit && onCompare({ from: lastVisit.id, to: CURRENT }, true)}
            >
              {t('history.sinceLastVisit')}
            </button>
            <span id="history-since-hint" className="muted">
              {lastVisit
                ? t('history.lastVisitWas', { label: lastVisit.label })
                : t('history.noLastVisit')}
            </span>
          </div>
          <ComparePicker versions={list} initial={lastPair} onCompare={onCompare} />
        </>
      )}
    </>
  );
}
