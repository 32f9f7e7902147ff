import { and, eq, inArray, isNull } from 'drizzle-orm';
import { ownershipChangeBody, type OwnershipChangeBody } from '../../../../contracts/registry.ts';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkOwnershipChange, voterFlags } from '../domain/ownership-change.ts';
import { todayInChina } from '../domain/today.ts';
import type { UnitRef } from '../registry.policy.ts';
import { ownerships, people, units } from '../registry.tables.ts';
import { invalid, parseInput } from './input.ts';

/**
 * A dated change of ownership: the current ownership rows end on `date`, and new rows begin on
 * it, naming one voter among several co-owners. New owners are existing people of the community
 * or are created here. The unit row is locked, so two changes of one unit run one after the
 * other and the second sees the first's owners. The caller has checked canChangeOwnership.
 */
export async function changeOwnership(ctx: CommandContext, unit: UnitRef, raw: OwnershipChangeBody, today = todayInChina()) {
  const input = parseInput(ownershipChangeBody, raw);
  return transaction(ctx.db, async (tx) => {
    const [locked] = await tx
      .select({ holderStatus: units.holderStatus })
      .from(units)
      .where(and(eq(units.communityId, unit.communityId), eq(units.id, unit.id)))
      .for('update');
    if (!locked) throw notFound('Unit');
    const current = await tx
      .select({ ownershipId: ownerships.id, personId: ownerships.personId, name: people.name, isVoter: ownerships.isVoter, since: ownerships.since })
      .from(ownerships)
      .innerJoin(people, and(eq(people.communityId, ownerships.communityId), eq(people.id, ownerships.personId)))
      .where(and(eq(ownerships.communityId, unit.communityId), eq(ownerships.unitId, unit.id), isNull(ownerships.until)));

    const issues: FieldIssue[] = checkOwnershipChange(current, input);
    if (input.date > today) issues.push({ path: 'date', message: `${input.date} is in the future (today is ${today})` });
    const wanted = input.owners.flatMap((o) => (o.personId ? [o.personId] : []));
    const known = wanted.length
      ? await tx.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.communityId, unit.communityId), inArray(people.id, wanted)))
      : [];
    input.owners.forEach((o, i) => {
      if (o.personId && !known.some((k) => k.id === o.personId)) {
        issues.push({ path: `owners.${i}.personId`, message: `no person ${o.personId} in this community` });
      }
    });
    if (issues.length) throw invalid(issues);

    const owners: { personId: string; name: string }[] = [];
    for (const o of input.owners) {
      if (o.personId) {
        owners.push({ personId: o.personId, name: known.find((k) => k.id === o.personId)!.name });
        continue;
      }
      const [created] = await tx
        .insert(people)
        .values({ communityId: unit.communityId, name: o.name!, phone: o.phone ?? null, kind: o.kind ?? 'person', isDeveloper: o.isDeveloper ?? false })
        .returning({ id: people.id, name: people.name });
      owners.push({ personId: created.id, name: created.name });
    }
    const voters = voterFlags(input.owners);

    await tx
      .update(ownerships)
      .set({ until: input.date })
      .where(and(eq(ownerships.communityId, unit.communityId), eq(ownerships.unitId, unit.id), isNull(ownerships.until)));
    await tx.insert(ownerships).values(owners.map((o, i) => ({
      communityId: unit.communityId, unitId: unit.id, personId: o.personId, isVoter: voters[i], since: input.date,
    })));
    const holderStatus = input.holderStatus ?? locked.holderStatus;
    if (holderStatus !== locked.holderStatus) {
      await tx.update(units).set({ holderStatus }).where(and(eq(units.communityId, unit.communityId), eq(units.id, unit.id)));
    }

    await appendAudit(tx, {
      kind: 'registry.ownership_changed',
      communityId: unit.communityId,
      ...auditOrigin(ctx),
      objectType: 'unit',
      objectId: unit.id,
      before: { holderStatus: locked.holderStatus, owners: current.map(({ personId, name, isVoter, since }) => ({ personId, name, isVoter, since })) },
      after: { date: input.date, holderStatus, owners: owners.map((o, i) => ({ ...o, isVoter: voters[i] })) },
    });
    return { date: input.date, owners: owners.map((o, i) => ({ ...o, isVoter: voters[i] })) };
  });
}
