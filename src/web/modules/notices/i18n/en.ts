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
  publishedOn: 'published {{at}}', correctedHint: 'The correction is what counts; object to the correction.',
  form: {
    draftButton: 'Draft a notice', editButton: 'Edit the draft', correctButton: 'Issue a correction', cancel: 'Cancel',
    title: { create: 'Draft a notice', edit: 'Edit the draft', correct: 'Issue a correction' },
    submit: { create: 'Save the draft', edit: 'Save the changes', correct: 'Save the correction draft' },
    saved: { create: 'Draft saved; it can change until published', edit: 'Changes saved', correct: 'Correction drafted; it takes effect once published' },
    published: 'Notice published',
    scope: 'Posted for', subjectType: 'Discloses', subject: 'Matter or vote', pickMatter: 'Choose the matter', pickVote: "Choose the owners' vote", noSubject: 'No matter or vote to choose',
    noticeTitle: 'Title', body: 'Text', bodyHint: 'Plain text or Markdown.',
    postingHint: 'At least {{count}} days; empty means {{count}}', objectionDays: 'Objection window', objectionHint: 'Empty: the same as the posting period', daysUnit: 'days',
    startsAt: 'Scheduled start', startsHint: 'Empty: posting starts when published',
    attach: 'Add an attachment', attachHint: 'PDF or image, at most 10 MB each; none can be added once published.', attachFailed: 'Attachment "{{name}}" was not uploaded: {{message}}', attached: 'Attachment "{{name}}" uploaded',
    correctionTitle: '[Correction] {{title}}', fixed: 'Posted for: {{place}}; discloses: {{subject}} (neither a correction nor an edit changes these).',
    correctsHint: 'Corrects: {{title}}. Once the correction is published, the old notice shows it was corrected and takes no more objections.',
  },
  errors: {
    posting_too_short: 'The posting period and the objection window are at least {{minimum}} days', start_in_past: 'The scheduled start has passed: change or clear it',
    already_corrected: 'This notice already has a correction: correct the latest correction instead', correction_mismatch: 'A correction keeps the place and subject of the notice it corrects',
    corrects_draft: 'A draft is not corrected: edit the draft', not_draft: 'The notice is already published', published_is_immutable: 'A published notice never changes: issue a correction',
    compound_outside_community: 'The compound is not in this community', committee_needs_compound: "An owners' committee drafts notices for its own compound only",
    file_type: 'Only PDF files and images', file_too_large: 'The file is larger than 10 MB', file_empty: 'The file is empty',
  },
};

export default noticesEn;
