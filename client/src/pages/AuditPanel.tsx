import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints';
import { useApiData } from '../hooks/useApiData';
import { Loading } from '../components/Loading';
import { ErrorNotice } from '../components/ErrorNotice';
import { MeetingTime } from '../components/MeetingTime';
import { isAuditKind } from '@accord/shared/audit-kinds';
import { auditKindKey } from './AuditPanel.kinds';
import { auditDetail } from '../i18n/auditDetails';

/**
 * The meeting's audit log for the chair and the secretariat: who was refused, which limits
 * were hit, locks, restores, revocations. Newest first; a flood appears as one summary line,
 * as the server records it.
 */
export function AuditPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const events = useApiData(() => api.audit(meetingId), `audit:${meetingId}`);
  // Every kind this server writes is named; an older or newer server's unknown kind shows as it is.
  const kindLabel = (kind: string) => (isAuditKind(kind) ? t(auditKindKey(kind)) : kind);

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <p className="muted">{t('audit.intro')}</p>
      <button type="button" className="secondary" onClick={events.reload}>
        {t('audit.refresh')}
      </button>
      {events.status === 'loading' && <Loading />}
      {events.status === 'error' && <ErrorNotice message={events.message} />}
      {events.status === 'ready' &&
        (events.data.length === 0 ? (
          <p>{t('audit.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {[...events.data].reverse().map((event, index) => (
                <tr key={`${event.at}-${index}`} data-kind={event.kind}>
                  <td>
                    <MeetingTime at={event.at} />
                  </td>
                  <td>{kindLabel(event.kind)}</td>
                  <td>{event.delegation ?? event.participant ?? '—'}</td>
                  <td>{auditDetail(event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
