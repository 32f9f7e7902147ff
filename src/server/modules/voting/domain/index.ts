/** The pure tally core for owners' votes: no I/O, no framework. */
export { atLeast, moreThan, meets, describeThreshold, type Threshold, type Comparison } from './rational.ts';
export { ok, fail, formatFieldError, type Result, type FieldError } from './result.ts';
export {
  parseCenti,
  formatCenti,
  chooseArea,
  AREA_SOURCES,
  type AreaSource,
  type AreaSources,
  type ChosenArea,
} from './area.ts';
export {
  PRESET_IDS,
  DEFAULT_PRESET,
  DEFAULT_OPTIONS,
  isPresetId,
  classOfItem,
  ruleFor,
  resolveOptions,
  type PresetId,
  type MatterClass,
  type Measure,
  type ApprovalBase,
  type CountingRule,
  type VoteOptions,
  type CoOwnerConflict,
  type SilentVotes,
} from './presets.ts';
export type { VoteUnit, VotingSubject, CountedUnit } from './subjects.ts';
export {
  CHOICES,
  resolveSubjectVotes,
  type Choice,
  type Ballot,
  type SubjectVote,
  type SubjectReason,
  type BallotReason,
} from './ballots.ts';
export {
  RECORD_FORMAT,
  parseVoteRecord,
  parseVoteRecordText,
  type VoteRecord,
  type DecisionRecord,
  type ElectionRecord,
  type RecordRule,
} from './record.ts';
export { checkVoteRecord } from './validate.ts';
export type {
  ParticipationReport,
  ApprovalReport,
  ParticipationTest,
  ApprovalTest,
  ExcludedUnitReport,
} from './report.ts';
export {
  tallyDecision,
  decisionRule,
  decideFigures,
  decisionSubjectsOf,
  type DecisionFigures,
  type DecisionOutcome,
  type DecisionResult,
  type DecisionSubjectReport,
  type Outcome,
  type SilentVotesReport,
} from './tally.ts';
export {
  tallyElection,
  decideElection,
  electionSubjectsOf,
  type ElectionFigures,
  type ElectionOutcome,
  type ElectionResult,
  type CandidateReport,
  type ElectionSubjectReport,
} from './election.ts';
export { NO_FIGURES, type Figures } from './report.ts';
export { tallyVoteRecord, recountDocument, recountText, type TallyResult } from './recount.ts';
