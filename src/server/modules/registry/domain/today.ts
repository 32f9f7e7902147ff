/**
 * Today's date where the communities are (China Standard Time, UTC+8, no daylight saving), as
 * YYYY-MM-DD. Contracts, terms and ownership dates are calendar days there, so a change dated
 * today must not be refused between midnight and 08:00 because the server clock runs on UTC.
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
