import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { RosterProblem, RosterSummary } from '../../../../../contracts/roster.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../../platform/command.ts';
import { AppError } from '../../../../platform/errors.ts';
import { appendAudit } from '../../../audit/index.ts';
import { findCompoundRef } from '../../repo/refs.ts';
import { todayInChina } from '../../domain/today.ts';
import { RosterValidator, type ValidatedSheet } from '../domain/rows.ts';
import { RosterPlanner, type RegistryState, type RosterPlan } from '../domain/plan.ts';
import { idNumberHasher } from '../id-hash.ts';
import { analyseRegistryTables, loadBuildings, loadRegistryState, lockCompound, planSize, writePlan } from '../roster.repo.ts';
import { openSheet, SheetFileError, type OpenedSheet } from '../sheet-reader.ts';
import { breathe } from '../breathe.ts';

export interface ImportRosterInput {
  compoundId: string;
  /** path of the uploaded or given file */
  file: string;
  /** the name to record, as the user knows the file */
  fileName: string;
  dryRun: boolean;
  createBuildings: boolean;
  /** the roster_imports row of a web import, cited in the audit event */
  importId?: string | null;
  /** the date ownerships open and close on (default: today in China) */
  today?: string;
  /** SIYI_SECRET, used only when the ID-hash salt is first created */
  secret?: string | null;
}

export type ImportPhase = 'parsing' | 'validating' | 'writing';

export interface ImportProgress {
  /** a new phase begins; awaited, and never called inside the write transaction */
  phase?(phase: ImportPhase, totalRows: number): Promise<void>;
  /** rows done so far; called often, so it must not touch the database */
  rows?(processed: number, total: number): void;
}

export interface ImportRosterResult {
  /** true when the sheet had no problem (and, unless a dry run, was imported) */
  ok: boolean;
  problems: RosterProblem[];
  /** present when ok: what was (dry run: would be) changed */
  summary: RosterSummary | null;
}

const ROWS_PER_BREATH = 2000;

class Rejected extends Error {
  constructor(readonly problems: RosterProblem[]) {
    super('roster rejected');
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Imports a compound's roster from an XLSX or CSV file, all or nothing: every row is checked
 * first and every problem reported; only a sheet without problems is written, in one transaction
 * of bulk statements ending with one `registry.roster_imported` audit event. A dry run checks and
 * plans the same way and writes nothing. The caller has checked that the actor may import.
 */
export async function importRoster(ctx: CommandContext, input: ImportRosterInput, progress: ImportProgress = {}): Promise<ImportRosterResult> {
  const compound = await findCompoundRef(ctx.db, input.compoundId);
  if (!compound) throw new AppError('not_found', 'Compound not found');
  const sha256 = await sha256Of(input.file);
  const hashId = await idNumberHasher(ctx.db, input.secret ?? null);
  const knownBuildings = new Set((await loadBuildings(ctx.db, compound)).keys());

  await progress.phase?.('parsing', 0);
  let opened: OpenedSheet;
  let sheet: ValidatedSheet;
  try {
    opened = await openSheet(input.file);
    const validator = new RosterValidator({ knownBuildings, createBuildings: input.createBuildings, hashId });
    let read = 0;
    for await (const { row, cells } of opened.rows) {
      validator.push(row, cells);
      if (++read % ROWS_PER_BREATH === 0) {
        progress.rows?.(read, opened.estimatedRows && Math.max(read, opened.estimatedRows));
        await breathe();
      }
      if (validator.hopeless) break;
    }
    progress.rows?.(read, read);
    sheet = validator.finish();
  } catch (e) {
    if (e instanceof SheetFileError) return rejected([{ row: e.row, column: '', message: e.message }]);
    throw e;
  }
  if (sheet.problems.length) return rejected(sheet.problems);

  const summary = (plan: RosterPlan): RosterSummary => ({
    fileName: input.fileName, sha256, format: opened.format, encoding: opened.encoding, dryRun: input.dryRun,
    ignoredColumns: sheet.header?.ignored ?? [], counts: plan.counts,
  });
  /** The plan against the registry, built in chunks with pauses (100,000 units take about half a second). */
  const planAgainst = async (state: RegistryState) => {
    const planner = new RosterPlanner(sheet, state, randomUUID);
    for (const _ of planner.indexing()) await breathe();
    for (let i = 0; i < sheet.units.length; i++) {
      planner.add(sheet.units[i]);
      if ((i + 1) % ROWS_PER_BREATH === 0) await breathe();
    }
    return planner.finish();
  };

  await progress.phase?.('validating', sheet.rows);
  if (input.dryRun) {
    const plan = await planAgainst(await loadRegistryState(ctx.db, compound));
    progress.rows?.(sheet.rows, sheet.rows);
    return plan.problems.length ? rejected(plan.problems) : { ok: true, problems: [], summary: summary(plan) };
  }

  await progress.phase?.('writing', sheet.rows);
  try {
    return await transaction(ctx.db, async (tx) => {
      await lockCompound(tx, compound);
      const plan = await planAgainst(await loadRegistryState(tx, compound));
      if (plan.problems.length) throw new Rejected(plan.problems);
      const total = Math.max(planSize(plan), 1);
      let written = 0;
      await writePlan(tx, compound, plan, input.today ?? todayInChina(), (n) => {
        written += n;
        progress.rows?.(Math.round((sheet.rows * written) / total), sheet.rows);
      });
      if (planSize(plan) > 0) await analyseRegistryTables(tx);
      const result = summary(plan);
      await appendAudit(tx, {
        kind: 'registry.roster_imported',
        communityId: compound.communityId,
        ...auditOrigin(ctx),
        objectType: 'compound',
        objectId: compound.id,
        after: { importId: input.importId ?? null, fileName: input.fileName, sha256, format: result.format, counts: result.counts },
      });
      progress.rows?.(sheet.rows, sheet.rows);
      return { ok: true, problems: [], summary: result };
    });
  } catch (e) {
    if (e instanceof Rejected) return rejected(e.problems);
    throw e;
  }
}

function rejected(problems: RosterProblem[]): ImportRosterResult {
  const sorted = problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.row - b.p.row || a.i - b.i).map(({ p }) => p);
  return { ok: false, problems: sorted, summary: null };
}
