import { describe, expect, it } from 'vitest';
import { isOccurrence, isoWeekday, localDateOf, nextOccurrence, occurrencesBetween, zonedToUtc } from '../../../src/server/modules/meetings/domain/recurrence.ts';

const tuesday2pm = { weekday: 2, time: '14:00', timezone: 'Asia/Shanghai', startsOn: '2026-01-01', endsOn: null };

describe('recurrence', () => {
  it('turns local wall-clock time into instants, including across daylight saving', () => {
    expect(zonedToUtc('2026-03-03', '14:00', 'Asia/Shanghai').toISOString()).toBe('2026-03-03T06:00:00.000Z');
    expect(zonedToUtc('2026-03-03', '00:30', 'Asia/Shanghai').toISOString()).toBe('2026-03-02T16:30:00.000Z');
    // New York: EST in January (UTC-5), EDT in July (UTC-4)
    expect(zonedToUtc('2026-01-13', '14:00', 'America/New_York').toISOString()).toBe('2026-01-13T19:00:00.000Z');
    expect(zonedToUtc('2026-07-14', '14:00', 'America/New_York').toISOString()).toBe('2026-07-14T18:00:00.000Z');
    expect(localDateOf(new Date('2026-03-02T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-03');
    expect(isoWeekday('2026-03-03')).toBe(2);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });

  it('lists every Tuesday 14:00 in a window, half-open at its end', () => {
    const list = occurrencesBetween(tuesday2pm, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-17T06:00:00Z'));
    expect(list.map((d) => d.toISOString())).toEqual(['2026-03-03T06:00:00.000Z', '2026-03-10T06:00:00.000Z']);
    expect(occurrencesBetween(tuesday2pm, new Date('2026-03-03T06:00:00Z'), new Date('2026-03-03T06:00:01Z'))).toHaveLength(1);
    expect(occurrencesBetween(tuesday2pm, new Date('2026-03-10T00:00:00Z'), new Date('2026-03-01T00:00:00Z'))).toEqual([]);
    // 8 weeks hold 8 occurrences
    expect(occurrencesBetween(tuesday2pm, new Date('2026-03-02T00:00:00Z'), new Date('2026-04-27T00:00:00Z'))).toHaveLength(8);
  });

  it('keeps a local date near midnight on the right day', () => {
    const earlyMonday = { weekday: 1, time: '07:00', timezone: 'Asia/Shanghai', startsOn: '2026-01-01', endsOn: null };
    // 07:00 Monday in Shanghai is 23:00 Sunday UTC
    expect(occurrencesBetween(earlyMonday, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-03T00:00:00Z')).map((d) => d.toISOString()))
      .toEqual(['2026-03-01T23:00:00.000Z']);
  });

  it('respects the first and last date of the series', () => {
    const rule = { ...tuesday2pm, startsOn: '2026-03-10', endsOn: '2026-03-24' };
    expect(occurrencesBetween(rule, new Date('2026-03-01T00:00:00Z'), new Date('2026-04-30T00:00:00Z')).map((d) => d.toISOString().slice(0, 10)))
      .toEqual(['2026-03-10', '2026-03-17', '2026-03-24']);
    expect(nextOccurrence(rule, new Date('2026-03-25T00:00:00Z'))).toBeNull();
    expect(nextOccurrence(rule, new Date('2026-03-10T06:00:00Z'))?.toISOString()).toBe('2026-03-10T06:00:00.000Z');
  });

  it('recognises its own occurrences only', () => {
    expect(isOccurrence(tuesday2pm, new Date('2026-03-10T06:00:00Z'))).toBe(true);
    expect(isOccurrence(tuesday2pm, new Date('2026-03-10T06:00:01Z'))).toBe(false);
    expect(isOccurrence(tuesday2pm, new Date('2026-03-11T06:00:00Z'))).toBe(false);
    expect(isOccurrence({ ...tuesday2pm, startsOn: '2026-04-01' }, new Date('2026-03-10T06:00:00Z'))).toBe(false);
  });
});
