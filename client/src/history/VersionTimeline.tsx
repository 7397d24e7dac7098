import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import { MeetingTime } from '../components/MeetingTime';
import { authorLabel, kindLabel } from './historyFormat';
import { RestoreButton } from './RestoreButton';
import {
  NegotiationChanges,
  changesBetween,
  useNegotiationHistory,
} from '../negotiation/NegotiationChanges';

/**
 * The versions of a document, newest first: label, kind, author and time, with what each
 * person may do with a version (read its text, compare it with the live text; the chair may
 * restore it).
 */
export function VersionTimeline({
  documentId,
  versions,
  selected,
  canRestore,
  onRead,
  onCompareWithCurrent,
  onRestored,
}: {
  documentId: string;
  /** Oldest first, as the server answers. */
  versions: VersionInfo[];
  /** The version being read or compared, highlighted in the list. */
  selected: string | null;
  canRestore: boolean;
  onRead: (version: VersionInfo) => void;
  onCompareWithCurrent: (version: VersionInfo) => void;
  onRestored: (restored: VersionInfo, from: VersionInfo) => void;
}) {
  const { t } = useTranslation();
  const negotiation = useNegotiationHistory(documentId, versions.length);
  if (versions.length === 0) return <p className="muted">{t('history.noVersions')}</p>;
  const newestFirst = [...versions].reverse();
  const since = changesBetween(negotiation, versions[versions.length - 1], undefined);
  return (
    <ol className="history-timeline" aria-label={t('history.timeline')}>
      {since.length > 0 && (
        <li className="history-timeline__item" data-kind="since">
          <div className="history-timeline__head">{t('negotiate.history.sinceLast')}</div>
          <NegotiationChanges changes={since} />
        </li>
      )}
      {newestFirst.map((version, index) => (
        <li
          key={version.id}
          className="history-timeline__item"
          aria-current={version.id === selected ? 'true' : undefined}
          data-version-id={version.id}
          data-kind={version.kind}
        >
          <div className="history-timeline__head">
            <span className="history-timeline__label">{version.label}</span>
            <span className={`history-kind history-kind--${version.kind}`}>
              {kindLabel(version.kind)}
            </span>
          </div>
          <div className="history-timeline__meta muted">
            {authorLabel(version.createdBy)} · <MeetingTime at={version.createdAt} />
          </div>
          <NegotiationChanges
            changes={changesBetween(negotiation, newestFirst[index + 1], version)}
          />
          <div className="history-actions">
            <button
              type="button"
              className="button--quiet"
              aria-label={t('history.readNamed', { label: version.label })}
              onClick={() => onRead(version)}
            >
              {t('history.read')}
            </button>
            <button
              type="button"
              className="button--quiet"
              aria-label={t('history.compareWithCurrentNamed', { label: version.label })}
              onClick={() => onCompareWithCurrent(version)}
            >
              {t('history.compareWithCurrent')}
            </button>
            {canRestore && (
              <RestoreButton documentId={documentId} version={version} onRestored={onRestored} />
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
