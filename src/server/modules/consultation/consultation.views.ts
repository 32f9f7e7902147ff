import type { MatterCard } from '../../../contracts/consultation.ts';
import type { Db } from '../../platform/db.ts';
import { isLate, wholeDaysBetween } from './domain/deadlines.ts';
import { namesOf } from './consultation.borders.ts';
import type { CardRow } from './repo/lists.ts';

// Rows into the contract's shapes. Cards are what lists and boards show; the detail view adds the
// rest (consultation.detail.ts).

export type Names = Awaited<ReturnType<typeof namesOf>>;

export function subStateOf(m: Pick<CardRow, 'step' | 'cosignatures' | 'signaturesRequired'>): MatterCard['subState'] {
  if (m.step !== 'propose') return null;
  return m.cosignatures < m.signaturesRequired ? 'collecting_signatures' : 'awaiting_acceptance';
}

export function toCard(m: CardRow, names: Names, now: Date): MatterCard {
  return {
    id: m.id,
    community: { id: m.communityId, name: names.communities.get(m.communityId) ?? '' },
    compound: m.compoundId ? { id: m.compoundId, name: names.compounds.get(m.compoundId) ?? '' } : null,
    title: m.title,
    category: m.category,
    urgency: m.urgency,
    step: m.step,
    subState: subStateOf(m),
    source: m.source,
    art278Item: m.art278Item,
    decidingBody: m.decidingBody,
    raisedAt: m.raisedAt.toISOString(),
    ageDays: wholeDaysBetween(m.raisedAt, now),
    stepEnteredAt: m.stepEnteredAt.toISOString(),
    daysInStep: wholeDaysBetween(m.stepEnteredAt, now),
    stepDueAt: m.stepDueAt?.toISOString() ?? null,
    overdue: isLate(m.step, m.stepDueAt, now),
    signatures: { required: m.signaturesRequired, collected: m.cosignatures },
    supports: m.supports,
    version: m.version,
  };
}

/** Cards for many rows, with one look-up of the names they mention. */
export async function toCards(db: Db, rows: CardRow[], now: Date): Promise<MatterCard[]> {
  const names = await namesOf(db, { communityIds: rows.map((r) => r.communityId), compoundIds: rows.flatMap((r) => (r.compoundId ? [r.compoundId] : [])) });
  return rows.map((r) => toCard(r, names, now));
}
