// The meetings module's public face: other modules import only from here. The consultation
// module (above this one) reads a matter's joint-meeting record and each community's last joint
// meeting through the two functions below.
export { meetingsRoutes } from './meetings.routes.ts';
export { jointMeetingRecordForMatter, lastJointMeetingByCommunity, type JointMeetingRecord } from './meetings.matters.ts';
export { MEETING_KINDS, FOUR_PARTIES } from './domain/meeting-kinds.ts';
export type { MeetingsContext } from './commands/support.ts';
export { createSeries } from './commands/create-series.ts';
export { updateSeries } from './commands/update-series.ts';
export { updateMeetingSettings } from './commands/update-settings.ts';
export { createMeeting } from './commands/create-meeting.ts';
export { scheduleOccurrence } from './commands/schedule-occurrence.ts';
export { setAgenda } from './commands/set-agenda.ts';
export { inviteRepresentative } from './commands/invite-representative.ts';
export { removeRepresentative } from './commands/remove-representative.ts';
export { recordAttendance } from './commands/record-attendance.ts';
export { recordPosition } from './commands/record-position.ts';
export { concludeAgendaItem } from './commands/conclude-item.ts';
export { editMinutes } from './commands/edit-minutes.ts';
export { signMinutes } from './commands/sign-minutes.ts';
export { addAddendum } from './commands/add-addendum.ts';
