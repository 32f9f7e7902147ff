// The modules the procedure builds on, imported through their index.ts and nowhere else in this
// module: meetings (the joint meeting's record), notices (the two public disclosures) and voting
// (the owners' vote that resolves an Art. 278 matter). Dependencies point down: none of them
// imports consultation.
export { jointMeetingRecordForMatter, lastJointMeetingByCommunity } from '../meetings/index.ts';
export { publishNotice, noticeStatus, noticesForSubject } from '../notices/index.ts';
export { publishedVoteForMatter } from '../voting/index.ts';
