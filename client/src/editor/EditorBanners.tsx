import { useTranslation } from 'react-i18next';
import { RefusalReason } from '@accord/shared/protocol';
import type { CollabSession } from '../collab/collabSession';
import { ConnectionNotice } from '../components/ConnectionNotice';
import { lastEditedParagraph } from './lastEdited';

const KNOWN_REASONS: readonly string[] = Object.values(RefusalReason);

/**
 * What the editor must tell its user above the text: the document is locked, the user is an
 * observer, the server refused their last changes (and why, in a sentence), or the connection
 * needs a word (said once, in the voice of the connection badge).
 */
export function EditorBanners({
  locked,
  observer,
  refusal,
  onDismissRefusal,
  session,
  unreachable,
  error,
  onRetry,
}: {
  locked: boolean;
  observer: boolean;
  refusal: string | null;
  onDismissRefusal: () => void;
  session: CollabSession | null;
  /** The server did not answer the page's last request (no answer at all, not a refusal). */
  unreachable: boolean;
  /** The server's own sentence for the page's last failed request. */
  error: string | null;
  onRetry: () => void;
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
      <ConnectionNotice
        session={session}
        unreachable={unreachable}
        error={error}
        onRetry={onRetry}
      />
    </div>
  );
}
