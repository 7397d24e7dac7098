import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import { errorMessage } from '../hooks/useApiData';
import { historyApi } from './historyApi';

/**
 * The chair's "Restore this version", with one inline confirm step: a restore changes the live
 * text for everyone connected (as a new change, recorded as a `restore` version; history is
 * never rewritten), so it must not happen on a stray click.
 */
export function RestoreButton({
  documentId,
  version,
  onRestored,
}: {
  documentId: string;
  version: VersionInfo;
  onRestored: (restored: VersionInfo, from: VersionInfo) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      const restored = await historyApi.restore(documentId, version.id);
      setConfirming(false);
      onRestored(restored, version);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <button
        type="button"
        className="button--quiet"
        aria-label={t('history.restoreNamed', { label: version.label })}
        onClick={() => setConfirming(true)}
      >
        {t('history.restore')}
      </button>
    );
  }
  return (
    <div
      className="history-confirm"
      role="group"
      aria-label={t('history.restoreNamed', { label: version.label })}
    >
      <p>{t('history.restoreConfirm', { label: version.label })}</p>
      <div className="history-actions">
        <button
          type="button"
          className="button--danger"
          disabled={busy}
          onClick={() => void restore()}
        >
          {busy ? t('history.restoring') : t('history.restoreYes')}
        </button>
        {/* Focus lands on the safe choice: the button that was clicked is gone now. */}
        <button
          type="button"
          className="button--quiet"
          autoFocus
          onClick={() => setConfirming(false)}
        >
          {t('history.cancel')}
        </button>
      </div>
      {error && (
        <p className="history-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
