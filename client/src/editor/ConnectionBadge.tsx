import { useTranslation } from 'react-i18next';
import type { CollabSnapshot } from '../collab/collabSession';

/**
 * The connection state, always on screen: connecting, connected, up to date, reconnecting, or
 * offline with the promise that changes stay on this device (and whether the last ones have
 * been written there yet).
 */
export function ConnectionBadge({ snapshot }: { snapshot: CollabSnapshot | null }) {
  const { t } = useTranslation();
  const state = snapshot?.state ?? 'connecting';
  const away = state === 'offline' || state === 'reconnecting';
  return (
    <div
      className={`connection connection--${state}`}
      role="status"
      aria-label={t('connection.label')}
      data-state={state}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span>{t(`connection.${state}`)}</span>
      {away && snapshot && (
        <span
          className="connection__device"
          data-device={snapshot.unsavedOnDevice ? 'saving' : 'saved'}
        >
          {snapshot.unsavedOnDevice
            ? t('connection.savingOnDevice')
            : t('connection.savedOnDevice')}
        </span>
      )}
    </div>
  );
}
