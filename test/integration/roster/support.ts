import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { RosterImportView } from '../../../src/contracts/roster.ts';
import { rowsOf, type Db } from '../../../src/server/platform/db.ts';
import { rosterJobsSettled } from '../../../src/server/modules/registry/roster/roster.jobs.ts';

export const fixture = (name: string) => path.resolve(import.meta.dirname, '../../fixtures/rosters', name);

/** POSTs a roster as multipart, as the web app does; returns the response. */
export async function upload(
  app: FastifyInstance,
  cookie: string | null,
  compoundId: string,
  file: { name: string; bytes: Buffer } | null,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const encoded = new Response(form);
  return app.inject({
    method: 'POST',
    url: `/api/compounds/${compoundId}/roster-imports`,
    headers: { 'content-type': encoded.headers.get('content-type')!, ...(cookie ? { cookie } : {}) },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
}

/** Starts an import through the API, waits for the job to finish, and returns the job as GET shows it. */
export async function importThroughApi(
  app: FastifyInstance,
  cookie: string,
  compoundId: string,
  file: { name: string; bytes: Buffer },
  fields: Record<string, string>,
  query = '',
): Promise<RosterImportView> {
  const started = await upload(app, cookie, compoundId, file, fields);
  if (started.statusCode !== 202) throw new Error(`import not started: ${started.statusCode} ${started.body}`);
  await rosterJobsSettled();
  const res = await app.inject({ url: `/api/roster-imports/${started.json().id}${query}`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`GET import: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const fileOf = (name: string) => ({ name, bytes: fs.readFileSync(fixture(name)) });

/** The same sheet as a CSV fixture, written as an XLSX workbook (in memory). */
export async function xlsxFromCsv(name: string): Promise<{ name: string; bytes: Buffer }> {
  const rows = parse(fs.readFileSync(fixture(name)), { bom: true, relax_column_count: true }) as string[][];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  for (const row of rows) sheet.addRow(row.map((c) => (c === '' ? null : c)));
  return { name: name.replace(/\.csv$/, '.xlsx'), bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** Everything a roster import may touch in a community, to compare before and after. */
export async function snapshot(db: Db, communityId: string) {
  const all = async (table: string) => rowsOf(await db.execute(sql.raw(`select * from ${table} where community_id = '${communityId}' order by id`)));
  return {
    buildings: await all('buildings'),
    units: await all('units'),
    people: await all('people'),
    ownerships: await all('ownerships'),
    audit: await all('audit_events'),
  };
}

/** Current owners of each unit of a compound: "building number" → [name, isVoter, since, until][]. */
export async function ownersByUnit(db: Db, compoundId: string) {
  const rows = rowsOf<{ unit: string; name: string; is_voter: boolean; since: string; until: string | null; id: string }>(await db.execute(sql`
    select b.name || ' ' || u.number as unit, p.name, o.is_voter, o.since::text as since, o.until::text as until, o.id
    from ownerships o
    join units u on u.community_id = o.community_id and u.id = o.unit_id
    join buildings b on b.community_id = u.community_id and b.id = u.building_id
    join people p on p.community_id = o.community_id and p.id = o.person_id
    where u.compound_id = ${compoundId}
    order by unit, p.name, o.since, o.until nulls last`));
  return rows;
}
