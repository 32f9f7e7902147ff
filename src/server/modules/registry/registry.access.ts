import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { canReadCommunity, canReadCompound, canReadUnit, type CompoundRef, type UnitRef } from './registry.policy.ts';
import { findCompoundRef, findUnitRef } from './repo/refs.ts';

// Route glue shared by the registry's route files: find an object and apply the read policy in
// one step. An object the actor may not read answers 404, the same as one that does not exist.

export function readableCommunity(actor: Actor, id: string): string {
  if (!canReadCommunity(actor, id)) throw notFound('Community');
  return id;
}

export async function readableCompound(db: Db, actor: Actor, id: string): Promise<CompoundRef> {
  const ref = await findCompoundRef(db, id);
  if (!ref || !canReadCompound(actor, ref)) throw notFound('Compound');
  return ref;
}

export async function readableUnit(db: Db, actor: Actor, id: string): Promise<UnitRef> {
  const ref = await findUnitRef(db, id);
  if (!ref || !canReadUnit(actor, ref)) throw notFound('Unit');
  return ref;
}

/** For an action on an object the actor can see but may not change: 403, naming the action. */
export function forbidUnless(allowed: boolean, action: string): void {
  if (!allowed) throw new AppError('forbidden', `You may not ${action}`);
}
