import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import type { DraftStyle } from '@accord/shared/content';
import { useApiData } from '../hooks/useApiData';
import { Loading } from '../components/Loading';
import { MeetingTime } from '../components/MeetingTime';
import { historyApi } from './historyApi';
import { authorLabel, kindLabel } from './historyFormat';
import { ReadOnlyDraft } from './ReadOnlyDraft';
import { RestoreButton } from './RestoreButton';

/** One version's text, read-only, with who made the version and (for the chair) restore. */
export function VersionTextView({
  documentId,
  version,
  style,
  canRestore,
  onRestored,
}: {
  documentId: string;
  version: VersionInfo;
  style: DraftStyle;
  canRestore: boolean;
  onRestored: (restored: VersionInfo, from: VersionInfo) => void;
}) {
  const { t } = useTranslation();
  const content = useApiData(() => historyApi.content(documentId, version.id), version.id);
  return (
    <section className="history-view" aria-labelledby="history-view-title">
      <div className="history-view__head">
        <h3 id="history-view-title" tabIndex={-1}>
          {t('history.readTitle', { label: version.label })}
        </h3>
        {canRestore && (
          <RestoreButton documentId={documentId} version={version} onRestored={onRestored} />
        )}
      </div>
      <p className="muted">
        {kindLabel(version.kind)} · {authorLabel(version.createdBy)} ·{' '}
        <MeetingTime at={version.createdAt} />
      </p>
      {content.status === 'loading' && <Loading />}
      {content.status === 'error' && (
        <p className="history-error" role="alert">
          {t('history.readFailed', { message: content.message })}
        </p>
      )}
      {content.status === 'ready' && (
        <article aria-label={t('history.versionText', { label: version.label })}>
          <ReadOnlyDraft doc={content.data} style={style} />
        </article>
      )}
    </section>
  );
}
