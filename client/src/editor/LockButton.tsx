import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { api } from '../api/endpoints';
import { errorMessage } from '../hooks/useApiData';

/** The chair locks the text for adoption, or unlocks it for another reading. */
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
  const locked = document.status === 'locked';

  const toggle = async () => {
    setBusy(true);
    try {
      const { status } = await api.lockDocument(document.id, !locked);
      onChanged({ ...document, status });
    } catch (caught) {
      onError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" disabled={busy} onClick={() => void toggle()}>
      {locked ? t('editor.unlock') : t('editor.lock')}
    </button>
  );
}
