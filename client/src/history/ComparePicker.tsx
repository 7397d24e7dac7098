import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import { CURRENT } from './historyApi';
import { versionOptionLabel } from './historyFormat';

export interface ComparisonPair {
  from: string;
  to: string;
}

/**
 * Pick any two versions, or a version and the current text, and compare them. The pair is
 * ordered by the timeline whatever way round it was picked, because a comparison reads from
 * the older text to the newer.
 */
export function ComparePicker({
  versions,
  initial,
  onCompare,
}: {
  /** Oldest first, as the server answers; never empty. */
  versions: VersionInfo[];
  /** The pair to offer first (the last one compared); else the newest version and now. */
  initial: ComparisonPair | null;
  onCompare: (pair: ComparisonPair) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const newestFirst = [...versions].reverse();
  const [from, setFrom] = useState(initial?.from ?? newestFirst[0]?.id ?? '');
  const [to, setTo] = useState(initial?.to ?? CURRENT);
  const [error, setError] = useState<string | null>(null);

  const order = (versionId: string) =>
    versionId === CURRENT ? versions.length : versions.findIndex((v) => v.id === versionId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A stale choice (the select kept an id the list no longer offers) falls back to the newest.
    const fromId = order(from) >= 0 ? from : (newestFirst[0]?.id ?? '');
    if (fromId === to) {
      setError(t('history.sameVersion'));
      return;
    }
    setError(null);
    onCompare(order(fromId) < order(to) ? { from: fromId, to } : { from: to, to: fromId });
  };

  return (
    <form className="history-picker" onSubmit={submit} aria-label={t('history.compareTitle')}>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('history.from')}</label>
        <select id={`${id}-from`} value={from} onChange={(event) => setFrom(event.target.value)}>
          {newestFirst.map((version) => (
            <option key={version.id} value={version.id}>
              {versionOptionLabel(version)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('history.to')}</label>
        <select id={`${id}-to`} value={to} onChange={(event) => setTo(event.target.value)}>
          <option value={CURRENT}>{t('history.currentText')}</option>
          {newestFirst.map((version) => (
            <option key={version.id} value={version.id}>
              {versionOptionLabel(version)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button--primary">
        {t('history.compare')}
      </button>
      {error && (
        <p className="history-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
