import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetDevice } from '../auth/token';
import { clearDeviceCaches } from '../collab/deviceCache';

/**
 * "Clear this device", for shared computers in a meeting room: removes the offline copies and
 * the sign-in kept on this browser (its cookie, through the server). Asks once inline (no
 * browser dialog) because unsent offline changes go too.
 */
export function ClearDeviceButton({ onCleared }: { onCleared: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const clear = async () => {
    setBusy(true);
    await forgetDevice();
    await clearDeviceCaches();
    // Leave the editor's address: reloading it would show nothing useful without a token.
    window.history.replaceState(null, '', '/');
    onCleared();
  };

  if (!confirming) {
    return (
      <button type="button" className="button--quiet" onClick={() => setConfirming(true)}>
        {t('device.clear')}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={t('device.clear')}>
      <span>{t('device.confirm')}</span>
      <button type="button" className="button--danger" disabled={busy} onClick={() => void clear()}>
        {t('device.confirmYes')}
      </button>
      <button type="button" className="button--quiet" onClick={() => setConfirming(false)}>
        {t('device.cancel')}
      </button>
    </span>
  );
}
