import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import { ApiError } from '../api/client';
import { errorMessage } from '../hooks/useApiData';
import { historyApi } from './historyApi';

/**
 * "Name this version" for chairs and rapporteurs: the live text as it stands becomes a named
 * point in the timeline ("Zero draft", "After first reading", "Rev.1").
 */
export function NameVersionForm({
  documentId,
  onNamed,
}: {
  documentId: string;
  onNamed: (version: VersionInfo) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) {
      setMessage({ error: true, text: t('history.nameRequired') });
      return;
    }
    setBusy(true);
    try {
      const version = await historyApi.nameVersion(documentId, trimmed);
      setLabel('');
      setMessage({ error: false, text: t('history.named', { label: version.label }) });
      onNamed(version);
    } catch (caught) {
      const field = caught instanceof ApiError && caught.field === 'label';
      setMessage({ error: true, text: field ? caught.message : errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="history-name" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>{t('history.nameLabel')}</label>
      <div className="history-name__row">
        <input
          id={id}
          value={label}
          maxLength={120}
          placeholder={t('history.namePlaceholder')}
          aria-invalid={message?.error || undefined}
          aria-describedby={`${id}-message`}
          onChange={(event) => setLabel(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('history.naming') : t('history.name')}
        </button>
      </div>
      <p id={`${id}-message`} className={message?.error ? 'history-error' : 'muted'} role="status">
        {message?.text ?? ''}
      </p>
    </form>
  );
}
