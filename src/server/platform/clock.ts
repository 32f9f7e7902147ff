import fs from 'node:fs';

/**
 * The time commands see. Production uses the system clock; tests move a fixed clock forward to
 * cross notice periods and voting windows without sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  constructor(private current: Date = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

/**
 * Test-only: the system clock moved forward by a number of milliseconds read from a file, so a
 * browser journey can cross a 15-day notice against a running server (`siyi serve`) without
 * waiting. Off unless SIYI_CLOCK_OFFSET_FILE is set AND (SIYI_ALLOW_TEST_CLOCK=1 or NODE_ENV=test);
 * never in production. Only the app clock moves (votes, meetings, matters); sessions and one-time
 * codes keep real time. A missing or unreadable file means no offset.
 */
export class OffsetFileClock implements Clock {
  constructor(readonly file: string) {}
  now(): Date {
    return new Date(Date.now() + this.offsetMs());
  }
  private offsetMs(): number {
    try {
      const value = Number(fs.readFileSync(this.file, 'utf8').trim());
      return Number.isFinite(value) ? value : 0;
    } catch {
      return 0;
    }
  }
}

export function testClockFromEnv(env: NodeJS.ProcessEnv): OffsetFileClock | null {
  const file = env.SIYI_CLOCK_OFFSET_FILE;
  const allowed = env.SIYI_ALLOW_TEST_CLOCK === '1' || env.NODE_ENV === 'test';
  if (!file || !allowed || env.NODE_ENV === 'production') return null;
  return new OffsetFileClock(file);
}
