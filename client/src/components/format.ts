import { useSyncExternalStore } from 'react';
import { formatMomentIn, localTimeZone, sameWallClock } from '@accord/shared/time-zone';
import { dateLocale, i18n } from '../i18n';

/** A calendar day ("2026-11-28") as the reader's locale writes it; '' when unknown. */
export function formatDay(day: string | null): string {
  if (!day) return '';
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

/*
 * The meeting's time zone, which every time on the page is shown in: a delegate reading from
 * Madrid and the chair in Guatemala must both read "the version of 8:04" as the same moment the
 * room's clock showed. It is the page's state, not a prop, because times are printed deep inside
 * panels, labels and sentences; the page that loads a meeting sets it.
 */
let meetingZone: string | null = null;
const listeners = new Set<() => void>();

/** Shows every time on the page in `zone` (a meeting's `timeZone`); null: the reader's own. */
export function showTimesIn(zone: string | null | undefined): void {
  const next = zone ?? null;
  if (next === meetingZone) return;
  meetingZone = next;
  for (const listener of listeners) listener();
}

/** The zone times are shown in now: the meeting's, or the reader's when no meeting is open. */
export function shownTimeZone(reader: string = localTimeZone()): string {
  return meetingZone ?? reader;
}

/** Re-renders a component when the page's zone changes (a meeting loads). */
export function useShownTimeZone(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => shownTimeZone(),
  );
}

/**
 * A moment (ISO 8601, UTC) in the reader's locale and the meeting's zone, to the minute; the
 * zone is named when it is not the reader's, so "8:04 GMT-6" cannot be read as local time.
 * `style: 'time'` writes the time of day only.
 */
export function formatMoment(
  iso: string | null | undefined,
  {
    style = 'moment',
    reader = localTimeZone(),
  }: { style?: 'moment' | 'time'; reader?: string } = {},
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = shownTimeZone(reader);
  return formatMomentIn(date, dateLocale(), zone, {
    style,
    nameZone: !sameWallClock(date, zone, reader),
  });
}

/**
 * The same moment in the reader's own zone, for a tooltip ("Your time: 4 Dec 2026, 15:04
 * CET"); null when the reader's clock shows what the meeting's does.
 */
export function readerMoment(
  iso: string | null | undefined,
  reader: string = localTimeZone(),
): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  if (sameWallClock(date, shownTimeZone(reader), reader)) return null;
  const time = formatMomentIn(date, dateLocale(), reader, { nameZone: true });
  return i18n.t('conventions.yourTime', { time });
}
