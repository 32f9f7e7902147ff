import type { Party, RepresentativeAccount } from '../../../contracts/meetings.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { staffOfCommunity, type CommunityRole, type CommunityStaffAccount } from '../accounts/index.ts';
import { communityBodies, ownersCommittees } from '../registry/index.ts';
import { invitedParties } from './domain/meeting-kinds.ts';
import type { MeetingRef } from './meetings.policy.ts';
import { currentCommittee } from './repo/eligibility.ts';
import { linkedUsersOf } from './repo/meetings.ts';

// Which staff account may sit for which party at a meeting: the look-up behind linking a
// representative to an account. The accounts come from the accounts module's index (never its
// tables), the bodies from the registry's. A suggestion only: the invitation checks eligibility.

/**
 * The parties each role inside a community sits for, the likelier first: community staff serve
 * the residents' committee and the Party organisation (the two committees), grid workers the
 * Party organisation's grid branches.
 */
const ROLE_PARTIES: Record<CommunityRole, Party[]> = {
  community_staff: ['residents_committee', 'party_org'],
  grid_worker: ['party_org'],
  owners_committee: ['owners_committee'],
  property_staff: ['property_company'],
};

/** The parties whose bodies each person belongs to today, among those the meeting invites. */
async function bodyParties(db: Db, ref: MeetingRef, invited: Party[], today: string): Promise<Map<string, Party[]>> {
  const byPerson = new Map<string, Party[]>();
  const add = (members: { personId: string }[] | undefined, party: Party) => {
    for (const m of members ?? []) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), party]);
  };
  if (invited.includes('party_org') || invited.includes('residents_committee')) {
    const bodies = await communityBodies(db, ref.communityId, today);
    if (invited.includes('party_org')) {
      add(bodies.partyOrganisation?.members, 'party_org');
      for (const branch of bodies.partyOrganisation?.gridBranches ?? []) add(branch.members, 'party_org');
    }
    if (invited.includes('residents_committee')) add(bodies.residentsCommittee?.members, 'residents_committee');
  }
  if (invited.includes('owners_committee')) {
    // the same bodies the invitation accepts: this compound's current committee, or any current one of the community
    const committees = ref.compoundId
      ? [await currentCommittee(db, ref.communityId, ref.compoundId, today)]
      : (await ownersCommittees(db, ref.communityId, today)).filter((c) => c.current);
    for (const c of committees) add(c?.members, 'owners_committee');
  }
  return byPerson;
}

function toCandidate(a: CommunityStaffAccount, ref: MeetingRef, invited: Party[], bodies: Map<string, Party[]>): Omit<RepresentativeAccount, 'isYou' | 'linkedRepresentativeId'> | null {
  // an owners' committee meeting seats its own compound's committee only
  const grants = a.grants.filter((g) => g.role !== 'owners_committee' || !ref.compoundId || g.scopeId === ref.compoundId);
  const person = a.people.find((p) => bodies.has(p.id)) ?? a.people[0] ?? null;
  const fromBodies = person ? bodies.get(person.id) ?? [] : [];
  const fromRoles = grants.flatMap((g) => ROLE_PARTIES[g.role]);
  // likeliest first: what both the roles and the person's bodies say, then the bodies, then the roles
  const both = fromRoles.filter((p) => fromBodies.includes(p));
  const parties = [...new Set([...both, ...fromBodies, ...fromRoles])].filter((p) => invited.includes(p));
  if (!parties.length) return null;
  const company = grants.find((g) => g.role === 'property_staff');
  return {
    userId: a.id,
    username: a.username,
    displayName: a.displayName,
    roles: a.grants.map((g) => ({ role: g.role, scopeName: g.scopeName })),
    parties,
    company: company ? { id: company.scopeId, name: company.scopeName } : null,
    person: person ? { id: person.id, name: person.name } : null,
  };
}

/**
 * The staff accounts of the meeting's community that may sit for a party this meeting invites,
 * matching `q`; the actor's own account first, then by name. Staff of other communities never
 * appear: every grant is placed in this community by the accounts look-up.
 */
export async function representativeAccounts(
  db: Db,
  actor: Actor,
  ref: MeetingRef,
  query: { q?: string; limit: number },
  today: string,
): Promise<{ items: RepresentativeAccount[]; total: number }> {
  const accounts = await staffOfCommunity(db, ref.communityId, { q: query.q || undefined, today });
  if (!accounts.length) return { items: [], total: 0 };
  const invited = invitedParties(ref.kind);
  const bodies = accounts.some((a) => a.people.length) ? await bodyParties(db, ref, invited, today) : new Map<string, Party[]>();
  const linked = await linkedUsersOf(db, ref);
  const me = actor.kind === 'staff' ? actor.userId : null;
  const items = accounts
    .flatMap((a) => {
      const c = toCandidate(a, ref, invited, bodies);
      return c ? [{ ...c, isYou: c.userId === me, linkedRepresentativeId: linked.get(c.userId) ?? null }] : [];
    })
    .sort((x, y) => Number(y.isYou) - Number(x.isYou) || x.displayName.localeCompare(y.displayName, 'zh-CN') || x.username.localeCompare(y.username));
  return { items: items.slice(0, query.limit), total: items.length };
}
