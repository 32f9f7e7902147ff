import type { MessageTree } from './zh-CN.ts';
import votingEn from '../modules/voting/i18n/en.ts';
import mattersEn from '../modules/consultation/i18n/en.ts';
import meetingsEn from '../modules/meetings/i18n/en.ts';
import noticesEn from '../modules/notices/i18n/en.ts';

// English, the second language. Typed against zh-CN.ts, so a missing or extra key fails tsc.
const en: MessageTree = {
  app: { name: 'Community governance', fullName: 'Siyi · community governance' },
  common: {
    empty: 'No data', retry: 'Retry', home: 'Home', save: 'Save', saved: 'Saved', edit: 'Edit', yes: 'Yes', no: 'No',
  },
  validation: { required: 'Required' },
  errors: {
    loadFailed: 'Could not load', notFound: 'Not found', notFoundHint: 'This page does not exist, or you may not see it.', forbidden: 'Not allowed',
  },
  shell: { language: 'Language', changePassword: 'Change password', logout: 'Log out' },
  nav: { communities: 'Communities', places: 'Places', street: 'Street', audit: 'Audit trail', mailbox: 'Dev mailbox' },
  login: {
    staffTab: 'Staff', ownerTab: 'Owners', username: 'Username', password: 'Password', submit: 'Log in',
    phone: 'Mobile number', code: 'Code', requestCode: 'Send code', resendIn: 'Resend in {{seconds}} s',
    codeSent: 'A code was sent to {{phone}}; enter it before it expires.',
    embeddedHint: 'This demo sends no text messages: the code is in the dev mailbox (for admins) and in the server log.',
    phoneInvalid: 'Enter an 11-digit mobile number', codeInvalid: 'The code has 6 digits',
  },
  password: {
    current: 'Current password', new: 'New password', confirm: 'Repeat new password', changed: 'Password changed',
    tooShort: 'At least 8 characters', mismatch: 'The two new passwords differ',
  },
  demo: { loading: 'Loading the demo district; some pages may be empty for a moment…', failed: 'The demo district failed to load' },
  district: {
    summary: 'Streets: {{streets}} · communities: {{communities}}', noStreets: 'No streets you may see in this district', communities: 'Communities: {{count}}',
  },
  communities: {
    title: 'Communities', count: 'Communities: {{count}}', search: 'Search name or code', streetFilter: 'Filter by street',
    empty: 'No community matches', name: 'Community', code: 'Code',
  },
  community: { compounds: 'Compounds', grids: 'Grids', organisations: 'Organisations' },
  figures: {
    derived: 'From the registry', derivedHint: 'Counted from the registry', recorded: 'Recorded', recordedHint: 'Figures the registry cannot count, recorded by staff',
    recordTitle: 'Record community figures',
    compounds: 'Compounds', buildings: 'Buildings', units: 'Units', households: 'Households', residents: 'Residents', grids: 'Grids',
    gridWorkers: 'Grid workers', partyOrganisations: 'Party organisations', partyMembers: 'Party members', ownersCommittees: "Owners' committees",
    areaKm2: 'Area (km²)', areaM2: 'Area (m²)', populationRecorded: 'Population (recorded)', socialWorkersRecorded: 'Social workers (recorded)',
  },
  compounds: {
    search: 'Search name or code', empty: 'No compound matches', name: 'Compound', code: 'Code', address: 'Address',
    propertyCompany: 'Property company', owners: 'Owners', parkingInVotingArea: 'Parking counts in voting area',
    unitsByUse: '{{total}} (residential {{residential}}, commercial {{commercial}}, parking {{parking}})',
  },
  compound: { units: 'Units', buildings: 'Buildings', owners: 'Owners', residents: 'Residents' },
  grids: { name: 'Grid', code: 'Code', worker: 'Grid worker', noWorker: 'None', branch: 'Grid branch', empty: 'No grids' },
  organisations: {
    party: 'Community Party organisation', residentsCommittee: "Residents' committee", ownersCommittees: "Owners' committees", ownersCommittee: "Owners' committee",
    propertyCompanies: 'Property companies', none: 'None', noMembers: 'No members', role: 'Role', partyMember: 'Party member',
    gridBranches: 'Grid branches ({{count}})', memberCount: 'members: {{count}}', current: 'Current', ended: 'Ended',
    partyShare: 'Party members {{party}} of {{total}}',
  },
  memberRoles: { secretary: 'Secretary', chair: 'Chair', vice_chair: 'Vice chair', member: 'Member', staff: 'Staff', deputy_secretary: 'Deputy secretary' },
  buildings: { empty: 'No buildings', grid: 'Grid' },
  units: {
    building: 'Building', number: 'Number', use: 'Use', holderStatus: 'Status', votingArea: 'Voting area', owners: 'Owners',
    buildingFilter: 'All buildings', useFilter: 'All uses', search: 'Search number', empty: 'No unit matches',
  },
  unitUse: { residential: 'Residential', commercial: 'Commercial', parking: 'Parking' },
  holderStatus: { owned: 'Owned', developer_unsold: 'Unsold (developer)', sold_not_delivered: 'Sold, not delivered' },
  areaSource: { registered: 'Registered area', surveyed: 'Surveyed area', contract: 'Contract area', null: '—' },
  people: {
    name: 'Name', phone: 'Phone', idLast4: 'ID (last 4)', units: 'Units', unit: 'Unit', voter: 'Voter', since: 'Since',
    until: 'Until', relation: 'Relation', developer: 'Developer', organisation: 'Organisation', search: 'Search name or phone',
    noOwners: 'No owners', noResidents: 'No residents',
  },
  relation: { owner: 'Owner', family: 'Family', tenant: 'Tenant' },
  unit: {
    basics: 'Basics', areas: 'Exclusive area', owners: 'Current owners', residents: 'Residents', history: 'Ownership history',
    current: 'Current', noVotingArea: 'No area',
  },
  myUnits: {
    title: 'My units', empty: 'No unit is registered under your mobile number. Ask your community if this is wrong.', coOwners: 'Co-owners', me: 'me',
    relation: { owner: 'Owner', resident: 'Resident' },
  },
  roster: {
    title: 'Import owners roster', importButton: 'Import roster', exportButton: 'Export roster',
    chooseFile: 'Click or drop a roster file here', uploadAgain: 'Fix the file, then upload it again', fileHint: 'XLSX or CSV (UTF-8 or GBK). An exported roster is the template.',
    createBuildings: 'Create buildings the roster names that do not exist yet',
    steps: { choose: 'Choose file', check: 'Check', import: 'Import', done: 'Done' },
    status: { parsing: 'Reading', validating: 'Checking', writing: 'Writing', done: 'Done', failed: 'Failed' },
    rowsProcessed: '{{done}} of {{total}} rows',
    startFailed: 'The file was not accepted',
    problemsFound: 'Problems found: {{count}}. Nothing was imported',
    fixAndRetry: 'Fix the file as listed (row numbers as in the spreadsheet, the header is row 1), then upload it again.',
    problem: { row: 'Row', column: 'Column', message: 'Problem', wholeFile: 'whole file' },
    clean: 'Checked: {{rows}} rows, no problems', cleanHint: 'This is what the import will change. Click "Import" to write it.',
    import: 'Import', imported: 'Roster imported', viewUnits: 'View units', ignoredColumns: 'Unused columns:',
    counts: {
      rows: 'Rows', buildingsCreated: 'Buildings created', unitsCreated: 'Units created', unitsUpdated: 'Units updated', unitsUnchanged: 'Units unchanged',
      unitsNotInSheet: 'Units not in the sheet (kept)', peopleCreated: 'People created', peopleUpdated: 'People updated', ownershipsOpened: 'Ownerships opened',
      ownershipsClosed: 'Ownerships closed', votersChanged: 'Voters changed',
    },
  },
  audit: {
    title: 'Audit trail', subtitle: "Each community's events are hash-chained: any change to the record shows.",
    globalChain: 'Installation (accounts etc.)', community: 'Community', kind: 'Kind', actor: 'Actor', at: 'Time', seq: 'Seq', object: 'Object',
    before: 'Before', after: 'After', eventId: 'Event ID', requestId: 'Request ID', prevHash: 'Previous hash', hash: 'Hash',
    empty: 'No event matches',
    verify: 'Verify chain', verifyNeedsCommunity: 'Choose a community first', verifyFailed: 'Verification did not finish',
    verifyOk: 'Chain intact: {{chains}} chain(s), {{events}} events', verifyBroken: 'Broken links: {{count}} (of {{events}} events)',
  },
  auditKind: {
    accounts_user_created: 'User created', accounts_user_disabled: 'User disabled', accounts_user_enabled: 'User enabled',
    accounts_password_changed: 'Password changed', accounts_role_granted: 'Role granted', accounts_login_succeeded: 'Staff login',
    accounts_owner_login_succeeded: 'Owner login', registry_district_created: 'District created', registry_street_created: 'Street created',
    registry_demo_loaded: 'Demo loaded', registry_community_created: 'Community created', registry_community_figures_recorded: 'Figures recorded',
    registry_compound_created: 'Compound created', registry_roster_imported: 'Roster imported', registry_unit_updated: 'Unit updated',
    registry_ownership_changed: 'Ownership changed',
  },
  mailbox: {
    title: 'Dev mailbox', hint: 'One-time codes the built-in sender "sent" appear here (embedded database, demo and development only).',
    empty: 'No code sent yet', code: 'Code', at: 'Time', channel: 'Channel', recipient: 'Recipient', body: 'Message',
  },
  voting: votingEn,
  matters: mattersEn,
  meetings: meetingsEn,
  notices: noticesEn,
};

export default en;
