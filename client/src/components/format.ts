import { dateLocale } from '../i18n';

/** A calendar day ("2026-11-28") as the reader's locale writes it; '' when unknown. */
export function formatDay(day: string | null): string {
  if (!day) return '';
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

/** A moment (ISO 8601, UTC) in the reader's locale and time zone, to the minute. */
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}
