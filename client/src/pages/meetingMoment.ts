import { DEFAULT_TIME_ZONE, isTimeZone } from '@accord/shared/time-zone';
import { dateLocale } from '../i18n';

/**
 * A moment (ISO 8601, UTC) as the reader's locale writes it in the meeting's time zone, to the
 * minute, with the zone named: a revocation reads the same for everyone in the room.
 */
export function meetingMoment(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  return new Intl.DateTimeFormat(dateLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  }).format(date);
}
