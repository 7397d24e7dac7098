import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type DocumentInfo, type Language } from '@accord/shared/api';
import type { Role } from '@accord/shared/roles';
import { apiRequest } from '../api/client';
import { errorMessage } from '../hooks/useApiData';

/** Who may set the symbol and the original language (PATCH /api/documents/:id). */
const SETTERS: readonly Role[] = ['admin', 'chair', 'rapporteur'];

/**
 * The document's apparatus under its title: the symbol and "Original: <language>", as every
 * export prints them. The chair and the rapporteur correct them in place.
 */
export function DocumentApparatus({
  document,
  role,
  onChanged,
}: {
  document: DocumentInfo;
  role: Role;
  onChanged: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [symbol, setSymbol] = useState(document.symbol ?? '');
  const [language, setLanguage] = useState<Language>(document.language);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canSet = SETTERS.includes(role);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trimmed = symbol.trim();
      const changed = await apiRequest<DocumentInfo>(
        `/documents/${encodeURIComponent(document.id)}`,
        {
          method: 'PATCH',
          body: { symbol: trimmed === '' ? null : trimmed, language },
        },
      );
      onChanged(changed);
      setEditing(false);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (!editing) {
    return (
      <p className="document-apparatus">
        <span>{document.symbol ?? t('exports.noSymbol')}</span>
        {' · '}
        <span>
          {t('exports.original', { language: t(`exports.languages.${document.language}`) })}
        </span>
        {canSet && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t('exports.edit')}
            </button>
          </>
        )}
      </p>
    );
  }
  return (
    <form className="document-apparatus" onSubmit={(event) => void save(event)}>
      <label>
        {t('exports.symbol')}{' '}
        <input value={symbol} maxLength={200} onChange={(event) => setSymbol(event.target.value)} />
      </label>{' '}
      <label>
        {t('exports.originalLanguage')}{' '}
        <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`exports.languages.${code}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" disabled={busy}>
        {t('exports.save')}
      </button>{' '}
      <button type="button" onClick={() => setEditing(false)}>
        {t('exports.cancel')}
      </button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}
