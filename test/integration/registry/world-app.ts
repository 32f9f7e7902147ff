import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestApp, loginStaff, type TestApp } from '../../support/app.ts';
import { buildTwoCommunityWorld, type StaffLogin, type TwoCommunityWorld } from '../../support/factories.ts';

/** A test app over a fresh two-community world. */
export async function worldApp(): Promise<{ t: TestApp; app: FastifyInstance; world: TwoCommunityWorld }> {
  const t = await createTestApp();
  const world = await buildTwoCommunityWorld(t.app.db);
  return { t, app: t.app, world };
}

export const login = (app: FastifyInstance, user: StaffLogin) => loginStaff(app, user.username, user.password);

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

/** Requests carrying one session cookie. */
export function client(app: FastifyInstance, cookie: string): Client {
  return {
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    put: (url, payload) => app.inject({ method: 'PUT', url, headers: { cookie }, payload: payload as object }),
    post: (url, payload) => app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
  };
}
