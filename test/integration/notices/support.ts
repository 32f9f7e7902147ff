import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ManualClock } from '../../../src/server/platform/clock.ts';
import type { Database } from '../../../src/server/platform/db.ts';
import { createTestApp, loginStaff, type TestApp } from '../../support/app.ts';
import { buildTwoCommunityWorld, ownerCookie, type StaffLogin, type TwoCommunityWorld } from '../../support/factories.ts';

// A test app over the two-community world with a ManualClock, clients per role, and helpers to
// draft, publish, upload and count audit events.

export const T0 = new Date('2025-03-03T02:00:00.000Z');
export const DAY = 86_400_000;

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  upload(url: string, file: { name: string; content: Buffer; type?: string } | null, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Requests carrying one session cookie (or none: the public). */
export function client(app: FastifyInstance, cookie: string | null): Client {
  const headers = cookie ? { cookie } : {};
  return {
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, payload) => app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => app.inject({ method: 'PATCH', url, headers, payload: payload as object }),
    put: (url, payload) => app.inject({ method: 'PUT', url, headers, payload: payload as object }),
    upload: (url, file, fields = {}) => {
      const { body, contentType } = multipart(file, fields);
      return app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': contentType }, payload: body });
    },
  };
}

/** A multipart/form-data body with one file part and text fields. */
export function multipart(file: { name: string; content: Buffer; type?: string } | null, fields: Record<string, string>) {
  const boundary = `----siyi${randomUUID().replaceAll('-', '')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export interface NoticesWorld {
  t: TestApp;
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  world: TwoCommunityWorld;
  public: Client;
  staffA: Client;
  staffB: Client;
  streetA: Client;
  districtAdmin: Client;
  committeeA: Client;
  propertyA: Client;
  gridA: Client;
  /** owns 101 and P01 in A's compound 1 */
  ownerA: Client;
  /** owns 101 in A's compound 2 */
  owner4A: Client;
  /** a tenant living in 201 of A's compound 1 */
  tenantA: Client;
  ownerB: Client;
}

export async function noticesWorld(): Promise<NoticesWorld> {
  const clock = new ManualClock(T0);
  const t = await createTestApp(undefined, { clock });
  const world = await buildTwoCommunityWorld(t.app.db);
  const app = t.app;
  const staff = async (u: StaffLogin) => client(app, await loginStaff(app, u.username, u.password));
  const owner = async (phone: string | null) => client(app, await ownerCookie(app.db, phone!));
  return {
    t, app, database: t.database, clock, world,
    public: client(app, null),
    staffA: await staff(world.A.users.communityStaff),
    staffB: await staff(world.B.users.communityStaff),
    streetA: await staff(world.A.users.streetAdmin),
    districtAdmin: await staff(world.districtAdmin),
    committeeA: await staff(world.A.users.committee),
    propertyA: await staff(world.A.users.propertyStaff),
    gridA: await staff(world.A.users.gridWorker),
    ownerA: await owner(world.A.people.owner.phone),
    owner4A: await owner(world.A.people.owner4.phone),
    tenantA: await owner(world.A.people.tenant.phone),
    ownerB: await owner(world.B.people.owner.phone),
  };
}

export const draftBody = (over: Record<string, unknown> = {}) => ({
  subjectType: 'matter_resolution',
  subjectId: randomUUID(),
  title: '关于更换电梯的决议公示',
  body: '经业主大会表决通过，决定更换 3 号楼电梯。',
  ...over,
});

/** Drafts through the API and expects 201. */
export async function draft(c: Client, communityId: string, over: Record<string, unknown> = {}) {
  const res = await c.post(`/api/communities/${communityId}/notices`, draftBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Drafts and publishes through the API; returns the published view. */
export async function published(c: Client, communityId: string, over: Record<string, unknown> = {}) {
  const d = await draft(c, communityId, over);
  const res = await c.post(`/api/notices/${d.id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The kinds of audit events written in the community after `afterSeq`. */
export async function auditKindsSince(database: Database, communityId: string, afterSeq: number): Promise<string[]> {
  const rows = await database.query<{ kind: string }>('select kind from audit_events where community_id = $1 and seq > $2 order by seq', [communityId, afterSeq]);
  return rows.map((r) => r.kind);
}

export async function auditHead(database: Database, communityId: string): Promise<number> {
  const rows = await database.query<{ seq: number }>('select coalesce(max(seq), 0)::int as seq from audit_events where community_id = $1', [communityId]);
  return Number(rows[0].seq);
}

/** Runs fn and checks it wrote exactly the given audit events in the community. */
export async function expectAudit<T>(database: Database, communityId: string, kinds: string[], fn: () => Promise<T>): Promise<T> {
  const before = await auditHead(database, communityId);
  const result = await fn();
  expect(await auditKindsSince(database, communityId, before)).toEqual(kinds);
  return result;
}
