import { useTranslation } from 'react-i18next';
import { HISTORY_TOGGLE_ID } from './useHistoryPanel';

/**
 * Opens and closes the history panel from the editor's header: the one control for both, with
 * one name ("History"); whether the panel is open is said by `aria-expanded` and shown by the
 * pressed look, not by a second wording. `aria-controls` says where the panel is.
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
      {t('history.show')}
    </button>
  );
}
