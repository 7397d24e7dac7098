import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type DocumentInfo, type Language } from '@accord/shared/api';
import { can, type Role } from '@accord/shared/roles';
import { ErrorNotice } from '../components/ErrorNotice';
import { errorMessage } from '../hooks/useApiData';
import { linkProps, navigate } from '../router';
import { SideBySide } from './SideBySide';
import { translationsApi } from './translationsApi';
import './translations.css';

/**
 * The document's languages, under the editor: the original and its language versions as links,
 * "Create the Spanish version" for drafters, and, in a version, the side-by-side view with the
 * original.
 */
export function LanguageVersions({ document, role }: { document: DocumentInfo; role: Role }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<{ id: string; language: Language }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<Language | null>(null);
  const [sideBySide, setSideBySide] = useState(false);
  const originalId = document.translationOf ?? document.id;

  const load = useCallback(() => {
    translationsApi.list(document.id).then(
      (list) => {
        setVersions(list);
        setError(null);
      },
      (failure: unknown) => {
        // Offline, the connection badge already says so; the list comes once back online.
        if (navigator.onLine) setError(errorMessage(failure));
      },
    );
  }, [document.id]);
  useEffect(load, [load]);
  useEffect(() => {
    window.addEventListener('online', load);
    return () => window.removeEventListener('online', load);
  }, [load]);

  const name = (code: string) =>
    new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  const create = (language: Language) => {
    setCreating(language);
    translationsApi.create(originalId, language).then(
      (created) => navigate(`/documents/${created.id}`),
      (failure: unknown) => {
        setError(errorMessage(failure));
        setCreating(null);
      },
    );
  };

  const versionLanguages = new Set(versions?.map((v) => v.language) ?? []);
  const original = document.translationOf ? null : { id: document.id, language: document.language };
  const missing = document.translationOf
    ? []
    : LANGUAGES.filter((l) => l !== document.language && !versionLanguages.has(l));

  return (
    <section className="language-versions">
      <p>
        {document.translationOf ? (
          <>
            {t('languages.isVersion', { language: name(document.language) })}{' '}
            <a {...linkProps(`/documents/${document.translationOf}`)}>
              {t('languages.openOriginal')}
            </a>
          </>
        ) : (
          t('languages.isOriginal', { language: name(original?.language ?? document.language) })
        )}
      </p>
      {versions && versions.length > 0 && (
        <ul className="language-versions__list">
          {versions
            .filter((v) => v.id !== document.id)
            .map((v) => (
              <li key={v.id}>
                <a {...linkProps(`/documents/${v.id}`)} lang={v.language}>
                  {t('languages.versionLink', { language: name(v.language) })}
                </a>
              </li>
            ))}
        </ul>
      )}
      {can(role, 'createDocument') && missing.length > 0 && (
        <div className="language-versions__create">
          {missing.map((language) => (
            <button
              key={language}
              type="button"
              disabled={creating !== null}
              onClick={() => create(language)}
            >
              {creating === language
                ? t('languages.creating')
                : t('languages.create', { language: name(language) })}
            </button>
          ))}
        </div>
      )}
      {error && <ErrorNotice message={error} />}
      {document.translationOf && (
        <>
          <button
            type="button"
            aria-expanded={sideBySide}
            onClick={() => setSideBySide(!sideBySide)}
          >
            {sideBySide ? t('languages.hideSideBySide') : t('languages.showSideBySide')}
          </button>
          {sideBySide && <SideBySide translationId={document.id} role={role} />}
        </>
      )}
    </section>
  );
}
