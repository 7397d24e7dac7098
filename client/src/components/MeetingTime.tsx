import { useTranslation } from 'react-i18next';
import { formatMoment, readerMoment, useShownTimeZone } from './format';

/**
 * A moment as every list and panel prints it: in the meeting's time zone and the reader's
 * locale, machine-readable in `dateTime`, and with the reader's own time in the tooltip when
 * their clock differs from the meeting's.
 */
export function MeetingTime({ at, style }: { at: string; style?: 'moment' | 'time' }) {
  useShownTimeZone();
  useTranslation(); // Re-render in a new language: the locale writes the date.
  const own = readerMoment(at);
  return (
    <time dateTime={at} title={own ?? undefined}>
      {formatMoment(at, style ? { style } : {})}
    </time>
  );
}
