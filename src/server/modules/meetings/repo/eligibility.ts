import type { Party } from '../../../../contracts/meetings.ts';
import type { Db } from '../../../platform/db.ts';
import { communityBodies, ownersCommittees, ownsUnitInCommunity, propertyContractsOf } from '../../registry/index.ts';

// Who may represent a party, as the registry holds it today:
// - party_org: a current member of the community Party organisation or of one of its grid branches;
// - residents_committee: a current member of the residents' committee;
// - owners_committee: a current member of a current owners' committee of the community (for an
//   owners' committee meeting: of that compound's committee);
// - property_company: a person of the community, for a company holding a current contract in the
//   community (the registry records no membership of people in companies, so the company is checked);
// - owners_representative: a person who currently owns a unit in the community.

export type Eligibility = { ok: true; companyName: string | null } | { ok: false; message: string };

interface MemberLike {
  personId: string;
}
const has = (list: MemberLike[] | undefined, personId: string) => !!list?.some((m) => m.personId === personId);

/** The current owners' committee of a compound (newest current term), with its members. */
export async function currentCommittee(db: Db, communityId: string, compoundId: string, today: string) {
  const committees = await ownersCommittees(db, communityId, today, compoundId);
  return committees.find((c) => c.current) ?? null;
}

export async function checkEligibility(
  db: Db,
  input: { communityId: string; compoundId: string | null; party: Party; personId: string; companyId?: string },
  today: string,
): Promise<Eligibility> {
  const { communityId, personId } = input;
  switch (input.party) {
    case 'party_org': {
      const bodies = await communityBodies(db, communityId, today);
      const party = bodies.partyOrganisation;
      const ok = !!party && (has(party.members, personId) || party.gridBranches.some((b) => has(b.members, personId)));
      return ok ? { ok: true, companyName: null } : { ok: false, message: 'is not a current member of the community Party organisation or its grid branches' };
    }
    case 'residents_committee': {
      const bodies = await communityBodies(db, communityId, today);
      return has(bodies.residentsCommittee?.members, personId)
        ? { ok: true, companyName: null }
        : { ok: false, message: "is not a current member of the residents' committee" };
    }
    case 'owners_committee': {
      if (input.compoundId) {
        const committee = await currentCommittee(db, communityId, input.compoundId, today);
        return has(committee?.members, personId)
          ? { ok: true, companyName: null }
          : { ok: false, message: "is not a current member of this compound's owners' committee" };
      }
      const committees = await ownersCommittees(db, communityId, today);
      return committees.some((c) => c.current && has(c.members, personId))
        ? { ok: true, companyName: null }
        : { ok: false, message: "is not a current member of an owners' committee of the community" };
    }
    case 'property_company': {
      if (!input.companyId) return { ok: false, message: 'needs companyId: the property company the person represents' };
      const contracts = await propertyContractsOf(db, communityId, today);
      const contract = contracts.find((c) => c.companyId === input.companyId && c.current);
      return contract
        ? { ok: true, companyName: contract.companyName }
        : { ok: false, message: `company ${input.companyId} holds no current property contract in the community` };
    }
    case 'owners_representative':
      return (await ownsUnitInCommunity(db, communityId, personId))
        ? { ok: true, companyName: null }
        : { ok: false, message: 'does not currently own a unit in the community' };
  }
}
