import { useTranslation } from 'react-i18next';
import { HISTORY_TOGGLE_ID } from './useHistoryPanel';

/**
 * Opens and closes the history panel from the editor's header. A real button with
 * `aria-expanded` and `aria-controls`, so keyboard and screen-reader users know what it shows
 * and where.
 */
export function HistoryToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      id={HISTORY_TOGGLE_ID}
      className={open ? 'button--primary' : undefined}
      aria-expanded={open}
      aria-controls="history-panel"
      onClick={onToggle}
    >
      {open ? t('history.hide') : t('history.show')}
    </button>
  );
}
