import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { api } from '../api/endpoints';
import { errorMessage } from '../hooks/useApiData';

/**
 * The chair locks the text for adoption, or unlocks it for another reading. Locking asks first,
 * as a restore does: it stops everyone's typing at once.
 */
export function LockButton({
  document,
  onChanged,
  onError,
}: {
  document: DocumentInfo;
  onChanged: (document: DocumentInfo) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const locked = document.status === 'locked';

  const toggle = async () => {
    setBusy(true);
    try {
      const { status } = await api.lockDocument(document.id, !locked);
      setConfirming(false);
      onChanged({ ...document, status });
    } catch (caught) {
      onError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (confirming && !locked) {
    return (
      <div className="lock-confirm" role="group" aria-label={t('editor.lock')}>
        <p>{t('day.lockConfirm')}</p>
        <button
          type="button"
          className="button--danger"
          disabled={busy}
          onClick={() => void toggle()}
        >
          {t('day.lockYes')}
        </button>
        {/* Focus lands on the safe choice: the button that was clicked is gone now. */}
        <button
          type="button"
          className="button--quiet"
          autoFocus
          onClick={() => setConfirming(false)}
        >
          {t('day.cancel')}
        </button>
      </div>
    );
  }
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => (locked ? void toggle() : setConfirming(true))}
    >
      {locked ? t('editor.unlock') : t('editor.lock')}
    </button>
  );
}
