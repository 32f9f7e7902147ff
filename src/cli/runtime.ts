import { loadConfig, type Config } from '../server/platform/config.ts';
import { migrate, openDatabase, type Database } from '../server/platform/db.ts';

/** Opens the configured database with migrations applied, runs fn, and always closes it. */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>, overrides: Partial<Config> = {}): Promise<T> {
  const config = loadConfig(process.env, overrides);
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
