import { useTranslation } from 'react-i18next';
import { RefusalReason } from '@accord/shared/protocol';
import { lastEditedParagraph } from './lastEdited';

const KNOWN_REASONS: readonly string[] = Object.values(RefusalReason);

/**
 * What the editor must tell its user above the text: the document is locked, the user is an
 * observer, or the server refused their last changes (and why, in a sentence).
 */
export function EditorBanners({
  locked,
  observer,
  refusal,
  onDismissRefusal,
  error,
}: {
  locked: boolean;
  observer: boolean;
  refusal: string | null;
  onDismissRefusal: () => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const known = refusal !== null && KNOWN_REASONS.includes(refusal);
  return (
    <div className="banners">
      {locked && (
        <p className="banner banner--locked" role="status">
          {t('editor.lockedBanner')}
        </p>
      )}
      {observer && !locked && (
        <p className="banner banner--info" role="status">
          {t('editor.readOnlyObserver')}
        </p>
      )}
      {refusal !== null && (
        <div className="banner banner--refusal" role="alert">
          <p>
            {refusal === 'paragraph_agreed' && lastEditedParagraph() !== null
              ? t('negotiate.refusedParagraph', { paragraph: lastEditedParagraph() })
              : refusal === 'proposal_not_allowed' && lastEditedParagraph() !== null
                ? t('proposals.refusedParagraph', { paragraph: lastEditedParagraph() })
                : known
                  ? t(`refusal.${refusal}`)
                  : t('refusal.unknown')}
          </p>
          {!known && refusal !== 'unknown' && (
            <p className="muted">{t('refusal.serverSays', { reason: refusal })}</p>
          )}
          <button type="button" className="button--quiet" onClick={onDismissRefusal}>
            {t('editor.dismiss')}
          </button>
        </div>
      )}
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
