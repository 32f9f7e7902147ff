import { and, count, eq, isNull } from 'drizzle-orm';
import { registerProxyBody } from '../../../../contracts/voting-ballots.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { maskPhone } from '../../../platform/actor.ts';
import { phoneHoldsRole } from '../../accounts/index.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { electorateOf } from '../repo/electorate.ts';
import { documentMeta } from '../repo/votes.ts';
import { voteProxies } from '../voting.tables.ts';
import { actorShown, conflict, forbidden, invalid, lockVote, parseInput, refused, settingsOf, type VotingContext } from './support.ts';

/**
 * Registers an owner's proxy for this vote, with the uploaded written authorisation. The owner
 * must speak for the unit's subject (the named voter of a co-owned unit); the proxy holder is
 * anyone with a phone, except property company staff, and may hold at most the compound's cap of
 * owners in one vote. The vote row is locked, so two registrations cannot both slip under the
 * cap. The caller has checked canAdministerBallots.
 */
export async function registerProxy(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }, raw: unknown) {
  const input = parseInput(registerProxyBody, raw);
  const settings = await settingsOf(ctx.db, { id: vote.compoundId, communityId: vote.communityId });
  // the registry keeps no membership of people in property companies: the staff role is the only record
  if (await phoneHoldsRole(ctx.db, input.proxyPhone, 'property_staff')) {
    throw invalid([{ path: 'proxyPhone', message: 'belongs to property company staff, who cannot hold proxies' }], 'proxy_is_property_staff');
  }
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'update');
    const refusal = checkAllowed(locked.state as VoteState, 'proxies', 'proxies are registered');
    if (refusal) throw refused(refusal, { state: locked.state });
    const document = await documentMeta(tx, locked, input.documentId);
    if (!document || document.kind !== 'proxy_authorisation') {
      throw invalid([{ path: 'documentId', message: 'is not a written authorisation uploaded to this vote (kind proxy_authorisation)' }]);
    }
    const electorate = await electorateOf(tx, locked);
    const unit = electorate.units.find((u) => u.unitId === input.unitId);
    if (!unit) throw invalid([{ path: 'unitId', message: "is not a unit of this vote's compound" }]);
    const subject = electorate.subjects.find((s) => s.key === unit.subjectKey);
    if (!subject) throw invalid([{ path: 'unitId', message: 'does not count in this vote (a parking space left out, or a unit without area or owner)' }]);
    const principal = input.principalPersonId ?? unit.voterId ?? (unit.ownerIds.length === 1 ? unit.ownerIds[0] : undefined);
    if (!principal) {
      throw invalid([{ path: 'principalPersonId', message: 'the unit has several co-owners and no named voter; name the co-owner who authorises' }]);
    }
    if (!unit.ownerIds.includes(principal)) throw invalid([{ path: 'principalPersonId', message: 'is not an owner of the unit' }]);
    if (!subject.representatives.includes(principal)) {
      throw forbidden('not_named_voter', 'principalPersonId: another co-owner is the named voter of this unit; only the named voter authorises a proxy', { field: 'principalPersonId' });
    }
    // proxies in force: a revoked one neither blocks a new proxy for its principal nor counts against the holder's cap
    const mine = and(eq(voteProxies.communityId, vote.communityId), eq(voteProxies.voteId, vote.id), isNull(voteProxies.revokedAt));
    const [existing] = await tx.select({ id: voteProxies.id }).from(voteProxies).where(and(mine, eq(voteProxies.principalPersonId, principal)));
    if (existing) throw conflict('proxy_exists', 'this owner already has a proxy in this vote', { proxyId: existing.id });
    const [{ n }] = await tx.select({ n: count() }).from(voteProxies).where(and(mine, eq(voteProxies.proxyPhone, input.proxyPhone)));
    if (Number(n) >= settings.maxOwnersPerProxy) {
      throw conflict('proxy_cap_reached', `proxyPhone: this proxy holder already represents ${n} owner(s); the compound allows at most ${settings.maxOwnersPerProxy}`, { field: 'proxyPhone' });
    }
    const [row] = await tx.insert(voteProxies).values({
      communityId: vote.communityId,
      voteId: vote.id,
      principalPersonId: principal,
      proxyName: input.proxyName,
      proxyPhone: input.proxyPhone,
      documentId: document.id,
      registeredBy: actorShown(ctx),
      createdAt: ctx.clock.now(),
    }).returning();
    await appendAudit(tx, {
      kind: 'voting.proxy_registered',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote_proxy',
      objectId: row.id,
      after: { voteId: vote.id, principalPersonId: principal, unitId: unit.unitId, proxyName: input.proxyName, proxyPhone: maskPhone(input.proxyPhone), documentSha256: document.sha256 },
    });
    return row;
  });
}
