import type { MessageTree } from '../../../i18n/zh-CN.ts';

// The notice pages in English, the second language. Typed against zh-CN.ts: a missing key fails tsc.
const noticesEn: MessageTree['notices'] = {
  state: { draft: 'Draft', published: 'Posted', posting_ended: 'Posting ended' },
  objectionStatus: { open: 'Awaiting answer', overdue: 'Overdue', answered: 'Answered', answered_late: 'Answered late' },
  subject: { matter_resolution: 'Resolution of a matter', matter_results: 'Results of implementation', vote_result: "Owners' vote result" },
  issuerKind: { community: 'The community', owners_committee: "The owners' committee" },
  community: 'Community', compound: 'Compound', communityWide: 'Whole community', publishedAt: 'Published', postingEndsAt: 'Posted until', postingPeriod: 'Posting period',
  objectionEndsAt: 'Objections until', replyDays: 'Objections answered within', objectionCounts: 'Objections', issuer: 'Issued by', days: '{{count}} d',
  counts: '{{total}} objections: {{open}} awaiting, {{overdue}} overdue, {{answered}} answered', windowOpen: 'Open for objections', windowClosed: 'Objections closed',
  postingUntil: 'Posted until {{at}}', attachments: 'Attachments', proofs: 'Photos of the posted notice', proofHint: 'The photos prove the paper notice hangs on the notice board.',
  correctedBy: 'This notice has been corrected', corrects: 'This notice corrects', createdBy: 'Drafted by {{by}}; published by {{publishedBy}}',
  publish: 'Publish', publishConfirm: 'A published notice never changes (a correction is a new notice). Publish?', publicPage: 'Public page',
  uploadProof: 'Upload a photo of the posted notice', proofNote: 'Note (optional), e.g. notice board of building 3', chooseProof: 'Choose a photo', proofUploaded: 'Photo uploaded',
  list: { title: 'Notices', tab: 'Notices', empty: 'No notice matches', state: 'State', subject: 'Discloses', overdue: 'Overdue objections', titleCol: 'Title' },
  overdue: { tab: 'Overdue objections', empty: 'No objection is overdue' },
  objections: {
    title: 'Objections ({{total}})', empty: 'No objections', answer: 'Answer', answerPlaceholder: 'The answer (it becomes part of the record)',
    answered: 'Answered by {{by}} at {{at}}', replyDue: 'To be answered by {{at}}', notYours: 'The issuer sees and answers the objections.',
    raiseTitle: 'Object', raiseHint: 'Object before {{until}}; each objection is answered within {{days}} days.', raise: 'Send the objection', raised: 'Objection sent',
    cannot: 'Only residents of the compound (or community) may object to this notice.', windowClosed: 'The objection window has closed.',
  },
  my: {
    title: 'Notices', current: 'Posted now', all: 'All', objections: 'My objections', empty: 'No notices', noObjections: 'You have not objected to anything',
    yourObjections: 'Your objections',
  },
  print: {
    heading: 'Public notice', button: 'Print the notice', print: 'Print', back: 'Back', ownersCommittee: " owners' committee", timezone: 'China time, UTC+8', residentsCommittee: " residents' committee",
  },
  public: { howToObject: 'Do you object to this notice?', loginToObject: 'Log in with your phone number to object' },
};

export default noticesEn;
