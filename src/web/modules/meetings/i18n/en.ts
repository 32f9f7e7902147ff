import type { MessageTree } from '../../../i18n/zh-CN.ts';

// The meeting pages in English, the second language. Typed against zh-CN.ts: a missing key fails tsc.
const meetingsEn: MessageTree['meetings'] = {
  kind: { joint: 'Joint meeting of the four parties', two_committees: 'Two-committee meeting', owners_committee: "Owners' committee meeting" },
  status: { planned: 'Planned', scheduled: 'Scheduled', held: 'Held', locked: 'Minutes locked' },
  party: { party_org: 'Party organisation', residents_committee: "Residents' committee", owners_committee: "Owners' committee", property_company: 'Property company', owners_representative: "Owners' representative" },
  role: { secretary: 'Secretary', deputy_secretary: 'Deputy secretary', chair: 'Chair', vice_chair: 'Vice chair', member: 'Member', staff: 'Staff', leader: 'Leader' },
  position: {
    support: 'Support', object: 'Object', abstain: 'Abstain', absent: 'Absent', label: 'Position', reasonLabel: 'Reason', at: 'Time', none: 'No positions yet',
    yours: 'Your position for the {{party}}', reason: 'Reason (required)', record: 'Record the position', change: 'Change the position',
    notHeld: 'The meeting has not been held: once attendance is recorded, representatives take their positions.', whoLabel: 'Who takes positions',
    who: "Each party's present representative, logged in with their linked account. Nobody records a position for another.",
  },
  conclusion: {
    consensus: 'Consensus', majority: 'Majority', no_consensus: 'No consensus', tally: 'support {{support}}, object {{object}}, abstain {{abstain}}, absent {{absent}} (of {{voters}})',
    dissent: 'Dissent', escalate: 'The matter goes to the street office.', note: 'Note (optional)', conclude: 'Conclude', again: 'Conclude again',
    rule: 'The server computes the conclusion: all the same is consensus; more than half of all voters is a majority (dissent recorded); else no consensus.',
  },
  quorum: {
    met: 'Quorum met', notMet: 'Quorum not met', parties: '{{present}} of {{of}} parties present ({{needed}} needed); missing: {{missing}}',
    members: '{{present}} of {{of}} members present ({{needed}} needed)', short: '{{present}}/{{of}} present',
  },
  warning: { parity_invited: 'The parties invited unequal numbers of voting representatives (parity is 1:1)', parity_present: 'The parties present unequal numbers of voting representatives (parity is 1:1)', counts: 'Counts: {{counts}}' },
  weekday: { '1': 'Monday', '2': 'Tuesday', '3': 'Wednesday', '4': 'Thursday', '5': 'Friday', '6': 'Saturday', '7': 'Sunday' },
  heldAt: 'Held at',
  tabs: { agenda: 'Agenda ({{count}})', people: 'Representatives ({{count}})', items: 'Positions', minutes: 'Minutes and sign-off' },
  form: { kind: 'Kind', compound: 'Compound', title: 'Title', scheduledAt: 'Time', location: 'Place' },
  calendar: {
    title: 'Meeting calendar', window: '{{from}} to {{to}}', empty: 'No meetings in this window', open: 'Open', schedule: 'Schedule this meeting', items: '{{count}} agenda items',
  },
  series: {
    title: 'Standing meetings', create: 'Set up a standing meeting', empty: 'No standing meeting yet', rule: 'Recurs', every: 'Every {{weekday}} {{time}}', next: 'Next',
    weekday: 'Weekday', time: 'Time', startsOn: 'First date', titleHint: "Empty: the kind's name",
  },
  adHoc: { create: 'Convene an ad-hoc meeting' },
  agenda: {
    empty: 'The agenda is empty', addMatter: 'Add a matter awaiting deliberation', noWaiting: 'No matter awaits deliberation', topic: 'Another topic', addTopic: 'Add',
    save: 'Save the agenda', matter: 'Matter', toMatter: 'Open the matter', up: 'Up', down: 'Down', remove: 'Remove',
  },
  reps: {
    empty: 'No representative invited yet', party: 'Party', name: 'Name', role: 'Title', account: 'Account', linked: 'Account linked', notLinked: 'No account',
    you: 'You', nonVoting: 'no vote', remove: 'Withdraw', removeConfirm: 'Withdraw this invitation?',
  },
  attendance: { present: 'Present', yes: 'Present', no: 'Absent', record: 'Record attendance (meeting held)', update: 'Update attendance', saved: 'Attendance recorded', heldAt: 'Held at {{at}}' },
  invite: {
    title: 'Invite a representative', party: 'For which party', company: 'Property company', compound: 'Search the owners of', person: 'Person',
    bodyHint: "Only the body's current members in the registry.", ownersHint: "Type a name to search the compound's owners (the registry has no company staff lists).",
    user: 'Staff account', userHint: 'The linked person records positions and signs the minutes in person. Picking an account fills in its party and person.', me: 'Me ({{name}})', role: 'Title', rolePlaceholder: 'e.g. secretary, chair, project manager',
    userPlaceholder: "Type a name or username to find this community's staff accounts", noAccount: 'No matching account', alreadyLinked: '(already linked to a representative of this meeting)',
    roles: { community_staff: 'community staff', grid_worker: 'grid worker', owners_committee: "owners' committee", property_staff: 'property staff' },
    submit: 'Invite',
  },
  minutes: {
    placeholder: 'The minutes…', itemNotes: 'Notes on this item', save: 'Save the minutes', saved: 'Minutes saved', staleWarning: 'Someone has signed: an edit makes their signature stale, and they sign again.',
    signOff: 'Sign-off', signed: 'signed', unsigned: 'not signed', noSigners: 'The parties that sign appear once attendance is recorded', stale: 'the minutes changed since',
    sign: 'Sign the minutes', signConfirm: 'Sign the current minutes for your party? The record\u2019s digest is kept.', locked: 'Minutes locked at {{at}}', updated: 'Last edited {{at}}',
    notWritten: 'No minutes written yet', print: 'Print the minutes', addenda: 'Addenda', noAddenda: 'No addenda', addendumPlaceholder: 'A correction or addition to the locked minutes…',
    addAddendum: 'Add the addendum',
  },
  print: {
    minutes: ' — minutes', when: 'Time: {{at}}   Place: {{location}}', attendance: 'Attendance', items: 'Items and positions', conclusion: 'Conclusion',
    text: 'Record', signatures: 'Signatures', notLocked: 'The minutes are not locked', digest: 'Digest of the minutes (SHA-256)',
  },
};

export default meetingsEn;
