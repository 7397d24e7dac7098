import { useTranslation } from 'react-i18next';
import type { CollabSession } from '../collab/collabSession';
import { useCollabSnapshot } from '../collab/useCollabSnapshot';
import { connectionVoice } from './connectionVoice';

/** The sentence beside the connection badge, when there is something to say. */
export function ConnectionNotice({
  session,
  unreachable,
  error,
  onRetry,
}: {
  session: CollabSession | null;
  unreachable: boolean;
  error: string | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const state = useCollabSnapshot(session, (current) => current?.state ?? 'connecting');
  const voice = connectionVoice(state, unreachable, error);
  return (
    <>
      {voice.calm && (
        <p className="banner banner--calm" role="status" data-voice={voice.calm}>
          {voice.calm === 'offline' ? t('dayui.offlineSentence') : t('dayui.reconnectingSentence')}
        </p>
      )}
      {voice.alarm && (
        <div className="banner banner--error" role="alert" data-voice={voice.alarm.kind}>
          <p>
            {voice.alarm.kind === 'error' ? voice.alarm.message : t('dayui.unreachableSentence')}
          </p>
          <button type="button" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
    </>
  );
}
