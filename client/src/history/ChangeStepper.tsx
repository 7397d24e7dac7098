import { useTranslation } from 'react-i18next';

/**
 * Next / Previous through the changes of a comparison, with a "3 of 17" counter that screen
 * readers announce as it changes. Stepping wraps around, so the buttons never turn disabled
 * under the keyboard's focus.
 */
export function ChangeStepper({
  count,
  current,
  onStep,
}: {
  count: number;
  /** The change in focus, from 0; null before the first step. */
  current: number | null;
  onStep: (delta: 1 | -1) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="history-stepper" role="group" aria-label={t('history.stepper')}>
      <button type="button" disabled={count === 0} onClick={() => onStep(-1)}>
        <span aria-hidden="true">← </span>
        {t('history.previous')}
      </button>
      <button type="button" disabled={count === 0} onClick={() => onStep(1)}>
        {t('history.next')}
        <span aria-hidden="true"> →</span>
      </button>
      <p className="history-stepper__position" aria-live="polite" aria-atomic="true">
        {current === null
          ? t('history.changeCount', { count })
          : t('history.position', { current: current + 1, total: count })}
      </p>
    </div>
  );
}
