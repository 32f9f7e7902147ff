import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginStaff, type TestApp } from '../../support/app.ts';
import { createUser } from '../../../src/server/modules/accounts/index.ts';
import { systemActor } from '../../../src/server/platform/actor.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('platform', () => {
  it('reports health and readiness with current migrations', async () => {
    expect((await t.app.inject('/healthz')).json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().migrations.current).toBe(true);
  });

  it('serves OpenAPI 3.1 with request and response schemas', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/me'].get.responses['200']).toBeDefined();
  });

  it('answers validation errors with one body naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toContain('password');
  });

  it('logs a staff member in and out', async () => {
    await createUser({ db: t.app.db, actor: systemActor() }, { username: 'ops', displayName: 'Ops', password: 'secret-pass', grants: [] });
    const cookie = await loginStaff(t.app, 'ops', 'secret-pass');
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ kind: 'staff', username: 'ops' });
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });
});
