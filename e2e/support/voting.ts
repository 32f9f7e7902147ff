import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../../src/contracts/demo.ts';
import { baseUrl } from './app.ts';

// What the vote journey needs beside the browser: API sessions with their own cookies (staff by
// password, owners by one-time code from the dev mailbox), the 30-unit compound's roster, the
// server's test clock, and the real `siyi tally` CLI.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DAY = 86_400_000;

export class ApiSession {
  constructor(readonly label: string, private cookie = '') {}

  async request<T = unknown>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; text: string }> {
    const init: RequestInit = { method, headers: { accept: 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${baseUrl}${url}`, init);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('siyi_session='));
    if (session) this.cookie = session.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, body: parsed as T, text };
  }

  /** The request must answer `status`; its body is returned. */
  async expect<T = any>(status: number, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await this.request<T>(method, url, body, headers);
    if (res.status !== status) throw new Error(`${this.label}: ${method} ${url} answered ${res.status}, expected ${status}: ${res.text.slice(0, 500)}`);
    return res.body;
  }

  get sessionCookie() {
    return this.cookie;
  }
}

export async function staffSession(username: string): Promise<ApiSession> {
  const s = new ApiSession(username);
  await s.expect(200, 'POST', '/api/auth/login', { username, password: DEMO_STAFF_PASSWORD });
  return s;
}

/** The newest one-time code sent to a phone, read from the dev mailbox as an administrator. */
export async function latestCode(admin: ApiSession, phone: string): Promise<string> {
  const mailbox = await admin.expect<{ items: { recipient: string; body: string; createdAt: string }[] }>(200, 'GET', '/api/dev/mailbox');
  const message = mailbox.items.filter((m) => m.recipient === phone).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const code = message && /\b(\d{6})\b/.exec(message.body)?.[1];
  if (!code) throw new Error(`no one-time code for ${phone} in the dev mailbox`);
  return code;
}

export async function ownerSession(admin: ApiSession, phone: string): Promise<ApiSession> {
  const s = new ApiSession(phone);
  await s.expect(202, 'POST', '/api/auth/otp', { phone });
  await s.expect(200, 'POST', '/api/auth/owner-login', { phone, code: await latestCode(admin, phone) });
  return s;
}

// ——— the compound: 30 units with co-owners, a multi-unit owner and the developer's units ———

export interface RosterOwner { name: string; phone: string | null }
export interface RosterUnit { building: string; number: string; area: string; source: 'registered' | 'surveyed' | 'contract'; owners: RosterOwner[]; voter?: string; developer?: '未售' | '已售未交付' }

const phoneOf = (n: number) => `166${String(n).padStart(8, '0')}`;
export const people = {
  multi: { name: '王多房', phone: phoneOf(1) },
  coNamed: [{ name: '李共甲', phone: phoneOf(2) }, { name: '李共乙', phone: phoneOf(3) }],
  coNamed2: [{ name: '赵共甲', phone: phoneOf(4) }, { name: '赵共乙', phone: phoneOf(5) }],
  coUnnamed: [{ name: '钱共甲', phone: phoneOf(6) }, { name: '钱共乙', phone: phoneOf(7) }],
  developer: { name: '澜湾置业有限公司', phone: null },
  sole: Array.from({ length: 22 }, (_, i) => ({ name: `业主${String(i + 1).padStart(2, '0')}`, phone: phoneOf(10 + i) })),
};

/** 1栋 101–115 and 2栋 101–115; areas from every source, so the roll shows which one counts. */
export function compoundUnits(): RosterUnit[] {
  const numbers = Array.from({ length: 15 }, (_, i) => String(101 + i));
  const slots = ['1栋', '2栋'].flatMap((building) => numbers.map((number) => ({ building, number })));
  const area = (i: number) => `${80 + ((i * 7) % 45)}.${String((i * 37) % 100).padStart(2, '0')}`;
  const source = (i: number): RosterUnit['source'] => (i % 9 === 4 ? 'surveyed' : i % 11 === 6 ? 'contract' : 'registered');
  const units: RosterUnit[] = slots.map((s, i) => ({ ...s, area: area(i), source: source(i), owners: [] }));
  const at = (building: string, number: string) => units.find((u) => u.building === building && u.number === number)!;
  for (const [b, n] of [['1栋', '101'], ['1栋', '102'], ['2栋', '101']]) at(b, n).owners = [people.multi];
  at('1栋', '103').owners = people.coNamed;
  at('1栋', '103').voter = people.coNamed[0].name;
  at('1栋', '104').owners = people.coNamed2;
  at('1栋', '104').voter = people.coNamed2[1].name;
  at('1栋', '105').owners = people.coUnnamed;
  Object.assign(at('2栋', '114'), { owners: [people.developer], developer: '未售', source: 'surveyed' });
  Object.assign(at('2栋', '115'), { owners: [people.developer], developer: '已售未交付', source: 'contract' });
  let next = 0;
  for (const u of units) if (u.owners.length === 0) u.owners = [people.sole[next++]];
  if (next !== people.sole.length) throw new Error(`the plan uses ${next} sole owners, not ${people.sole.length}`);
  return units;
}

export function rosterCsv(units: RosterUnit[]): string {
  const header = '楼栋,房号,用途,登记面积,实测面积,合同面积,业主,表决人,电话,开发商';
  const rows = units.map((u) => [
    u.building, u.number, '住宅',
    u.source === 'registered' ? u.area : '', u.source === 'surveyed' ? u.area : '', u.source === 'contract' ? u.area : '',
    u.owners.map((o) => o.name).join('、'), u.voter ?? '', u.owners.map((o) => o.phone ?? '').join('、'), u.developer ?? '',
  ].join(','));
  return [header, ...rows].join('\n');
}

/** Imports the roster (creating the buildings) and waits for the job; polling, not a fixed wait. */
export async function importRoster(staff: ApiSession, compoundId: string, csv: string) {
  const form = new FormData();
  form.append('dryRun', 'false');
  form.append('createBuildings', 'true');
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
  const { id } = await staff.expect<{ id: string }>(202, 'POST', `/api/compounds/${compoundId}/roster-imports`, form);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await staff.expect(200, 'GET', `/api/roster-imports/${id}`);
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`roster import ${id} still ${job.status} after 60 s`);
    await new Promise((r) => setTimeout(r, 200)); // polling interval
  }
}

// ——— the server's test clock (src/server/platform/clock.ts) ———

const clockFile = () => {
  const file = inject('clockOffsetFile');
  if (!file) throw new Error('the server runs without a test clock: start it with SIYI_ALLOW_TEST_CLOCK=1 and SIYI_CLOCK_OFFSET_FILE');
  return file;
};

/** Moves the server's app clock so that it reads `at` plus a minute now. */
export function serverClockTo(at: string | Date) {
  const offset = new Date(at).getTime() + 60_000 - Date.now();
  fs.writeFileSync(clockFile(), String(Math.max(0, offset)));
}

export function resetServerClock() {
  const file = inject('clockOffsetFile');
  if (file) fs.writeFileSync(file, '0');
}

export const days = (n: number) => n * DAY;

// ——— the real CLI ———

export function siyiTally(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/siyi.js', 'tally', file], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
