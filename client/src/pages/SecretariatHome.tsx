import { useTranslation } from 'react-i18next';
import type { Meeting } from '@accord/shared/api';
import { api } from '../api/endpoints';
import { useApiData } from '../hooks/useApiData';
import { linkProps, navigate } from '../router';
import { Loading } from '../components/Loading';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDay } from '../components/format';
import { CreateMeetingForm } from './CreateMeetingForm';

function MeetingRow({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const dates =
    meeting.startsOn || meeting.endsOn
      ? t('home.dates', { from: formatDay(meeting.startsOn), to: formatDay(meeting.endsOn) })
      : '';
  return (
    <li className="card-row">
      <a className="card-row__title" {...linkProps(`/meetings/${meeting.id}`)}>
        {meeting.title}
      </a>
      <span className="muted">
        {[meeting.sector, meeting.venue, dates].filter(Boolean).join(' · ')}
      </span>
    </li>
  );
}

/** The secretariat's home: every meeting, and the form to create one. */
export function SecretariatHome() {
  const { t } = useTranslation();
  const meetings = useApiData(() => api.meetings(), 'meetings');

  return (
    <>
      <h1>{t('home.meetingsTitle')}</h1>
      {meetings.status === 'loading' && <Loading />}
      {meetings.status === 'error' && <ErrorNotice message={meetings.message} />}
      {meetings.status === 'ready' &&
        (meetings.data.length === 0 ? (
          <p className="muted">{t('home.noMeetings')}</p>
        ) : (
          <ul className="card-list">
            {meetings.data.map((meeting) => (
              <MeetingRow key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        ))}
      <CreateMeetingForm onCreated={(meeting) => navigate(`/meetings/${meeting.id}`)} />
    </>
  );
}
