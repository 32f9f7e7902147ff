import { and, eq } from 'drizzle-orm';
import { inviteBody, type InviteBody, type MeetingKind } from '../../../../contracts/meetings.ts';
import { transaction } from '../../../platform/command.ts';
import { staffOfCommunity, staffUserById } from '../../accounts/index.ts';
import { personOfCommunity, todayInChina } from '../../registry/index.ts';
import { invitedParties, isVotingParty } from '../domain/meeting-kinds.ts';
import { meetingRepresentatives } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import { checkEligibility } from '../repo/eligibility.ts';
import type { RepresentativeRow } from '../repo/meetings.ts';
import { auditMeeting, conflict, invalid, isUniqueViolation, lockMeeting, parseInput, refuseIfLocked, type MeetingsContext } from './support.ts';

export const representativeAudit = (r: RepresentativeRow) => ({
  id: r.id, party: r.party, voting: r.voting, personId: r.personId, name: r.name, role: r.role, companyId: r.companyId, userId: r.userId, present: r.present,
});

/**
 * Invites a person of the registry to represent a party (or, at the joint meeting, the owners
 * without a party vote). The person must belong to the party's body as the registry holds it
 * today; a staff account may be linked, and that user then records the party's position and
 * signs the minutes in person. A person, and a user, sit once per meeting. Parity is not enforced
 * here: an unequal number is a warning on the meeting. The caller has checked canOrganise.
 */
export async function inviteRepresentative(ctx: MeetingsContext, ref: MeetingRef, raw: InviteBody): Promise<RepresentativeRow> {
  const input = parseInput(inviteBody, raw);
  const kind = ref.kind as MeetingKind;
  if (!invitedParties(kind).includes(input.party)) {
    throw invalid([{ path: 'party', message: `a ${kind} meeting invites ${invitedParties(kind).join(', ')}` }], 'party_not_invited');
  }
  if (input.companyId && input.party !== 'property_company') {
    throw invalid([{ path: 'companyId', message: 'only property company representatives name a company' }]);
  }
  const person = await personOfCommunity(ctx.db, ref.communityId, input.personId);
  if (!person) throw invalid([{ path: 'personId', message: `no person ${input.personId} in this community's registry` }]);
  const eligible = await checkEligibility(ctx.db, { communityId: ref.communityId, compoundId: ref.compoundId, party: input.party, personId: person.id, companyId: input.companyId }, todayInChina(ctx.clock.now()));
  if (!eligible.ok) {
    throw invalid([{ path: input.party === 'property_company' && !input.companyId ? 'companyId' : 'personId', message: `${person.name} ${eligible.message}` }], 'person_not_eligible');
  }
  if (input.userId) {
    const user = await staffUserById(ctx.db, input.userId);
    if (!user) throw invalid([{ path: 'userId', message: `no staff user ${input.userId}` }]);
    if (user.disabled) throw invalid([{ path: 'userId', message: `user ${user.username} is disabled` }]);
    // the same accounts the look-up offers: only someone who works in this community signs its minutes
    const local = await staffOfCommunity(ctx.db, ref.communityId, { today: todayInChina(ctx.clock.now()) });
    if (!local.some((a) => a.id === user.id)) {
      throw invalid([{ path: 'userId', message: `user ${user.username} does not work in this community (community staff, its grid workers, owners' committees or contracted property staff)` }]);
    }
  }
  try {
    return await transaction(ctx.db, async (tx) => {
      const meeting = await lockMeeting(tx, ref);
      refuseIfLocked(meeting);
      const same = (col: typeof meetingRepresentatives.personId | typeof meetingRepresentatives.userId, value: string) =>
        tx.select({ id: meetingRepresentatives.id }).from(meetingRepresentatives)
          .where(and(eq(meetingRepresentatives.communityId, ref.communityId), eq(meetingRepresentatives.meetingId, ref.id), eq(col, value)));
      if ((await same(meetingRepresentatives.personId, person.id)).length) {
        throw conflict('person_already_invited', `personId: ${person.name} is already invited to this meeting`, { field: 'personId' });
      }
      if (input.userId && (await same(meetingRepresentatives.userId, input.userId)).length) {
        throw conflict('user_already_linked', 'userId: this user already acts for another representative of this meeting', { field: 'userId' });
      }
      const [rep] = await tx.insert(meetingRepresentatives).values({
        communityId: ref.communityId,
        meetingId: ref.id,
        party: input.party,
        voting: isVotingParty(kind, input.party),
        personId: person.id,
        name: person.name,
        role: input.role ?? null,
        companyId: input.companyId ?? null,
        companyName: eligible.companyName,
        userId: input.userId ?? null,
      }).returning();
      await auditMeeting(tx, ctx, 'meetings.representative_invited', { type: 'meeting', id: ref.id, communityId: ref.communityId }, { after: representativeAudit(rep) });
      return rep;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('person_already_invited', 'personId: this person or user is already at this meeting', { field: 'personId' });
    throw e;
  }
}
