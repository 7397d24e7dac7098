import { useTranslation } from 'react-i18next';
import type { CommentChange } from '@accord/shared/comments';
import { MeetingTime } from '../components/MeetingTime';

/** The comment threads opened, answered, resolved or reopened between two versions, by delegation. */
export function CommentChanges({ changes }: { changes: readonly CommentChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <section className="comment-changes" aria-labelledby="comment-changes-title">
      <h3 id="comment-changes-title">{t('comments.changesTitle')}</h3>
      <ul>
        {changes.map((change) => (
          <li key={`${change.kind}:${change.commentId}`} data-kind={change.kind}>
            {t(`comments.changed.${change.kind}`, {
              delegation: change.delegation ?? t('comments.secretariat'),
              text: change.text,
            })}
            {change.at && (
              <>
                {' · '}
                <MeetingTime at={change.at} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
