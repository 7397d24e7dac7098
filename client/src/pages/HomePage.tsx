import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import { useSession } from '../session';
import { ErrorNotice } from '../components/ErrorNotice';
import { SecretariatHome } from './SecretariatHome';

/** `/`: the secretariat's meetings, or straight to the participant's own meeting. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const meetingId = session.role === 'admin' ? null : session.meetingId;

  useEffect(() => {
    if (meetingId) navigate(`/meetings/${meetingId}`, { replace: true });
  }, [meetingId]);

  if (session.role === 'admin') return <SecretariatHome />;
  if (!meetingId) return <ErrorNotice message={t('home.participantNoMeeting')} />;
  return null;
}
