import { and, eq, inArray } from 'drizzle-orm';
import { agendaBody, type AgendaBody } from '../../../../contracts/meetings.ts';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import { transaction } from '../../../platform/command.ts';
import { meetingAgendaItems, meetingPositions } from '../meetings.tables.ts';
import type { MeetingRef } from '../meetings.policy.ts';
import { auditMeeting, conflict, invalid, lockMeeting, parseInput, refuseIfLocked, type MeetingsContext } from './support.ts';

/**
 * Replaces the agenda with the list sent, in its order. Items sent with their id keep their
 * positions and conclusion; items left out are removed; items without an id are added. A matter
 * may appear once. An item on which positions were taken (or a conclusion reached) can be
 * re-titled and moved, but neither removed nor pointed at another matter. The caller has
 * checked canOrganise.
 */
export async function setAgenda(ctx: MeetingsContext, ref: MeetingRef, raw: AgendaBody) {
  const input = parseInput(agendaBody, raw);
  return transaction(ctx.db, async (tx) => {
    const meeting = await lockMeeting(tx, ref);
    refuseIfLocked(meeting);
    const where = and(eq(meetingAgendaItems.communityId, ref.communityId), eq(meetingAgendaItems.meetingId, ref.id));
    const before = await tx.select().from(meetingAgendaItems).where(where).orderBy(meetingAgendaItems.position);
    const byId = new Map(before.map((i) => [i.id, i]));

    const issues: FieldIssue[] = [];
    const seenMatters = new Map<string, number>();
    const seenIds = new Set<string>();
    input.items.forEach((item, n) => {
      if (item.id && !byId.has(item.id)) issues.push({ path: `items.${n}.id`, message: `no agenda item ${item.id} on this meeting` });
      if (item.id && seenIds.has(item.id)) issues.push({ path: `items.${n}.id`, message: `item ${item.id} is listed twice` });
      if (item.id) seenIds.add(item.id);
      if (item.matterId) {
        const first = seenMatters.get(item.matterId);
        if (first !== undefined) issues.push({ path: `items.${n}.matterId`, message: `matter ${item.matterId} is already item ${first + 1}` });
        else seenMatters.set(item.matterId, n);
      }
    });
    if (issues.length) throw invalid(issues, issues.some((i) => i.path.endsWith('matterId')) ? 'duplicate_matter' : undefined);

    const used = new Set(
      before.length
        ? (await tx.selectDistinct({ itemId: meetingPositions.itemId }).from(meetingPositions)
          .where(and(eq(meetingPositions.communityId, ref.communityId), inArray(meetingPositions.itemId, before.map((i) => i.id))))).map((p) => p.itemId)
        : [],
    );
    for (const i of before) if (i.conclusion) used.add(i.id);
    const removed = before.filter((i) => !seenIds.has(i.id));
    const inUse = removed.find((i) => used.has(i.id));
    if (inUse) throw conflict('item_in_use', `Agenda item "${inUse.title}" has positions or a conclusion and cannot be removed`, { itemId: inUse.id });
    input.items.forEach((item, n) => {
      const old = item.id ? byId.get(item.id) : undefined;
      if (old && used.has(old.id) && (item.matterId ?? null) !== old.matterId) {
        throw conflict('item_in_use', `items.${n}.matterId: item "${old.title}" has positions or a conclusion; its matter cannot change`, { itemId: old.id });
      }
    });

    if (removed.length) {
      await tx.delete(meetingAgendaItems).where(and(where, inArray(meetingAgendaItems.id, removed.map((i) => i.id))));
    }
    for (const [n, item] of input.items.entries()) {
      const values = { position: n + 1, matterId: item.matterId ?? null, title: item.title };
      if (item.id) await tx.update(meetingAgendaItems).set(values).where(and(where, eq(meetingAgendaItems.id, item.id)));
      else await tx.insert(meetingAgendaItems).values({ communityId: ref.communityId, meetingId: ref.id, ...values });
    }
    const after = await tx.select().from(meetingAgendaItems).where(where).orderBy(meetingAgendaItems.position);
    const summary = (list: typeof before) => list.map((i) => ({ id: i.id, order: i.position, matterId: i.matterId, title: i.title }));
    await auditMeeting(tx, ctx, 'meetings.agenda_changed', { type: 'meeting', id: ref.id, communityId: ref.communityId }, {
      before: { items: summary(before) },
      after: { items: summary(after) },
    });
    return after;
  });
}
