// The meetings shapes the pages read, inferred from the shared contracts (src/contracts/meetings.ts).
// Type-only imports: the schemas stay out of the browser bundle.
import type { z } from 'zod';
import type * as m from '../../../contracts/meetings.ts';

export type MeetingKind = m.MeetingKind;
export type Party = m.Party;
export type Position = m.Position;
export type MeetingView = m.MeetingView;
export type SeriesView = m.SeriesView;
export type SeriesList = z.infer<typeof m.seriesList>;
export type CalendarView = z.infer<typeof m.calendarView>;
export type CalendarEntry = z.infer<typeof m.calendarEntry>;
export type RepresentativeView = z.infer<typeof m.representativeView>;
export type AgendaItemView = z.infer<typeof m.agendaItemView>;
export type ConclusionView = z.infer<typeof m.conclusionView>;
export type MinutesPrintView = z.infer<typeof m.minutesPrintView>;
export type MeetingSettingsView = z.infer<typeof m.meetingSettingsView>;
export type MeetingSettingsBody = m.MeetingSettingsBody;
export type CreateSeriesBody = m.CreateSeriesBody;
export type CreateMeetingBody = m.CreateMeetingBody;
export type AgendaBody = m.AgendaBody;
export type InviteBody = m.InviteBody;
export type RepresentativeAccount = m.RepresentativeAccount;
export type RepresentativeAccountList = z.infer<typeof m.representativeAccountList>;
export type AttendanceBody = m.AttendanceBody;
export type MinutesBody = m.MinutesBody;

export const meetingKinds: readonly MeetingKind[] = ['joint', 'two_committees', 'owners_committee'];
export const allParties: readonly Party[] = ['party_org', 'residents_committee', 'owners_committee', 'property_company', 'owners_representative'];
export const positions: readonly Position[] = ['support', 'object', 'abstain'];
/** The four parties of the joint meeting, the ones its quorum counts. */
export type JointParty = (typeof m.fourParties)[number];
export const fourParties: readonly JointParty[] = ['party_org', 'residents_committee', 'owners_committee', 'property_company'];
