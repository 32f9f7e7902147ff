import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { unitOfCompound } from '../../registry/index.ts';
import { voteCorrections } from '../voting.tables.ts';

/** Correction requests of a vote, with the unit's building and number; one requester's only when a phone is given. */
export async function correctionsOf(db: Db, vote: { id: string; communityId: string; compoundId: string }, requesterPhone: string | null, id?: string) {
  const rows = await db
    .select()
    .from(voteCorrections)
    .where(and(
      eq(voteCorrections.communityId, vote.communityId),
      eq(voteCorrections.voteId, vote.id),
      requesterPhone ? eq(voteCorrections.requesterPhone, requesterPhone) : undefined,
      id ? eq(voteCorrections.id, id) : undefined,
    ))
    .orderBy(asc(voteCorrections.createdAt), asc(voteCorrections.id));
  const compound = { id: vote.compoundId, communityId: vote.communityId };
  const named = [];
  for (const row of rows) {
    const unit = await unitOfCompound(db, compound, row.unitId);
    named.push({ ...row, buildingName: unit?.buildingName ?? '', number: unit?.number ?? '' });
  }
  return named;
}
