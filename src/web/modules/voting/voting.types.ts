// The voting shapes the pages read, inferred from the shared contracts (src/contracts/voting*.ts).
// Type-only imports: the schemas stay out of the browser bundle. The tally result is `unknown` in
// the contract (it is the tally core's JSON, docs/rules/voting-tally.md); the fields the pages
// show are typed here.
import type { z } from 'zod';
import type * as v from '../../../contracts/voting.ts';
import type * as b from '../../../contracts/voting-ballots.ts';

export type VoteState = (typeof v.voteStates)[number];
export type PresetId = (typeof v.presetIds)[number];
export type Choice = (typeof v.choices)[number];
export type VoteAbilities = v.VoteAbilities;
export type VoteSummary = z.infer<typeof v.voteSummary>;
export type VoteList = z.infer<typeof v.voteList>;
export type VoteView = v.VoteView;
export type QuestionView = z.infer<typeof v.questionView>;
export type DocumentView = z.infer<typeof v.documentView>;
export type VoteSettingsView = z.infer<typeof v.voteSettingsView>;
export type CreateVoteBody = v.CreateVoteBody;
export type RollView = z.infer<typeof v.rollView>;
export type RollUnit = z.infer<typeof v.rollUnitView>;
export type CorrectionView = z.infer<typeof v.correctionView>;
export type CorrectionList = z.infer<typeof v.correctionList>;
export type ProgressView = z.infer<typeof v.progressView>;
export type QuorumView = z.infer<typeof v.quorumView>;
export type QuestionResultView = z.infer<typeof v.questionResultView>;
/** the tally's per-subject reports of a result, as the server pages them */
export type SubjectPageView = Omit<z.infer<typeof v.subjectPageView>, 'subjects'> & { subjects: SubjectReport[] };
export type ResultsView = z.infer<typeof v.resultsView>;
export type PublicVoteView = z.infer<typeof v.publicVoteView>;

export type BallotAccepted = b.BallotAccepted;
export type MyBallotsView = z.infer<typeof b.myBallotsView>;
export type Capacity = MyBallotsView['capacities'][number];
export type ReceiptView = z.infer<typeof b.receiptView>;
export type PaperBallotView = z.infer<typeof b.paperBallotView>;
export type PaperBallotList = z.infer<typeof b.paperBallotList>;
export type ProxyView = z.infer<typeof b.proxyView>;
export type ProxyList = z.infer<typeof b.proxyList>;
export type PaperAnswer = z.input<typeof b.paperAnswer>;

// ——— the tally core's result (the parts the pages show) ———

export interface Measure<V> { value: V; total: V; met: boolean; threshold: string }
export interface ApprovalMeasure<V> { value: V; base: V; met: boolean; threshold: string }
export interface Participation { met: boolean; area: Measure<string>; heads: Measure<number> }
export interface Approval { met: boolean; basis: 'participating' | 'total' | 'cast'; area: ApprovalMeasure<string>; heads: ApprovalMeasure<number> }

export interface SubjectBallot { voter: string; choice?: Choice; marks?: string[]; counted: boolean; reason: string; explanation: string }
export interface SubjectReport {
  voter: string;
  units: string[];
  area: string;
  choice?: Choice | null;
  marks?: string[] | null;
  reason: string;
  explanation: string;
  voters: string[];
  developer?: boolean;
  unitAreas: { unit: string; area: string; source: 'registered' | 'surveyed' | 'contract' }[];
  ballots: SubjectBallot[];
}

export interface DecisionResult {
  kind: 'decision';
  passed: boolean;
  class: 'ordinary' | 'special';
  participation: Participation;
  approval: Approval;
  raw?: { passed: boolean; participation: Participation; approval: Approval };
  silentVotes?: { explanation: string; applied: boolean; deemed: number };
}

export interface CandidateReport { id: string; area: string; heads: number; passed: boolean }
export interface ElectionResult {
  kind: 'election';
  seats: number;
  participation: Participation;
  candidates: CandidateReport[];
  elected: string[];
  alternates: string[];
  unfilled: number;
  tie: string[];
}

export type TallyResult = DecisionResult | ElectionResult;
