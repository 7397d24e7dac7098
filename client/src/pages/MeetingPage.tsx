import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints';
import { useApiData } from '../hooks/useApiData';
import { navigate } from '../router';
import { useCan } from '../session';
import { Loading } from '../components/Loading';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDay } from '../components/format';
import { DocumentList } from './DocumentList';
import { CreateDocumentForm } from './CreateDocumentForm';
import { ParticipantsPanel } from './ParticipantsPanel';

/** `/meetings/:id`: the meeting's documents, and its participants for the chair and secretariat. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const meeting = useApiData(() => api.meeting(meetingId), meetingId);
  const mayCreate = useCan('createDocument');
  const mayManage = useCan('manageParticipants');

  if (meeting.status === 'loading') return <Loading />;
  if (meeting.status === 'error') return <ErrorNotice message={meeting.message} />;
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
          <CreateDocumentForm
            meetingId={meetingId}
            onCreated={(document) => navigate(`/documents/${document.id}`)}
          />
        )}
      </section>
      {mayManage && <ParticipantsPanel meetingId={meetingId} />}
    </>
  );
}
