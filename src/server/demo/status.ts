import type { DemoStatus } from '../../contracts/demo.ts';
import type { Database } from '../platform/db.ts';

// The progress of the demo load, per open database (tests run several in one process). It lives
// in memory: it describes what this process is doing, and a restart resumes from the rows.

const statuses = new WeakMap<Database, DemoStatus>();

const idle: DemoStatus = { state: 'idle', done: 0, total: 0, message: 'No demo load in this process' };

export function demoStatusOf(database: Database): DemoStatus {
  return statuses.get(database) ?? idle;
}

export function setDemoStatus(database: Database, status: DemoStatus): void {
  statuses.set(database, status);
}
