import { z } from 'zod';
import { roles } from './accounts.ts';
import { pageQuery, paginated } from './common.ts';

// Requests and responses of the meetings module: the standing joint meeting of the four parties
// and its series, ad-hoc meetings, agenda, representatives, attendance, positions, conclusions,
// minutes, sign-off and addenda. Written by hand; never derived from the tables.

export const meetingKinds = ['joint', 'two_committees', 'owners_committee'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** The four parties, plus owners' representatives (invited to the joint meeting, without a party vote). */
export const parties = ['party_org', 'residents_committee', 'owners_committee', 'property_company', 'owners_representative'] as const;
export type Party = (typeof parties)[number];
export const fourParties = ['party_org', 'residents_committee', 'owners_committee', 'property_company'] as const;

export const positions = ['support', 'object', 'abstain'] as const;
export type Position = (typeof positions)[number];

/** consensus; majority with the dissent recorded; no consensus → the matter escalates */
export const conclusions = ['consensus', 'majority', 'no_consensus'] as const;
export type Conclusion = (typeof conclusions)[number];

/** planned: computed from a series, not yet stored; scheduled: stored, not yet held; held: attendance taken; locked: minutes signed by all. */
export const meetingStatuses = ['planned', 'scheduled', 'held', 'locked'] as const;

/** `details.reason` of the meetings module's 403/409/400 errors. */
export const meetingsErrorReasons = [
  'minutes_locked', 'minutes_not_locked', 'not_held', 'quorum_not_met', 'positions_missing', 'already_signed',
  'item_in_use', 'representative_in_use', 'minutes_empty', 'items_unconcluded', 'series_exists', 'not_an_occurrence',
  'not_a_representative', 'not_organiser', 'representative_absent', 'not_voting', 'person_not_eligible', 'party_not_invited',
  'duplicate_matter', 'user_already_linked', 'person_already_invited', 'held_in_future',
] as const;
export type MeetingsErrorReason = (typeof meetingsErrorReasons)[number];

const id = z.string();
const when = z.string().describe('ISO 8601 time');
const whenInput = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const nameRef = z.object({ id, name: z.string() });
const bilingual = z.object({ zh: z.string(), en: z.string() });

// ——— series (the standing meeting's recurrence) ———

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour)');
const weekday = z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)');
const timezone = z.string().trim().min(1).max(64);

export const createSeriesBody = z.strictObject({
  kind: z.enum(meetingKinds).default('joint'),
  /** required for an owners' committee series: the compound whose committee meets */
  compoundId: z.uuid().optional(),
  title: text(200).optional(),
  weekday,
  time,
  timezone: timezone.default('Asia/Shanghai'),
  location: text(200).nullable().optional(),
  /** first date the series runs (local); default today */
  startsOn: z.iso.date().optional(),
  endsOn: z.iso.date().nullable().optional(),
});
export type CreateSeriesBody = z.input<typeof createSeriesBody>;

export const updateSeriesBody = z
  .strictObject({
    title: text(200).optional(),
    weekday: weekday.optional(),
    time: time.optional(),
    timezone: timezone.optional(),
    location: text(200).nullable().optional(),
    startsOn: z.iso.date().optional(),
    endsOn: z.iso.date().nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });
export type UpdateSeriesBody = z.input<typeof updateSeriesBody>;

export const seriesView = z.object({
  id,
  communityId: id,
  kind: z.enum(meetingKinds),
  compound: nameRef.nullable(),
  title: z.string(),
  weekday: z.number().int(),
  time: z.string(),
  timezone: z.string(),
  location: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  nextOccurrence: when.nullable(),
  abilities: z.object({ edit: z.boolean(), schedule: z.boolean() }),
});
export type SeriesView = z.infer<typeof seriesView>;
export const seriesListQuery = pageQuery;
export const seriesList = paginated(seriesView);

// ——— settings ———

export const jointQuorumRule = z
  .strictObject({
    minParties: z.number().int().min(1).max(4),
    requiredParties: z.array(z.enum(fourParties)).max(4).refine((l) => new Set(l).size === l.length, 'must not repeat a party'),
  })
  .refine((r) => r.requiredParties.length <= r.minParties, { path: ['requiredParties'], message: 'must not name more parties than minParties' });

export const meetingSettingsBody = z.strictObject({ jointQuorum: jointQuorumRule });
export type MeetingSettingsBody = z.input<typeof meetingSettingsBody>;
export const meetingSettingsView = z.object({
  communityId: id,
  jointQuorum: z.object({ minParties: z.number().int(), requiredParties: z.array(z.enum(fourParties)) }),
  isDefault: z.boolean(),
  abilities: z.object({ edit: z.boolean() }),
});

// ——— calendar and creation ———

const dateOrTime = z.union([z.iso.date(), whenInput]);
/** from/to: ISO dates (a day in China, UTC+8; `to` inclusive) or times; default now → 8 weeks on; at most 190 days. */
export const calendarQuery = z.object({ from: dateOrTime.optional(), to: dateOrTime.optional(), kind: z.enum(meetingKinds).optional() });

export const calendarEntry = z.object({
  /** null for a planned occurrence that is not stored yet: schedule it to get an id */
  id: id.nullable(),
  seriesId: id.nullable(),
  kind: z.enum(meetingKinds),
  compound: nameRef.nullable(),
  title: z.string(),
  scheduledAt: when,
  location: z.string().nullable(),
  status: z.enum(meetingStatuses),
  heldAt: when.nullable(),
  agendaItems: z.number().int(),
  abilities: z.object({ schedule: z.boolean(), organise: z.boolean() }),
});
export const calendarView = z.object({ from: when, to: when, items: z.array(calendarEntry) });

export const createMeetingBody = z.strictObject({
  kind: z.enum(meetingKinds),
  compoundId: z.uuid().optional(),
  title: text(200),
  scheduledAt: whenInput,
  location: text(200).nullable().optional(),
});
export type CreateMeetingBody = z.input<typeof createMeetingBody>;

export const scheduleOccurrenceBody = z.strictObject({ scheduledAt: whenInput });

// ——— agenda, representatives, attendance, positions ———

export const agendaBody = z.strictObject({
  items: z.array(z.strictObject({
    /** an existing item's id keeps it (with its positions); omit for a new item */
    id: z.uuid().optional(),
    /** a matter of the four-deliberation procedure; omit for a free-text topic */
    matterId: z.uuid().nullable().optional(),
    title: text(300),
  })).max(50, 'at most 50 agenda items'),
});
export type AgendaBody = z.input<typeof agendaBody>;

export const inviteBody = z.strictObject({
  party: z.enum(parties),
  /** a person of the community's registry */
  personId: z.uuid(),
  /** property company representatives: the company, which must hold a current contract in the community */
  companyId: z.uuid().optional(),
  /** the staff account of the representative: they record their party's position and sign the minutes */
  userId: z.uuid().optional(),
  /** their title, e.g. 书记, 主任, 项目经理 */
  role: text(80).optional(),
});
export type InviteBody = z.input<typeof inviteBody>;

/** Looking up the staff account to link to a representative: by username or name, at most `limit`. */
export const representativeAccountsQuery = z.object({
  q: z.string().trim().max(50, 'must be at most 50 characters').optional(),
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(20),
});

/** A staff account working in the meeting's community, with the parties it may sit for there. */
export const representativeAccount = z.object({
  userId: id,
  username: z.string(),
  displayName: z.string(),
  /** its roles inside the community: community staff, grid worker, owners' committee, property staff */
  roles: z.array(z.object({ role: z.enum(roles), scopeName: z.string() })),
  /** the parties this meeting invites that the account may represent, the likeliest first */
  parties: z.array(z.enum(parties)),
  /** property staff: their company, which holds a current contract in the community */
  company: nameRef.nullable(),
  /** the person of the community's registry with the account's phone, if any */
  person: nameRef.nullable(),
  isYou: z.boolean(),
  /** the representative of this meeting already linked to the account */
  linkedRepresentativeId: id.nullable(),
});
export type RepresentativeAccount = z.infer<typeof representativeAccount>;
export const representativeAccountList = z.object({
  items: z.array(representativeAccount),
  /** all matches; more than items when the limit cut the list */
  total: z.number().int(),
});

export const attendanceBody = z.strictObject({
  entries: z.array(z.strictObject({ representativeId: z.uuid(), present: z.boolean() })).min(1).max(200),
  /** when the meeting was held; default: when first recorded */
  heldAt: whenInput.optional(),
});
export type AttendanceBody = z.input<typeof attendanceBody>;

export const positionBody = z.strictObject({ position: z.enum(positions), reason: text(2000) });
export const concludeBody = z.strictObject({ note: text(2000).optional() });

export const minutesBody = z.strictObject({
  text: z.string().max(50_000, 'must be at most 50000 characters'),
  itemNotes: z.array(z.strictObject({ itemId: z.uuid(), notes: z.string().max(10_000, 'must be at most 10000 characters') })).max(50).optional(),
});
export type MinutesBody = z.input<typeof minutesBody>;
export const addendumBody = z.strictObject({ text: text(20_000) });

// ——— the meeting view ———

export const quorumView = z.object({
  met: z.boolean(),
  rule: z.enum(['parties', 'members_more_than_half']),
  present: z.number().int(),
  needed: z.number().int(),
  of: z.number().int(),
  presentParties: z.array(z.enum(parties)),
  missingParties: z.array(z.enum(parties)),
  explanation: z.string(),
});

export const representativeView = z.object({
  id,
  party: z.enum(parties),
  voting: z.boolean(),
  personId: id,
  name: z.string(),
  role: z.string().nullable(),
  company: nameRef.nullable(),
  userId: id.nullable(),
  /** the logged-in user is this representative */
  isYou: z.boolean(),
  /** null until attendance is taken */
  present: z.boolean().nullable(),
});

export const positionView = z.object({
  /** the party, or (owners' committee meetings) the member's representative id */
  voter: z.string(),
  party: z.enum(parties),
  representativeId: id,
  name: z.string(),
  position: z.enum(positions),
  reason: z.string(),
  recordedAt: when,
});

export const conclusionView = z.object({
  result: z.enum(conclusions),
  direction: z.enum(['support', 'object']).nullable(),
  escalate: z.boolean(),
  note: z.string().nullable(),
  concludedAt: when,
  tally: z.object({ support: z.number().int(), object: z.number().int(), abstain: z.number().int(), absent: z.number().int(), voters: z.number().int() }),
  dissent: z.array(z.object({ voter: z.string(), position: z.enum(['support', 'object', 'abstain', 'absent']), reason: z.string().nullable() })),
});

export const agendaItemView = z.object({
  id,
  order: z.number().int(),
  matterId: id.nullable(),
  title: z.string(),
  notes: z.string(),
  positions: z.array(positionView),
  conclusion: conclusionView.nullable(),
  abilities: z.object({ recordPosition: z.boolean(), conclude: z.boolean() }),
});

export const signatureView = z.object({
  id,
  signerKey: z.string(),
  party: z.enum(parties),
  representativeId: id,
  name: z.string(),
  signedAt: when,
  digest: z.string(),
  /** signed on the record as it stands now; false once the record changed after signing */
  current: z.boolean(),
});

export const addendumView = z.object({
  id,
  seq: z.number().int(),
  text: z.string(),
  authorLabel: z.string(),
  representativeId: id.nullable(),
  createdAt: when,
  digest: z.string(),
});

export const minutesView = z.object({
  text: z.string(),
  updatedAt: when.nullable(),
  digest: z.string(),
  lockedAt: when.nullable(),
  signers: z.array(z.object({ key: z.string(), party: z.enum(parties), representativeIds: z.array(id), signed: z.boolean() })),
  signatures: z.array(signatureView),
  addenda: z.array(addendumView),
});

export const meetingAbilities = z.object({
  edit: z.boolean(),
  invite: z.boolean(),
  recordAttendance: z.boolean(),
  recordPosition: z.boolean(),
  conclude: z.boolean(),
  editMinutes: z.boolean(),
  signOff: z.boolean(),
  addAddendum: z.boolean(),
});
export type MeetingAbilities = z.infer<typeof meetingAbilities>;

export const meetingWarning = z.object({ code: z.string(), message: z.string(), details: z.unknown() });

export const meetingView = z.object({
  id,
  communityId: id,
  kind: z.enum(meetingKinds),
  kindLabel: bilingual,
  compound: nameRef.nullable(),
  seriesId: id.nullable(),
  title: z.string(),
  scheduledAt: when,
  location: z.string().nullable(),
  status: z.enum(meetingStatuses),
  heldAt: when.nullable(),
  quorum: quorumView,
  /** every voting party of the kind had someone present */
  allVotingPartiesPresent: z.boolean(),
  /** owners' committee meetings: the committee's size the quorum is counted against */
  committeeSize: z.number().int().nullable(),
  warnings: z.array(meetingWarning),
  representatives: z.array(representativeView),
  agenda: z.array(agendaItemView),
  minutes: minutesView,
  abilities: meetingAbilities,
});
export type MeetingView = z.infer<typeof meetingView>;

/** What the printed minutes show (and the web's print page renders). */
export const minutesPrintView = z.object({
  community: nameRef,
  compound: nameRef.nullable(),
  meetingId: id,
  kind: z.enum(meetingKinds),
  kindLabel: bilingual,
  title: z.string(),
  scheduledAt: when,
  heldAt: when.nullable(),
  location: z.string().nullable(),
  attendance: z.array(z.object({
    party: z.enum(parties),
    voting: z.boolean(),
    people: z.array(z.object({ name: z.string(), role: z.string().nullable(), company: z.string().nullable(), present: z.boolean().nullable() })),
  })),
  quorum: quorumView,
  agenda: z.array(agendaItemView.omit({ abilities: true })),
  text: z.string(),
  signatures: z.array(signatureView),
  lockedAt: when.nullable(),
  digest: z.string(),
  addenda: z.array(addendumView),
});
