import type { Role } from '../../../contracts/accounts.ts';
import type { VoteAbilities } from '../../../contracts/voting.ts';
import type { Actor } from '../../platform/actor.ts';
import { hasCommunityRole, hasCompoundRole } from '../../platform/actor.ts';
import { STATE_ALLOWS, TRANSITIONS, type VoteState } from './domain/lifecycle.ts';

// Every ability of the voting module, default deny, in this one file. Everything here is in
// memory: what needs the database (does this owner own a unit in the compound? does the
// compound have an owners' committee?) is looked up by voting.access.ts and passed in.

export interface VoteRef {
  id: string;
  communityId: string;
  compoundId: string;
  state: VoteState;
  convenerKind: 'owners_committee' | 'community';
}

/** How an owner (phone login) relates to one vote; all false for staff. */
export interface OwnerRelation {
  /** currently owns a unit of the compound */
  ownsInCompound: boolean;
  /** is an owner in the frozen electorate (even if they sold since) */
  inElectorate: boolean;
  /** holds a proxy in force (not revoked) for this vote */
  holdsProxy: boolean;
}

export const NO_RELATION: OwnerRelation = { ownsInCompound: false, inElectorate: false, holdsProxy: false };

/** Roles that oversee a community: they read its votes. */
const COMMUNITY_READERS: Role[] = ['district_admin', 'street_admin', 'community_staff'];
/** Where a compound has no owners' committee, the residents' committee (community staff) or the street convenes. */
const COMMUNITY_CONVENERS: Role[] = ['community_staff', 'street_admin'];

// ——— convening ———

/**
 * Who may convene a vote in a compound, and as which body: the compound's owners' committee; or,
 * only where the compound has none, community staff or the street.
 */
export function convenerKindFor(
  actor: Actor,
  compound: { id: string; communityId: string },
  hasCommittee: boolean,
): 'owners_committee' | 'community' | null {
  if (actor.scope.all) return hasCommittee ? 'owners_committee' : 'community';
  if (hasCompoundRole(actor, compound.id, 'owners_committee')) return 'owners_committee';
  if (!hasCommittee && hasCommunityRole(actor, compound.communityId, ...COMMUNITY_CONVENERS)) return 'community';
  return null;
}

/** The body that convened the vote manages it through its whole life, whoever joins that body later. */
export function canManageVote(actor: Actor, vote: VoteRef): boolean {
  if (actor.scope.all) return true;
  return vote.convenerKind === 'owners_committee'
    ? hasCompoundRole(actor, vote.compoundId, 'owners_committee')
    : hasCommunityRole(actor, vote.communityId, ...COMMUNITY_CONVENERS);
}

/** Staff who read a vote: its managers and the community's overseers. */
export function canReadVoteAsStaff(actor: Actor, vote: Pick<VoteRef, 'communityId' | 'compoundId' | 'convenerKind'>): boolean {
  if (actor.kind === 'owner') return false;
  return canManageVote(actor, vote as VoteRef) || hasCommunityRole(actor, vote.communityId, ...COMMUNITY_READERS);
}

/** Owners see votes of compounds where they own units, once announced; proxy holders the votes they hold proxies in. */
export function canReadVoteAsOwner(actor: Actor, vote: VoteRef, relation: OwnerRelation): boolean {
  if (actor.kind !== 'owner' || vote.state === 'draft') return false;
  return relation.ownsInCompound || relation.inElectorate || relation.holdsProxy;
}

export function canReadVote(actor: Actor, vote: VoteRef, relation: OwnerRelation): boolean {
  return canReadVoteAsStaff(actor, vote) || canReadVoteAsOwner(actor, vote, relation);
}

/** Anyone, without logging in, once the result is published. */
export const canReadPublicly = (vote: Pick<VoteRef, 'state'>) => vote.state === 'published';

/** Paper ballots and proxies are handled by staff: the vote's managers and the community's staff. Never property staff. */
export function canAdministerBallots(actor: Actor, vote: VoteRef): boolean {
  if (actor.kind === 'owner') return false;
  return canManageVote(actor, vote) || hasCommunityRole(actor, vote.communityId, 'community_staff');
}

/** The convener watches participation; overseers may too. Owners never see progress (it is not theirs to campaign on). */
export const canSeeProgress = canReadVoteAsStaff;

/** The electorate roll (units and areas, never names): staff readers, and owners once the notice is out. */
export function canSeeRoll(actor: Actor, vote: VoteRef, relation: OwnerRelation): boolean {
  return canReadVote(actor, vote, relation);
}

export function canRequestCorrection(actor: Actor, vote: VoteRef, relation: OwnerRelation): boolean {
  return actor.kind === 'owner' && relation.ownsInCompound && STATE_ALLOWS[vote.state].corrections;
}

export const canAnswerCorrections = (actor: Actor, vote: VoteRef) => canManageVote(actor, vote);

/** Owners and proxy holders, while ballots are taken; whether they speak for a subject is the command's check. */
export function canCast(actor: Actor, vote: VoteRef, relation: OwnerRelation): boolean {
  return actor.kind === 'owner' && (relation.inElectorate || relation.holdsProxy) && STATE_ALLOWS[vote.state].ballots;
}

/** Results: staff readers once counted, everybody once published. */
export function canSeeResults(actor: Actor | null, vote: VoteRef): boolean {
  if (canReadPublicly(vote)) return true;
  return !!actor && vote.state === 'counted' && canReadVoteAsStaff(actor, vote);
}

/** The proxy's written authorisation holds personal data: staff who handle ballots only. */
export function canReadDocument(actor: Actor | null, vote: VoteRef, kind: string, relation: OwnerRelation): boolean {
  if (kind === 'proxy_authorisation') return !!actor && canAdministerBallots(actor, vote);
  if (canReadPublicly(vote)) return true;
  return !!actor && canReadVote(actor, vote, relation);
}

/** Voting settings: staff who read the compound's votes see them; those who may convene there change them. */
export function canEditSettings(actor: Actor, compound: { id: string; communityId: string }, hasCommittee: boolean): boolean {
  return convenerKindFor(actor, compound, hasCommittee) !== null;
}

export function canReadSettings(actor: Actor, compound: { id: string; communityId: string }, hasCommittee: boolean): boolean {
  if (actor.kind === 'owner') return false;
  return canEditSettings(actor, compound, hasCommittee) || hasCommunityRole(actor, compound.communityId, ...COMMUNITY_READERS);
}

/** What the UI may offer on a vote, with the state table and the clock applied. */
export function voteAbilities(
  actor: Actor,
  vote: VoteRef & { opensAt: Date; closesAt: Date },
  relation: OwnerRelation,
  now: Date,
): VoteAbilities {
  const manage = canManageVote(actor, vote);
  const allows = STATE_ALLOWS[vote.state];
  const may = (action: keyof typeof TRANSITIONS) => manage && TRANSITIONS[action].from.includes(vote.state);
  return {
    edit: manage && allows.edit,
    uploadDocument: (manage && allows.edit) || (canAdministerBallots(actor, vote) && allows.proxies),
    announce: may('announce'),
    open: may('open') && now >= vote.opensAt,
    close: may('close') && now >= vote.closesAt,
    count: may('count'),
    publish: may('publish'),
    cancel: may('cancel'),
    extend: manage && allows.extend && now < vote.closesAt,
    seeRoll: canSeeRoll(actor, vote, relation),
    requestCorrection: canRequestCorrection(actor, vote, relation),
    answerCorrections: canAnswerCorrections(actor, vote) && allows.corrections,
    seeProgress: canSeeProgress(actor, vote),
    enterPaperBallots: canAdministerBallots(actor, vote) && allows.paperEntries,
    registerProxies: canAdministerBallots(actor, vote) && allows.proxies,
    cast: canCast(actor, vote, relation) && now < vote.closesAt,
    seeResults: canSeeResults(actor, vote),
  };
}

// ——— list filters ———

/** Which votes a staff actor lists: null = all; otherwise communities read in full and compounds convened by their committee. */
export function staffVoteScope(actor: Actor): { communityIds: string[]; committeeCompoundIds: string[] } | null {
  if (actor.scope.all) return null;
  const communityIds = [...actor.scope.communities.keys()].filter((c) => hasCommunityRole(actor, c, ...COMMUNITY_READERS));
  const committeeCompoundIds = [...actor.scope.compounds].filter(([, c]) => c.roles.has('owners_committee')).map(([id]) => id);
  return { communityIds, committeeCompoundIds };
}
