import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '@accord/shared/roles';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatMoment } from '../components/format';
import { errorMessage } from '../hooks/useApiData';
import { translationsApi, type AlignedParagraph, type Alignment } from './translationsApi';

/** How often the view re-reads the alignment while open: both texts are being edited live. */
const REFRESH_MS = 5_000;

/** The original paragraph's change since the version last followed it, word by word. */
function OriginalChanges({ paragraph }: { paragraph: AlignedParagraph }) {
  const { t } = useTranslation();
  const stale = paragraph.stale;
  if (!stale) return <p>{paragraph.original}</p>;
  return (
    <p className="side-by-side__changes">
      {stale.changes.map((change, index) =>
        change.kind === 'insert' ? (
          <ins key={index} aria-label={t('languages.inserted', { text: change.text })}>
            {change.text}
          </ins>
        ) : change.kind === 'delete' ? (
          <del key={index} aria-label={t('languages.deleted', { text: change.text })}>
            {change.text}
          </del>
        ) : (
          <span key={index}>{change.text}</span>
        ),
      )}
    </p>
  );
}

function Row({ paragraph }: { paragraph: AlignedParagraph }) {
  const { t } = useTranslation();
  const stale = paragraph.stale;
  const state = stale
    ? stale.missing
      ? 'missing'
      : 'stale'
    : paragraph.untranslated
      ? 'untranslated'
      : 'current';
  return (
    <tr
      className={`side-by-side__row side-by-side__row--${state}`}
      data-paragraph={paragraph.paragraphId}
    >
      <td>
        <OriginalChanges paragraph={paragraph} />
      </td>
      <td>
        {paragraph.translation === null ? (
          <p className="muted">{t('languages.missing')}</p>
        ) : (
          <p>{paragraph.translation}</p>
        )}
        {stale && !stale.missing && (
          <p className="side-by-side__flag" role="note">
            {t('languages.staleSince', { time: formatMoment(stale.since) })}
          </p>
        )}
        {!stale && paragraph.untranslated && (
          <p className="side-by-side__flag side-by-side__flag--quiet">
            {t('languages.untranslated')}
          </p>
        )}
      </td>
    </tr>
  );
}

/**
 * The original and one language version side by side, paragraph by paragraph: a paragraph whose
 * original changed after the version last followed it is highlighted with that change; one the
 * version lacks is shown as owed.
 */
export function SideBySide({ translationId, role }: { translationId: string; role: Role }) {
  const { t, i18n } = useTranslation();
  const [alignment, setAlignment] = useState<Alignment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    translationsApi.alignment(translationId).then(
      (answer) => {
        setAlignment(answer);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [translationId]);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const bringIn = () => {
    setBusy(true);
    translationsApi
      .bringNewParagraphs(translationId)
      .then(load, (failure: unknown) => setError(errorMessage(failure)))
      .finally(() => setBusy(false));
  };

  if (error && !alignment) return <ErrorNotice message={error} />;
  if (!alignment) return <p role="status">{t('languages.loading')}</p>;
  const languageName = (code: string) =>
    new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  const staleCount = alignment.paragraphs.filter((p) => p.stale && !p.stale.missing).length;
  const missing = alignment.paragraphs.some((p) => p.stale?.missing);
  return (
    <section className="side-by-side" aria-label={t('languages.sideBySide')}>
      <p role="status">{t('languages.staleCount', { count: staleCount })}</p>
      {error && <ErrorNotice message={error} />}
      {missing && can(role, 'edit') && (
        <button type="button" onClick={bringIn} disabled={busy}>
          {t('languages.bringIn')}
        </button>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">
              {t('languages.originalColumn', {
                language: languageName(alignment.original.language),
              })}
            </th>
            <th scope="col">
              {t('languages.versionColumn', {
                language: languageName(alignment.translation.language),
              })}
            </th>
          </tr>
        </thead>
        <tbody>
          {alignment.paragraphs.map((paragraph) => (
            <Row key={paragraph.paragraphId} paragraph={paragraph} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
