import type { Database } from '../../../src/server/platform/db.ts';

/** Tables whose demo rows must be identical for identical seeds (created_at is left out: it is the load time). */
export const hashedTables: Record<string, string> = {
  units: 'community_id, id, compound_id, building_id, number, use, holder_status, area_registered_centi, area_surveyed_centi, area_contract_centi',
  people: 'community_id, id, kind, name, phone, id_hash, id_last4, is_developer, party_member',
  ownerships: 'community_id, id, unit_id, person_id, is_voter, since, until',
  memberships: 'community_id, id, organisation_id, person_id, role, since, until',
};

/** An md5 over a table's rows in id order, computed by the database. */
export async function tableHash(database: Database, table: keyof typeof hashedTables): Promise<{ rows: number; hash: string }> {
  const [row] = await database.query<{ rows: number; hash: string }>(
    `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t.id), '')) as hash
       from (select ${hashedTables[table]} from ${table}) t`,
  );
  return row;
}

export async function count(database: Database, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select (${sql})::int as n`, params);
  return row.n;
}
