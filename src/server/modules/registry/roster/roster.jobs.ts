import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { storedProblemsCap, type RosterImportStatus, type RosterImportView, type RosterProblem, type RosterSummary } from '../../../../contracts/roster.ts';
import type { CommandContext } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import type { CompoundRef } from '../registry.policy.ts';
import { rosterImports } from '../registry.tables.ts';
import { importRoster, type ImportRosterInput } from './commands/import-roster.ts';

// A web import runs in the background and is recorded in roster_imports, which the web app
// polls. While a job runs its progress lives in memory: on PGlite the write transaction holds the
// only connection, so progress written to the table would wait for the transaction to end. The
// table gets each phase as it begins and the outcome.

/** What roster_imports.summary holds: the outcome, the problem count beyond the stored cap, or an error. */
interface StoredOutcome {
  result: RosterSummary | null;
  problemsTotal: number;
  error: string | null;
}

interface LiveJob {
  status: RosterImportStatus;
  processedRows: number;
  totalRows: number;
  done: Promise<void>;
}

const live = new Map<string, LiveJob>();

export interface RosterJobDeps {
  db: Db;
  /** PGlite: one process owns the database, so a job that is not live here was interrupted */
  embedded: boolean;
  log: { error(obj: unknown, msg: string): void };
}

/** Records the job, starts it, and returns its id at once. The job deletes `file` when it ends. */
export async function startRosterImport(
  deps: RosterJobDeps,
  ctx: CommandContext,
  compound: CompoundRef,
  input: Omit<ImportRosterInput, 'compoundId' | 'importId'>,
): Promise<string> {
  const [row] = await deps.db
    .insert(rosterImports)
    .values({
      communityId: compound.communityId, compoundId: compound.id, fileName: input.fileName, dryRun: input.dryRun, status: 'parsing',
      createdBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
    })
    .returning({ id: rosterImports.id });
  const id = row.id;
  const job: LiveJob = { status: 'parsing', processedRows: 0, totalRows: 0, done: Promise.resolve() };
  const save = (values: Partial<typeof rosterImports.$inferInsert>) => deps.db.update(rosterImports).set(values).where(eq(rosterImports.id, id));

  const run = async () => {
    try {
      const result = await importRoster(ctx, { ...input, compoundId: compound.id, importId: id }, {
        async phase(status, totalRows) {
          Object.assign(job, { status, totalRows, processedRows: 0 });
          await save({ status, totalRows, processedRows: 0 });
        },
        rows(processed, total) {
          job.processedRows = processed;
          job.totalRows = total;
        },
      });
      const outcome: StoredOutcome = { result: result.summary, problemsTotal: result.problems.length, error: null };
      await save({
        status: result.ok ? 'done' : 'failed',
        processedRows: job.processedRows, totalRows: job.totalRows,
        problems: result.problems.slice(0, storedProblemsCap), summary: outcome, finishedAt: new Date(),
      });
    } catch (e) {
      deps.log.error({ err: e, importId: id }, 'roster import failed');
      const outcome: StoredOutcome = { result: null, problemsTotal: 0, error: `the import stopped on an unexpected error and wrote nothing: ${rootMessage(e)}` };
      await save({ status: 'failed', summary: outcome, finishedAt: new Date() }).catch((err) => deps.log.error({ err }, 'roster import status not saved'));
    }
  };
  live.set(id, job);
  job.done = run().finally(() => {
    live.delete(id);
    fs.rm(input.file, { force: true }, () => {});
  });
  return id;
}

/** The database's own words, not the wrapper that repeats the whole statement and its parameters. */
function rootMessage(e: unknown): string {
  let err = e as { message?: string; cause?: unknown };
  while (err.cause && typeof err.cause === 'object') err = err.cause as typeof err;
  return err.message ?? String(e);
}

/** Waits for every running job, e.g. before the server closes its database. */
export async function rosterJobsSettled(): Promise<void> {
  await Promise.allSettled([...live.values()].map((j) => j.done));
}

/** The job's row with its scope, or null. */
export async function findRosterImport(db: Db, id: string) {
  const [row] = await db.select().from(rosterImports).where(eq(rosterImports.id, id));
  return row ?? null;
}

/** The job as the API shows it: live progress when it runs here, with one page of its problems. */
export function rosterImportView(
  row: typeof rosterImports.$inferSelect,
  page: { page: number; pageSize: number },
  embedded: boolean,
): RosterImportView {
  const job = live.get(row.id);
  const outcome = (row.summary ?? null) as StoredOutcome | null;
  const problems = (row.problems ?? []) as RosterProblem[];
  let status = (job?.status ?? row.status) as RosterImportStatus;
  let error = outcome?.error ?? null;
  if (!job && embedded && status !== 'done' && status !== 'failed') {
    status = 'failed';
    error = 'the server stopped before this import finished; nothing was written: start it again';
  }
  const start = (page.page - 1) * page.pageSize;
  return {
    id: row.id,
    compoundId: row.compoundId,
    fileName: row.fileName,
    dryRun: row.dryRun,
    status,
    processedRows: job?.processedRows ?? row.processedRows,
    totalRows: job?.totalRows ?? row.totalRows,
    problems: problems.slice(start, start + page.pageSize),
    problemsTotal: outcome?.problemsTotal ?? problems.length,
    page: page.page,
    pageSize: page.pageSize,
    summary: outcome?.result ?? null,
    error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
