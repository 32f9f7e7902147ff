import { STEPS, type Activity } from '../domain/steps.ts';
import type { MatterStep } from '../../../../contracts/consultation.ts';
import { transaction } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import type { Household, MatterRef } from '../consultation.policy.ts';
import { lockMatter, refOf, type MatterRow } from '../repo/matters.ts';
import { conflict, forbidden, invalid, type ConsultationContext } from './support.ts';

// What the commands on one matter share: the matter's row lock, the step table's "allows", and
// choosing the household an owner acts for.

/** Runs fn in one transaction holding the matter's row lock, so no move slips in between the check and the write. */
export function withLockedMatter<T>(ctx: ConsultationContext, m: { id: string; communityId: string }, fn: (tx: Db, row: MatterRow, ref: MatterRef) => Promise<T>): Promise<T> {
  return transaction(ctx.db, async (tx) => {
    const row = await lockMatter(tx, m);
    return fn(tx, row, refOf(row));
  });
}

const stepsAllowing = (activity: Activity) => (Object.keys(STEPS) as MatterStep[]).filter((s) => STEPS[s].allows.includes(activity));

/** 409 step_closed unless the matter's step allows the activity (domain/steps.ts). */
export function requireStep(row: { step: MatterStep }, activity: Activity, what: string): void {
  if (STEPS[row.step].allows.includes(activity)) return;
  throw conflict('step_closed', `${what} is possible in step ${stepsAllowing(activity).join(' or ')}; the matter is in step ${row.step}`, { step: row.step });
}

/** The household an owner or resident acts for: the one named, or their only one that counts for the matter. */
export function chooseHousehold(candidates: Household[], unitId: string | undefined, what: string): Household {
  if (unitId) {
    const chosen = candidates.find((h) => h.unitId === unitId);
    if (!chosen) throw forbidden('not_a_household', `unitId: unit ${unitId} is not a household of yours that may ${what} this matter`, { field: 'unitId' });
    return chosen;
  }
  if (candidates.length === 1) return candidates[0];
  if (!candidates.length) throw forbidden('not_a_household', `Only residents of the matter's ${what === 'co-sign' ? 'compound' : 'compound or community'} may ${what} it, once per household`);
  throw invalid([{ path: 'unitId', message: `required: you have ${candidates.length} households here; say which one you act for` }]);
}
