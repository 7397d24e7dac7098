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
