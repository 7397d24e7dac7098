import { useTranslation } from 'react-i18next';
import type { LegendEntry } from './comparisonModel';

/**
 * The legend of a comparison: one colour per delegation, with how many insertions and
 * deletions it made. Each entry is also the filter: pressing it highlights and counts that
 * delegation's changes only; "All delegations" shows everyone's again.
 */
export function DelegationLegend({
  entries,
  filter,
  onFilter,
}: {
  entries: LegendEntry[];
  filter: string | null;
  onFilter: (delegation: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="history-legend" role="group" aria-labelledby="history-legend-title">
      <h4 id="history-legend-title">{t('history.legend')}</h4>
      <ul>
        <li>
          <button type="button" aria-pressed={filter === null} onClick={() => onFilter(null)}>
            {t('history.allDelegations')}
          </button>
        </li>
        {entries.map((entry) => (
          <li key={entry.delegation}>
            <button
              type="button"
              aria-pressed={filter === entry.delegation}
              data-delegation={entry.delegation}
              data-colour={entry.colour}
              onClick={() => onFilter(filter === entry.delegation ? null : entry.delegation)}
            >
              <span
                className="swatch"
                aria-hidden="true"
                style={{ backgroundColor: entry.colour }}
              />
              <span className="history-legend__name">{entry.delegation}</span>
              <span className="history-legend__counts">
                {t('history.counts', {
                  insertions: t('history.insertions', { count: entry.insertions }),
                  deletions: t('history.deletions', { count: entry.deletions }),
                })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
