import { useTranslation } from 'react-i18next';
import type { CollabSession } from '../collab/collabSession';
import { useCollabSnapshot } from '../collab/useCollabSnapshot';

/**
 * The connection state, always on screen: connecting, connected, up to date, reconnecting, or
 * offline with the promise that changes stay on this device (and whether the last ones have
 * been written there yet).
 */
export function ConnectionBadge({ session }: { session: CollabSession | null }) {
  const { t } = useTranslation();
  // Subscribed here, not in the page, and only to what is shown: whether each keystroke is
  // saved on this device changes twice per keystroke, and is shown only while away.
  const state = useCollabSnapshot(session, (current) => current?.state ?? 'connecting');
  const away = state === 'offline' || state === 'reconnecting';
  const unsavedOnDevice = useCollabSnapshot(session, (current) =>
    away && current ? current.unsavedOnDevice : null,
  );
  return (
    <div
      className={`connection connection--${state}`}
      role="status"
      aria-label={t('connection.label')}
      data-state={state}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span>{t(`connection.${state}`)}</span>
      {unsavedOnDevice !== null && (
        <span className="connection__device" data-device={unsavedOnDevice ? 'saving' : 'saved'}>
          {unsavedOnDevice ? t('connection.savingOnDevice') : t('connection.savedOnDevice')}
        </span>
      )}
    </div>
  );
}
