import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { api } from '../api/endpoints';
import { useApiData } from '../hooks/useApiData';
import { navigate } from '../router';
import { useCan } from '../session';
import { Loading } from '../components/Loading';
import { ErrorPage } from '../components/ErrorPage';
import { formatDay, showTimesIn } from '../components/format';
import { DocumentList } from './DocumentList';
import { TemplateGallery } from '../gallery/TemplateGallery';
import { ImportResolution } from '../gallery/ImportResolution';
import { ParticipantsPanel } from './ParticipantsPanel';
import { AuditPanel } from './AuditPanel';
import { MeetingPaperSize } from '../export/PaperSize';

/** `/meetings/:id`: the meeting's documents, and its participants for the chair and secretariat. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  // Every time on the page (documents' last edits, the audit) is shown in the meeting's zone.
  const meeting = useApiData(
    () =>
      api.meeting(meetingId).then((detail) => {
        showTimesIn(detail.timeZone);
        return detail;
      }),
    meetingId,
  );
  const mayCreate = useCan('createDocument');
  const mayManage = useCan('manageParticipants');
  const mayReadAudit = useCan('readAudit');

  const openDocument = (document: DocumentInfo) => navigate(`/documents/${document.id}`);

  if (meeting.status === 'loading') return <Loading />;
  if (meeting.status === 'error') return <ErrorPage message={meeting.message} />;
  const { data } = meeting;
  const dates =
    data.startsOn || data.endsOn
      ? t('home.dates', { from: formatDay(data.startsOn), to: formatDay(data.endsOn) })
      : '';

  return (
    <>
      <h1>{data.title}</h1>
      <p className="muted">{[data.sector, data.venue, dates].filter(Boolean).join(' · ')}</p>
      <section className="panel" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('meeting.documentsTitle')}</h2>
        <DocumentList documents={data.documents} />
        {mayCreate && (
          <>
            <TemplateGallery meetingId={meetingId} meeting={data} onCreated={openDocument} />
            <ImportResolution meetingId={meetingId} onImported={openDocument} />
          </>
        )}
      </section>
      <MeetingPaperSize meeting={data} />
      {mayManage && <ParticipantsPanel meetingId={meetingId} meeting={data} />}
      {mayReadAudit && <AuditPanel meetingId={meetingId} />}
    </>
  );
}
