import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { VoteRow } from './commands/support.ts';
import type { VoteState } from './domain/lifecycle.ts';
import { compoundsOwnedBy, unitsOwnedInCompound } from '../registry/index.ts';
import { findVote } from './repo/votes.ts';
import { canReadPublicly, canReadVote, NO_RELATION, type OwnerRelation, type VoteRef } from './voting.policy.ts';
import { voteProxies, voteUnitOwners } from './voting.tables.ts';

// Route glue: find a vote and apply the read policy in one step. A vote the actor may not read
// answers 404, the same as one that does not exist.

export const refOf = (vote: VoteRow): VoteRef => ({
  id: vote.id,
  communityId: vote.communityId,
  compoundId: vote.compoundId,
  state: vote.state as VoteState,
  convenerKind: vote.convenerKind,
});

/**
 * How an owner relates to the vote (three small indexed look-ups, in turn, so that the function
 * is safe on a transaction's one client); nothing for staff. A proxy holder who owns nothing has
 * no person ids: only the proxy look-up, by phone, can relate them. A revoked proxy relates
 * nobody: its holder, owning nothing here, no longer sees the vote.
 */
export async function ownerRelation(db: Db, actor: Actor | null, vote: VoteRow): Promise<OwnerRelation> {
  if (!actor || actor.kind !== 'owner') return NO_RELATION;
  const owned = await unitsOwnedInCompound(db, vote.compoundId, actor.personIds);
  const frozen = actor.personIds.length
    ? await db.select({ unitId: voteUnitOwners.unitId }).from(voteUnitOwners)
        .where(and(eq(voteUnitOwners.communityId, vote.communityId), eq(voteUnitOwners.voteId, vote.id), inArray(voteUnitOwners.personId, actor.personIds)))
        .limit(1)
    : [];
  const proxy = await db.select({ id: voteProxies.id }).from(voteProxies)
    .where(and(eq(voteProxies.communityId, vote.communityId), eq(voteProxies.voteId, vote.id), eq(voteProxies.proxyPhone, actor.phone), isNull(voteProxies.revokedAt)))
    .limit(1);
  return { ownsInCompound: owned.length > 0, inElectorate: frozen.length > 0, holdsProxy: proxy.length > 0 };
}

export interface ReadableVote {
  vote: VoteRow;
  ref: VoteRef;
  relation: OwnerRelation;
}

/** The vote if the logged-in actor may read it; 404 otherwise. */
export async function readableVote(db: Db, actor: Actor, id: string): Promise<ReadableVote> {
  const vote = await findVote(db, id);
  if (!vote) throw notFound('Vote');
  const relation = await ownerRelation(db, actor, vote);
  const ref = refOf(vote);
  if (!canReadVote(actor, ref, relation)) throw notFound('Vote');
  return { vote, ref, relation };
}

/** For endpoints that anyone may read once the vote is published: with or without a login. */
export async function visibleVote(db: Db, actor: Actor | null, id: string): Promise<ReadableVote> {
  const vote = await findVote(db, id);
  if (!vote) throw notFound('Vote');
  const ref = refOf(vote);
  if (canReadPublicly(ref)) return { vote, ref, relation: await ownerRelation(db, actor, vote) };
  if (!actor) throw notFound('Vote');
  const relation = await ownerRelation(db, actor, vote);
  if (!canReadVote(actor, ref, relation)) throw notFound('Vote');
  return { vote, ref, relation };
}

/** For an action on a vote the actor can see but may not take: 403, naming the action. */
export function forbidUnless(allowed: boolean, action: string): void {
  if (!allowed) throw new AppError('forbidden', `You may not ${action}`);
}

/** What an owner's vote list reaches: compounds they own in now, votes whose electorate holds them, votes they hold proxies in. */
export async function ownerReach(db: Db, actor: Extract<Actor, { kind: 'owner' }>) {
  const frozen = actor.personIds.length
    ? await db.selectDistinct({ voteId: voteUnitOwners.voteId }).from(voteUnitOwners).where(inArray(voteUnitOwners.personId, actor.personIds))
    : [];
  const proxies = await db.selectDistinct({ voteId: voteProxies.voteId }).from(voteProxies)
    .where(and(eq(voteProxies.proxyPhone, actor.phone), isNull(voteProxies.revokedAt)));
  return { compoundIds: await compoundsOwnedBy(db, actor.personIds), voteIds: [...frozen, ...proxies].map((v) => v.voteId) };
}
