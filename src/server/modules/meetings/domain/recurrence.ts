// The standing meeting's recurrence: a weekday and a local time in a time zone (for example every
// Tuesday 14:00 Asia/Shanghai), between a first and an optional last date. Occurrences are
// computed, not stored: the calendar asks for a window and gets the instants in it. Pure; the
// zone arithmetic uses the runtime's Intl data, so a zone with daylight saving works too.

export interface RecurrenceRule {
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
  /** local wall-clock time, "HH:MM" */
  time: string;
  /** IANA time zone, e.g. "Asia/Shanghai" */
  timezone: string;
  /** first local date the series runs on, "YYYY-MM-DD" */
  startsOn: string;
  /** last local date, inclusive; null = open-ended */
  endsOn: string | null;
}

const DAY_MS = 86_400_000;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(at: Date, zone: string) {
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(at: Date, zone: string): number {
  const w = wallClock(at, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which the zone's clock shows this local date and time. */
export function zonedToUtc(localDate: string, time: string, zone: string): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const first = asUtc - offsetAt(new Date(asUtc), zone);
  // a second pass settles instants near an offset change
  return new Date(asUtc - offsetAt(new Date(first), zone));
}

/** The local calendar date of an instant in a zone, "YYYY-MM-DD". */
export function localDateOf(at: Date, zone: string): string {
  const w = wallClock(at, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

const addDays = (localDate: string, days: number) => new Date(Date.parse(`${localDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The occurrences in [from, to), in order. */
export function occurrencesBetween(rule: RecurrenceRule, from: Date, to: Date): Date[] {
  if (to <= from) return [];
  const out: Date[] = [];
  // a day of margin either side: the zone's date can differ from the UTC one
  let date = addDays(localDateOf(from, rule.timezone), -1);
  const last = addDays(localDateOf(to, rule.timezone), 1);
  const shift = (rule.weekday - isoWeekday(date) + 7) % 7;
  date = addDays(date, shift);
  for (; date <= last; date = addDays(date, 7)) {
    if (date < rule.startsOn || (rule.endsOn !== null && date > rule.endsOn)) continue;
    const at = zonedToUtc(date, rule.time, rule.timezone);
    if (at >= from && at < to) out.push(at);
  }
  return out;
}

/** Whether an instant is one of the rule's occurrences. */
export function isOccurrence(rule: RecurrenceRule, at: Date): boolean {
  const date = localDateOf(at, rule.timezone);
  if (isoWeekday(date) !== rule.weekday) return false;
  if (date < rule.startsOn || (rule.endsOn !== null && date > rule.endsOn)) return false;
  return zonedToUtc(date, rule.time, rule.timezone).getTime() === at.getTime();
}

/** The next occurrence at or after an instant, looking a year ahead; null when the series has ended. */
export function nextOccurrence(rule: RecurrenceRule, after: Date): Date | null {
  return occurrencesBetween(rule, after, new Date(after.getTime() + 366 * DAY_MS))[0] ?? null;
}
