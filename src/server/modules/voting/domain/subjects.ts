/**
 * Voting subjects: who counts as one owner, with which units and which ballot (owners-vote.md §3).
 *
 * How subjects are built (the choice the law leaves to us, written down in docs/rules/voting-tally.md):
 *
 * Each counted unit is spoken for by its *representatives*: the named `voter` if the unit has
 * one, otherwise all of its owners (a sole owner, or the co-owner group). Units whose
 * representatives overlap are merged into one subject, and all of the developer's units are
 * merged into one subject as well. Merging is transitive (union–find), so:
 *   - a person with several units is one subject with the areas summed;
 *   - co-owners of one unit are one subject;
 *   - a person who co-owns unit A (without a named voter) and solely owns unit B is in the same
 *     subject as A's other co-owners. We cannot split one person's single ballot between two
 *     heads, so we count them once; naming a voter for A keeps A and B apart.
 *   - a co-owner who is *not* the named voter of A does not speak for A; their ballot counts only
 *     where they are a representative, and A's explanation lists it as not counted.
 * Every person therefore represents at most one subject, which is what makes the count
 * independent of the order of units and ballots.
 */
import { chooseArea, type AreaSource, type AreaSources } from './area.ts';

export interface VoteUnit {
  id: string;
  area: AreaSources;
  owners: string[];
  /** the co-owner named to vote for the unit */
  voter?: string;
  /** held by the developer: unsold, or sold and not yet delivered */
  developer?: boolean;
  parking?: boolean;
  /** hk-bmo and de-weg-2020 (shares weighting): undivided shares, in hundredths */
  shares?: bigint;
  /** us-ucioa: allocated votes, in hundredths */
  votes?: bigint;
}

export interface CountedUnit {
  id: string;
  area: bigint;
  source: AreaSource;
  shares: bigint;
  votes: bigint;
}

export interface VotingSubject {
  /** the ids whose ballots speak for the subject, sorted */
  representatives: string[];
  /** every owner of the subject's units, sorted: their other ballots are explained, not counted */
  owners: string[];
  units: CountedUnit[];
  area: bigint;
  shares: bigint;
  votes: bigint;
  developer: boolean;
  /** the co-owned units whose named voter is a representative of this subject, sorted */
  namedVoterUnits: string[];
}

const DEVELOPER_NODE = '\u0000developer';

/** The ids of units left out of the count: parking spaces, unless the compound includes them. */
export function excludedUnitIds(units: VoteUnit[], parkingInVotingArea: boolean): string[] {
  return units
    .filter((unit) => !isCounted(unit, parkingInVotingArea))
    .map((unit) => unit.id)
    .sort(compareText);
}

/** Parking units take part only when the compound's setting includes them (§3.4). */
export function isCounted(unit: Pick<VoteUnit, 'parking'>, parkingInVotingArea: boolean): boolean {
  return !unit.parking || parkingInVotingArea;
}

export function representativesOf(unit: VoteUnit): string[] {
  return unit.voter !== undefined ? [unit.voter] : unit.owners;
}

/**
 * Groups the counted units into voting subjects. Expects a validated record: every unit has an
 * area, and a named voter is one of the unit's owners. Subjects come out sorted by their first
 * representative, units by id.
 */
export function buildSubjects(units: VoteUnit[], parkingInVotingArea: boolean): VotingSubject[] {
  const counted = units.filter((unit) => isCounted(unit, parkingInVotingArea));
  const groups = new UnionFind();
  for (const unit of counted) {
    const nodes = representativesOf(unit).concat(unit.developer ? [DEVELOPER_NODE] : []);
    for (const node of nodes.slice(1)) groups.union(nodes[0], node);
  }

  const byRoot = new Map<string, VoteUnit[]>();
  for (const unit of counted) {
    const root = groups.find(representativesOf(unit)[0]);
    const group = byRoot.get(root);
    if (group) group.push(unit);
    else byRoot.set(root, [unit]);
  }

  const subjects = [...byRoot.values()].map(toSubject);
  return subjects.sort((a, b) => compareText(a.representatives[0], b.representatives[0]));
}

function toSubject(units: VoteUnit[]): VotingSubject {
  const countedUnits = units
    .map((unit): CountedUnit => {
      const chosen = chooseArea(unit.area);
      if (!chosen) throw new Error(`unit ${unit.id} has no area: validate the record first`);
      return {
        id: unit.id,
        area: chosen.centi,
        source: chosen.source,
        shares: unit.shares ?? 0n,
        votes: unit.votes ?? 0n,
      };
    })
    .sort((a, b) => compareText(a.id, b.id));
  return {
    representatives: sortedUnique(units.flatMap(representativesOf)),
    owners: sortedUnique(units.flatMap((unit) => unit.owners)),
    units: countedUnits,
    area: sum(countedUnits.map((unit) => unit.area)),
    shares: sum(countedUnits.map((unit) => unit.shares)),
    votes: sum(countedUnits.map((unit) => unit.votes)),
    developer: units.some((unit) => unit.developer === true),
    namedVoterUnits: units
      .filter((unit) => unit.voter !== undefined && unit.owners.length > 1)
      .map((unit) => unit.id)
      .sort(compareText),
  };
}

/** The subject's name in results: its representatives joined with "+" ("o3", or "o5+o6"). */
export function subjectLabel(subject: VotingSubject): string {
  return subject.representatives.join('+');
}

/** Plain code-unit order, so that results never depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedUnique(ids: string[]): string[] {
  return [...new Set(ids)].sort(compareText);
}

function sum(values: bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(node: string): string {
    let root = node;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(node, root);
    return root;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    // The smaller id becomes the root, so the grouping never depends on the order of units.
    if (rootA !== rootB) {
      const [low, high] = compareText(rootA, rootB) <= 0 ? [rootA, rootB] : [rootB, rootA];
      this.parent.set(high, low);
      this.parent.set(low, low);
    }
  }
}
