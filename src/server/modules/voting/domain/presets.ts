/**
 * The presets of owners-vote.md §2 and §6 as data: which items are special, which tests decide
 * participation and approval, and what the approval base is. Everything that differs between
 * presets is decided in this file; the counting code only applies the CountingRule it returns.
 */
import { atLeastFraction, moreThanFraction, type Threshold } from './rational.ts';
import { fail, ok, type Result } from './result.ts';

export const PRESET_IDS = ['cn-civil-code-2021', 'cn-property-law-2007', 'hk-bmo', 'de-weg-2020', 'us-ucioa'] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export const DEFAULT_PRESET: PresetId = 'cn-civil-code-2021';

export type MatterClass = 'ordinary' | 'special';
/** What a test measures: exclusive area, owners by head, or a foreign preset's weight. */
export type Measure = 'area' | 'heads' | 'shares' | 'votes';
export type WeightMeasure = Exclude<Measure, 'heads'>;
/**
 * The approval denominator: the participating subjects (abstentions included), all subjects
 * (Property Law 2007), or only the for and against ballots (votes cast, abstentions excluded).
 */
export type ApprovalBase = 'participating' | 'total' | 'cast';
export type Tests = Partial<Record<Measure, Threshold>>;

export type CoOwnerConflict = 'abstain' | 'void';
export type SilentVotes = 'off' | 'follow-majority' | 'follow-majority-zj2009';

export interface VoteOptions {
  coOwnerConflict: CoOwnerConflict;
  silentVotes: SilentVotes;
  /** the rules-of-procedure clause that allows silent votes; required when they are on */
  silentVotesClause?: string;
  abstentionsInBase: boolean;
  parkingInVotingArea: boolean;
  /** de-weg-2020 only: one head per owner (default) or co-ownership shares */
  weighting?: 'heads' | 'shares';
}

/** The complete rule one count applies, after preset, class and options are settled. */
export interface CountingRule {
  preset: PresetId;
  class: MatterClass;
  /** the weight reported beside heads: area for the Chinese presets */
  weight: WeightMeasure;
  participation: Tests;
  approval: Tests;
  approvalBase: ApprovalBase;
}

interface Preset {
  chinese: boolean;
  weight: WeightMeasure;
  /** Civil Code items (1–9) that are special under this preset; empty: one class only */
  specialItems: number[];
  participation: Tests;
  approval: Record<MatterClass, Tests> | { ordinary: Tests };
  approvalBase: ApprovalBase;
  /** the fixed value, or undefined when the option is free */
  abstentionsInBase?: boolean;
}

const twoThirds = atLeastFraction(2, 3);
const threeQuarters = atLeastFraction(3, 4);
const majority = moreThanFraction(1, 2);

const PRESETS: Record<PresetId, Preset> = {
  // Civil Code Art. 278: quorum of 2/3 by area and head; items 6–8 need 3/4 of the
  // participants, the rest more than 1/2 of them.
  'cn-civil-code-2021': {
    chinese: true,
    weight: 'area',
    specialItems: [6, 7, 8],
    participation: { area: twoThirds, heads: twoThirds },
    approval: {
      ordinary: { area: majority, heads: majority },
      special: { area: threeQuarters, heads: threeQuarters },
    },
    approvalBase: 'participating',
    abstentionsInBase: true,
  },
  // Property Law Art. 76 with the State Council regulation's quorum. Approval counts against
  // all owners and the total area; item 8 did not exist and is ordinary.
  'cn-property-law-2007': {
    chinese: true,
    weight: 'area',
    specialItems: [5, 6, 7],
    participation: { area: majority, heads: majority },
    approval: {
      ordinary: { area: majority, heads: majority },
      special: { area: twoThirds, heads: twoThirds },
    },
    approvalBase: 'total',
    abstentionsInBase: true,
  },
  // Hong Kong Cap. 344: quorum of 10% of owners; a share-weighted majority of votes cast.
  'hk-bmo': {
    chinese: false,
    weight: 'shares',
    specialItems: [],
    participation: { heads: atLeastFraction(1, 10) },
    approval: { ordinary: { shares: majority } },
    approvalBase: 'cast',
    abstentionsInBase: false,
  },
  // Germany, WEG 2020: no quorum; a majority of the for and against votes, a tie fails.
  // Heads by default; the `weighting: "shares"` option swaps heads for shares (see ruleFor).
  'de-weg-2020': {
    chinese: false,
    weight: 'area',
    specialItems: [],
    participation: {},
    approval: { ordinary: { heads: majority } },
    approvalBase: 'cast',
    abstentionsInBase: false,
  },
  // US Uniform Common Interest Ownership Act: quorum of 20% of the allocated votes; a majority
  // of the votes cast. Whether abstentions are "cast" is the abstentionsInBase option.
  'us-ucioa': {
    chinese: false,
    weight: 'votes',
    specialItems: [],
    participation: { votes: atLeastFraction(1, 5) },
    approval: { ordinary: { votes: majority } },
    approvalBase: 'participating',
  },
};

export function isPresetId(id: unknown): id is PresetId {
  return typeof id === 'string' && (PRESET_IDS as readonly string[]).includes(id);
}

export function isChinesePreset(id: PresetId): boolean {
  return PRESETS[id].chinese;
}

/** The class a preset gives to a Civil Code item (1–9). */
export function classOfItem(preset: PresetId, item: number): MatterClass {
  return PRESETS[preset].specialItems.includes(item) ? 'special' : 'ordinary';
}

/** Whether the preset defines a special class at all (the foreign presets have one rule). */
export function hasSpecialClass(preset: PresetId): boolean {
  return 'special' in PRESETS[preset].approval;
}

/**
 * The rule for one count. Besides area and heads, a foreign preset reports its own weight:
 * shares for hk-bmo (and for de-weg-2020 weighted by shares), allocated votes for us-ucioa.
 */
export function ruleFor(preset: PresetId, matterClass: MatterClass, options: VoteOptions): CountingRule {
  const table = PRESETS[preset];
  const approvalByClass = table.approval as Partial<Record<MatterClass, Tests>>;
  let approval = approvalByClass[matterClass] ?? table.approval.ordinary;
  let weight = table.weight;
  if (preset === 'de-weg-2020' && options.weighting === 'shares') {
    approval = { shares: majority };
    weight = 'shares';
  }
  let approvalBase = table.approvalBase;
  if (approvalBase === 'participating' && !options.abstentionsInBase) approvalBase = 'cast';
  return {
    preset,
    class: matterClass,
    weight,
    participation: table.participation,
    approval,
    approvalBase,
  };
}

export const DEFAULT_OPTIONS: VoteOptions = {
  coOwnerConflict: 'abstain',
  silentVotes: 'off',
  abstentionsInBase: true,
  parkingInVotingArea: false,
};

/**
 * Fills in the defaults for a preset and refuses combinations the law does not allow (§4):
 * abstentions left out of the base only for the foreign presets that leave it open, silent votes
 * only for the Chinese presets, only with a recorded clause, and never in an election.
 */
export function resolveOptions(
  preset: PresetId,
  given: Partial<VoteOptions>,
  kind: 'decision' | 'election',
  path = 'rule.options',
): Result<VoteOptions> {
  const table = PRESETS[preset];
  // An option given as undefined (a record built in code) means "not given", not "unset the default".
  const givenOptions = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  const options: VoteOptions = {
    ...DEFAULT_OPTIONS,
    abstentionsInBase: table.abstentionsInBase ?? DEFAULT_OPTIONS.abstentionsInBase,
    ...givenOptions,
  };
  if (table.abstentionsInBase !== undefined && options.abstentionsInBase !== table.abstentionsInBase) {
    const why = table.chinese
      ? 'abstentions stay in the base under the Chinese presets; false is only for foreign presets'
      : `${preset} always leaves abstentions out of the base`;
    return fail(`${path}.abstentionsInBase`, `${options.abstentionsInBase} is not allowed: ${why}`);
  }
  if (options.silentVotes !== 'off') {
    if (!table.chinese) {
      return fail(`${path}.silentVotes`, `"${options.silentVotes}" is only available under the Chinese presets`);
    }
    if (kind === 'election') {
      return fail(`${path}.silentVotes`, `"${options.silentVotes}" is not available in an election`);
    }
    if (!options.silentVotesClause || options.silentVotesClause.trim() === '') {
      return fail(`${path}.silentVotesClause`, `silent votes need the rules-of-procedure clause that allows them`);
    }
  }
  if (options.weighting !== undefined && preset !== 'de-weg-2020') {
    return fail(`${path}.weighting`, `only de-weg-2020 offers a choice of weighting`);
  }
  if (preset === 'de-weg-2020') options.weighting ??= 'heads';
  return ok(options);
}

/** The weights a preset needs on every counted unit besides its area ('shares' or 'votes'). */
export function requiredUnitWeight(preset: PresetId, options: VoteOptions): 'shares' | 'votes' | undefined {
  const weight = ruleFor(preset, 'ordinary', options).weight;
  return weight === 'area' ? undefined : weight;
}
