import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';

/** Rows written and time spent per table, for progress messages and bench/demo.ts. */
export type LoadStats = Map<string, { rows: number; ms: number }>;

/** Rows per statement: large enough to amortise a round trip, small enough to keep PGlite responsive. */
export const BATCH_ROWS = 5000;

/**
 * Inserts rows with one `insert … select … from unnest($1::uuid[], $2::text[], …)` statement
 * per batch: one parameter per column whatever the row count, so neither driver's parameter
 * limit nor per-row planning applies. It runs through the transaction handle (not
 * Database.query, which on PostgreSQL takes any pooled connection) so the rows commit with the
 * community's audit event. Column types come from rows.ts; "enum:x" travels as text.
 */
export async function bulkInsert<R extends object>(
  tx: Db,
  table: string,
  columns: { [K in keyof R]: string },
  rows: readonly R[],
  stats?: LoadStats,
): Promise<void> {
  if (!rows.length) return;
  const started = performance.now();
  const names = Object.keys(columns) as (keyof R & string)[];
  const types = names.map((n) => columns[n]);
  const columnList = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const selectList = sql.raw(names.map((n, i) => (types[i].startsWith('enum:') ? `"${n}"::${types[i].slice(5)}` : `"${n}"`)).join(', '));
  for (let from = 0; from < rows.length; from += BATCH_ROWS) {
    const batch = rows.slice(from, from + BATCH_ROWS);
    const arrays: SQL[] = names.map((n, i) => {
      const type = types[i].startsWith('enum:') ? 'text' : types[i];
      return sql`${sql.param(batch.map((r) => r[n] ?? null))}::${sql.raw(type)}[]`;
    });
    await tx.execute(sql`insert into ${sql.identifier(table)} (${columnList}) select ${selectList} from unnest(${sql.join(arrays, sql`, `)}) as u(${columnList})`);
  }
  const entry = stats?.get(table) ?? { rows: 0, ms: 0 };
  entry.rows += rows.length;
  entry.ms += performance.now() - started;
  stats?.set(table, entry);
}
