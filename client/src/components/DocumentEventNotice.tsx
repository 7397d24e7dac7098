import { useTranslation } from 'react-i18next';
import type { DocumentEvent } from '@accord/shared';

/** "The chair restored Rev.1": what the chair just did to the whole text, told to everyone. */
export function DocumentEventNotice({
  event,
  onDismiss,
}: {
  event: DocumentEvent | null;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  if (!event) return null;
  const sentence =
    event.kind === 'restored'
      ? t('day.announceRestored', { label: event.label ?? '' })
      : event.kind === 'locked'
        ? t('day.announceLocked')
        : t('day.announceUnlocked');
  return (
    <div className="banner banner--info document-event" role="status">
      <p>{sentence}</p>
      <button type="button" className="button--quiet" onClick={onDismiss}>
        {t('editor.dismiss')}
      </button>
    </div>
  );
}
