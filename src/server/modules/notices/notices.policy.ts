import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../contracts/accounts.ts';
import type { NoticeAbilities } from '../../../contracts/notices.ts';
import type { Actor } from '../../platform/actor.ts';
import { hasCommunityRole, hasCompoundRole } from '../../platform/actor.ts';
import { objectionRefusal, type TimedNotice } from './domain/periods.ts';
import { notices } from './notices.tables.ts';

// Every ability of the notices module, default deny, in this one file. Everything here is in
// memory: where an owner lives (which compounds and communities their units are in) is looked up
// by notices.access.ts and passed in as OwnerPlaces. List filters at the end answer the same
// questions for many rows at once.

export interface NoticeRef {
  id: string;
  communityId: string;
  compoundId: string | null;
  state: 'draft' | 'published';
  issuerKind: 'community' | 'owners_committee';
}

/** Where an owner or resident (phone login) has a unit they own or live in. Empty for staff. */
export interface OwnerPlaces {
  compoundIds: Set<string>;
  communityIds: Set<string>;
  /** one unit per compound, recorded on an objection as the raiser's household */
  unitByCompound: Map<string, string>;
}

export const NO_PLACES: OwnerPlaces = { compoundIds: new Set(), communityIds: new Set(), unitByCompound: new Map() };

/** Roles that manage every notice of a community in their scope. */
const COMMUNITY_MANAGERS: Role[] = ['district_admin', 'street_admin', 'community_staff'];
/** Compound-level roles that read the compound's published notices while logged in. */
const COMPOUND_READERS: Role[] = ['owners_committee', 'property_staff', 'grid_worker'];

const isOwner = (actor: Actor) => actor.kind === 'owner';

// ——— issuing ———

/**
 * As which body the actor may issue a notice here: community managers issue for the community;
 * an owners' committee member issues for their own compound only. null = may not.
 */
export function issuerKindFor(actor: Actor, where: { communityId: string; compoundId: string | null }): NoticeRef['issuerKind'] | null {
  if (isOwner(actor)) return null;
  if (hasCommunityRole(actor, where.communityId, ...COMMUNITY_MANAGERS)) return 'community';
  if (where.compoundId && hasCompoundRole(actor, where.compoundId, 'owners_committee')) return 'owners_committee';
  return null;
}

/**
 * Where the actor may draft notices in the community, for the UI: community managers anywhere
 * (compoundIds null = every compound); an owners' committee member only for their compounds,
 * never community-wide. null = nowhere. Mirrors issuerKindFor.
 */
export function draftScope(actor: Actor, communityId: string): { communityWide: boolean; compoundIds: string[] | null } | null {
  if (isOwner(actor)) return null;
  if (hasCommunityRole(actor, communityId, ...COMMUNITY_MANAGERS)) return { communityWide: true, compoundIds: null };
  const committee = compoundsWithRole(actor, communityId, ['owners_committee']);
  return committee.length ? { communityWide: false, compoundIds: committee.sort() } : null;
}

/** Community managers manage every notice of the community; a committee the notices it issued for its compound. */
export function canManageNotice(actor: Actor, n: Pick<NoticeRef, 'communityId' | 'compoundId' | 'issuerKind'>): boolean {
  if (isOwner(actor)) return false;
  if (hasCommunityRole(actor, n.communityId, ...COMMUNITY_MANAGERS)) return true;
  return n.issuerKind === 'owners_committee' && !!n.compoundId && hasCompoundRole(actor, n.compoundId, 'owners_committee');
}

// ——— reading ———

/** Anyone, without logging in, once published. */
export const canReadPublicly = (n: Pick<NoticeRef, 'state'>) => n.state === 'published';

/** Staff who reach the notice's compound (or, for a community-wide notice, any compound of its community). */
function staffReaches(actor: Actor, n: NoticeRef): boolean {
  if (hasCommunityRole(actor, n.communityId, ...COMMUNITY_MANAGERS)) return true;
  if (n.compoundId) return hasCompoundRole(actor, n.compoundId, ...COMPOUND_READERS);
  for (const c of actor.scope.compounds.values()) if (c.communityId === n.communityId) return true;
  return false;
}

/** Managers read drafts; staff who reach the place read it once published. */
export function canReadAsStaff(actor: Actor, n: NoticeRef): boolean {
  if (isOwner(actor)) return false;
  return canManageNotice(actor, n) || (canReadPublicly(n) && staffReaches(actor, n));
}

/** Residents read published notices of their compound, and community-wide notices of their community. */
export function canReadAsOwner(actor: Actor, n: NoticeRef, places: OwnerPlaces): boolean {
  if (!isOwner(actor) || !canReadPublicly(n)) return false;
  return n.compoundId ? places.compoundIds.has(n.compoundId) : places.communityIds.has(n.communityId);
}

export function canReadNotice(actor: Actor, n: NoticeRef, places: OwnerPlaces): boolean {
  return canReadAsStaff(actor, n) || canReadAsOwner(actor, n, places);
}

// ——— objections ———

/** Residents of the place object; whether the window is open is the command's (and abilities') check. */
export const canObject = canReadAsOwner;
/** Objection texts and answers: the notice's managers (the raiser reads their own through /my/objections). */
export const canSeeObjections = canManageNotice;
export const canAnswerObjections = canManageNotice;

// ——— settings ———

export const canEditSettings = (actor: Actor, communityId: string) => !isOwner(actor) && hasCommunityRole(actor, communityId, ...COMMUNITY_MANAGERS);

/** Staff who reach anything in the community read its settings (a committee needs the minimum to draft). */
export function canReadSettings(actor: Actor, communityId: string): boolean {
  if (isOwner(actor)) return false;
  if (canEditSettings(actor, communityId)) return true;
  for (const c of actor.scope.compounds.values()) if (c.communityId === communityId) return true;
  return false;
}

/** What the UI may offer on a notice, with its state and the clock applied. */
export function noticeAbilities(
  actor: Actor,
  n: NoticeRef & TimedNotice,
  places: OwnerPlaces,
  correctedById: string | null,
  now: Date,
): NoticeAbilities {
  const manage = canManageNotice(actor, n);
  const draft = n.state === 'draft';
  return {
    edit: manage && draft,
    publish: manage && draft,
    uploadAttachment: manage && draft,
    uploadProof: manage && !draft,
    correct: manage && !draft && !correctedById,
    seeObjections: canSeeObjections(actor, n),
    answerObjections: canAnswerObjections(actor, n) && !draft,
    object: canObject(actor, n, places) && !objectionRefusal(n, correctedById, now),
  };
}

// ——— list filters ———

/** The compounds of one community where the actor holds one of the roles. */
function compoundsWithRole(actor: Actor, communityId: string, roles: Role[]): string[] {
  return [...actor.scope.compounds].filter(([, c]) => c.communityId === communityId && roles.some((r) => c.roles.has(r))).map(([id]) => id);
}

/**
 * The notices of one community a staff actor lists: undefined = all of them; null = the actor
 * reaches nothing there (the route answers 404). Mirrors canReadAsStaff.
 */
export function visibleNoticesSql(actor: Actor, communityId: string): SQL | undefined | null {
  if (isOwner(actor)) return null;
  if (hasCommunityRole(actor, communityId, ...COMMUNITY_MANAGERS)) return undefined;
  const reached = compoundsWithRole(actor, communityId, COMPOUND_READERS);
  if (!reached.length) return null;
  const committee = compoundsWithRole(actor, communityId, ['owners_committee']);
  const published = and(eq(notices.state, 'published'), or(isNull(notices.compoundId), inArray(notices.compoundId, reached)));
  if (!committee.length) return published;
  return or(published, and(eq(notices.issuerKind, 'owners_committee'), inArray(notices.compoundId, committee)));
}

/** The notices of one community whose objections the actor sees and answers. Mirrors canManageNotice. */
export function managedNoticesSql(actor: Actor, communityId: string): SQL | undefined | null {
  if (isOwner(actor)) return null;
  if (hasCommunityRole(actor, communityId, ...COMMUNITY_MANAGERS)) return undefined;
  const committee = compoundsWithRole(actor, communityId, ['owners_committee']);
  if (!committee.length) return null;
  return and(eq(notices.issuerKind, 'owners_committee'), inArray(notices.compoundId, committee));
}

/** Published notices an owner's list shows: their compounds' and their communities' community-wide ones. */
export function ownerNoticesSql(places: OwnerPlaces): SQL | null {
  const compoundIds = [...places.compoundIds];
  const communityIds = [...places.communityIds];
  if (!compoundIds.length && !communityIds.length) return null;
  const conds: SQL[] = [];
  if (compoundIds.length) conds.push(inArray(notices.compoundId, compoundIds));
  if (communityIds.length) conds.push(and(isNull(notices.compoundId), inArray(notices.communityId, communityIds))!);
  return and(eq(notices.state, 'published'), or(...conds)) ?? sql`false`;
}
