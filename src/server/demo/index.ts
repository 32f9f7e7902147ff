import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../platform/db.ts';

export interface DemoAccount {
  role: string;
  login: string;
  note: string;
}

/** Loads the demo district if the database holds no district yet. */
export async function loadDemoOnFirstStart(
  _database: Database,
  _size: 'full' | 'small',
  _log: FastifyBaseLogger,
): Promise<{ loaded: boolean; ms: number }> {
  return { loaded: false, ms: 0 };
}

export function demoAccounts(_size: 'full' | 'small'): DemoAccount[] {
  return [];
}
