// The voting module's public face: other modules import only from here.
export { votingRoutes } from './voting.routes.ts';
export { createVote } from './commands/create-vote.ts';
export { announceVote } from './commands/announce-vote.ts';
export { openVote } from './commands/open-vote.ts';
export { closeVote } from './commands/close-vote.ts';
export { countVote } from './commands/count-vote.ts';
export { publishVote } from './commands/publish-vote.ts';
export { cancelVote } from './commands/cancel-vote.ts';
export { extendClosing } from './commands/extend-closing.ts';
export type { VotingContext } from './commands/support.ts';
export { findVote } from './repo/votes.ts';
export { resultRows } from './voting.results.ts';
export { recordQuestion, writeVoteRecord } from './voting.record.ts';
export { voteProgress } from './voting.stats.ts';
export * as tally from './domain/index.ts';
export { publishedVoteForMatter, type PublishedVoteForMatter } from './voting.matters.ts';
export { proxyLoginSource } from './voting.proxy-login.ts';
export { runVoteSchedule, scheduleVotes, SCHEDULE_ACTOR, type ScheduleOutcome } from './voting.scheduler.ts';
