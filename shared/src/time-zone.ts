/** Where a meeting whose record names no time zone is assumed to be: the OAS headquarters. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** Whether `zone` is an IANA time zone this runtime knows ("America/Guatemala", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone this runtime runs in (the reader's, in a browser). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A moment's UTC offset in `zone`, in minutes ("America/New_York" in December: -300). */
function offsetMinutes(date: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * Whether two zones show the same wall-clock time at that moment: Guatemala and Chicago do in
 * winter and not in summer, so the answer depends on the moment (daylight saving time).
 */
export function sameWallClock(at: Date, zone: string, other: string): boolean {
  if (zone === other) return true;
  try {
    return offsetMinutes(at, zone) === offsetMinutes(at, other);
  } catch {
    return false;
  }
}

/** How much of a moment is written: the day and time, or the time of day only. */
export type MomentStyle = 'moment' | 'time';

/**
 * A moment as `locale` writes it in `timeZone`: "4 dic 2026, 8:04", or with the zone named
 * ("4 dic 2026, 8:04 GMT-6") when `nameZone`. One function for every time the app and the
 * exports print, so a time reads the same in a version list, a comment and an audit line.
 */
export function formatMomentIn(
  at: Date | string,
  locale: string,
  timeZone: string,
  { style = 'moment', nameZone = false }: { style?: MomentStyle; nameZone?: boolean } = {},
): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  return new Intl.DateTimeFormat(locale, {
    ...(style === 'moment' ? { year: 'numeric', month: 'short', day: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
    ...(nameZone ? { timeZoneName: 'short' } : {}),
    timeZone: zone,
  }).format(date);
}
