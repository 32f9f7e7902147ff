import type { Db } from '../../platform/db.ts';

/**
 * A standing, kept by a module above accounts, that lets a phone log in by one-time code although
 * it owns and lives in no unit: a vote's registered proxy holder, for one. Accounts may not import
 * the modules above it, so buildApp hands their sources to accountsRoutes explicitly; a source
 * that is not passed grants nothing (no registration by import side effect). The actor such a
 * login opens is an owner whose scope holds no unit: the module that granted the standing
 * recognises the phone, and every other module sees nothing.
 */
export interface LoginPhoneSource {
  /** names the standing in the login's audit event, e.g. 'voting.proxy' */
  readonly name: string;
  /** the communities where the phone holds the standing now; empty when it holds none */
  communitiesOf(db: Db, phone: string): Promise<string[]>;
}

export interface PhoneStanding {
  /** the source's name */
  via: string;
  /** never empty */
  communityIds: string[];
}

/** The first source under which the phone holds a standing, or null. Sources are asked in turn, in the order given. */
export async function standingOfPhone(db: Db, phone: string, sources: readonly LoginPhoneSource[]): Promise<PhoneStanding | null> {
  for (const source of sources) {
    const communityIds = await source.communitiesOf(db, phone);
    if (communityIds.length) return { via: source.name, communityIds: [...new Set(communityIds)].sort() };
  }
  return null;
}
