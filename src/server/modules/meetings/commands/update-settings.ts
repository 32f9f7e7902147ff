import { meetingSettingsBody, type MeetingSettingsBody } from '../../../../contracts/meetings.ts';
import { transaction } from '../../../platform/command.ts';
import { meetingSettings } from '../meetings.tables.ts';
import { jointQuorumOf } from '../repo/meetings.ts';
import { auditMeeting, parseInput, type MeetingsContext } from './support.ts';

/**
 * Sets the community's joint-meeting quorum: how many of the four parties must be present, and
 * which must be among them (default: all four). The caller has checked canEditSettings.
 */
export async function updateMeetingSettings(ctx: MeetingsContext, communityId: string, raw: MeetingSettingsBody) {
  const input = parseInput(meetingSettingsBody, raw);
  return transaction(ctx.db, async (tx) => {
    const before = await jointQuorumOf(tx, communityId);
    const values = { jointMinParties: input.jointQuorum.minParties, jointRequiredParties: input.jointQuorum.requiredParties, updatedAt: ctx.clock.now() };
    await tx.insert(meetingSettings).values({ communityId, ...values }).onConflictDoUpdate({ target: meetingSettings.communityId, set: values });
    await auditMeeting(tx, ctx, 'meetings.settings_changed', { type: 'meeting_settings', id: communityId, communityId }, {
      before: { jointQuorum: { minParties: before.minParties, requiredParties: before.requiredParties }, isDefault: before.isDefault },
      after: { jointQuorum: input.jointQuorum },
    });
    return jointQuorumOf(tx, communityId);
  });
}
