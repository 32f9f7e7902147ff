/**
 * Property tests: the engine against a brute-force reference written independently here, and
 * the invariants a fair count must have (order, scale, monotonicity).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  recountDocument,
  type DecisionResult,
  type ElectionResult,
} from '../../../src/server/modules/voting/domain/index.ts';

type Json = Record<string, unknown>;
interface GenUnit {
  id: string;
  area: Record<string, string>;
  owners: string[];
  voter?: string;
  developer?: boolean;
  parking?: boolean;
}

const PEOPLE = ['a', 'b', 'c', 'd', 'e', 'f'];
const SOURCES = ['registered', 'surveyed', 'contract'] as const;

/** A decimal with 0, 1 or 2 places for `centi` hundredths, e.g. 1250 → "12.5" or "12.50". */
const decimal = (centi: number, places: number) => {
  const whole = Math.floor(centi / 100);
  const cents = String(centi % 100).padStart(2, '0');
  if (places === 2) return `${whole}.${cents}`;
  if (places === 1 && cents.endsWith('0')) return `${whole}.${cents[0]}`;
  if (places === 0 && cents === '00') return String(whole);
  return `${whole}.${cents}`;
};

// Often 100.00 m² exactly, so that ties and exact boundaries come up; otherwise anything.
const centiArb = fc.oneof(fc.constant(10_000), fc.integer({ min: 1, max: 50_000 }));

const areaArb = fc
  .tuple(
    fc.array(fc.option(centiArb, { nil: undefined }), { minLength: 3, maxLength: 3 }),
    centiArb,
    fc.integer({ min: 0, max: 2 }),
  )
  .map(([maybe, fallback, places]) => {
    const area: Record<string, string> = {};
    SOURCES.forEach((source, index) => {
      if (maybe[index] !== undefined) area[source] = decimal(maybe[index]!, places);
    });
    if (Object.keys(area).length === 0) area.contract = decimal(fallback, places);
    return area;
  });

const unitArb = (index: number) =>
  fc
    .record({
      area: areaArb,
      owners: fc.oneof(
        { arbitrary: fc.constantFrom(...PEOPLE).map((person) => [person]), weight: 3 },
        { arbitrary: fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 2, maxLength: 3 }), weight: 1 },
      ),
      named: fc.boolean(),
      voterIndex: fc.nat(),
      developer: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      developerId: fc.constantFrom('dev', 'dev-sales'),
      parking: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    })
    .map(({ area, owners, named, voterIndex, developer, developerId, parking }): GenUnit => {
      // The developer's units are held under "dev" or "dev-sales", ids that own nothing else.
      const unitOwners = developer ? [developerId] : owners;
      const unit: GenUnit = { id: `U${index}`, area, owners: unitOwners };
      if (named && unitOwners.length > 1) unit.voter = unitOwners[voterIndex % unitOwners.length];
      if (developer) unit.developer = true;
      if (parking) unit.parking = true;
      return unit;
    });

const unitsArb = fc
  .integer({ min: 1, max: 8 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => unitArb(i))));

const optionsArb = fc.record({
  coOwnerConflict: fc.constantFrom('abstain', 'void'),
  parkingInVotingArea: fc.boolean(),
  silentVotes: fc.constantFrom('off', 'off', 'follow-majority', 'follow-majority-zj2009'),
});

const isCounted = (unit: GenUnit, options: { parkingInVotingArea: boolean }) =>
  !unit.parking || options.parkingInVotingArea;

/** Ballots only from people who own a counted unit, as a valid record requires. */
const ballotsFor = <Content>(
  units: GenUnit[],
  options: { parkingInVotingArea: boolean },
  contentArb: fc.Arbitrary<Content>,
) => {
  const voters = [...new Set(units.filter((unit) => isCounted(unit, options)).flatMap((unit) => unit.owners))].sort();
  return fc.tuple(
    ...voters.map((voter) => fc.option(contentArb, { nil: undefined }).map((content) => ({ voter, content }))),
  );
};

const decisionArb = fc
  .record({
    units: unitsArb,
    preset: fc.constantFrom('cn-civil-code-2021', 'cn-property-law-2007'),
    item: fc.integer({ min: 1, max: 9 }),
    options: optionsArb,
  })
  .filter(({ units, options }) => units.some((unit) => isCounted(unit, options)))
  .chain(({ units, preset, item, options }) =>
    ballotsFor(units, options, fc.constantFrom('for', 'against', 'abstain')).map((returned) => {
      const rule: Json = { preset, item, options: { ...options } };
      if (options.silentVotes !== 'off') (rule.options as Json).silentVotesClause = 'Art. 9';
      const ballots = returned
        .filter((b) => b.content !== undefined)
        .map((b) => ({ voter: b.voter, choice: b.content! }));
      return { format: 'siyi.vote-record/1', kind: 'decision', rule, units, ballots } as Json;
    }),
  );

const electionArb = fc
  .record({ units: unitsArb, seats: fc.integer({ min: 1, max: 3 }), options: optionsArb })
  .filter(({ units, options }) => units.some((unit) => isCounted(unit, options)))
  .chain(({ units, seats, options }) => {
    const candidates = ['k1', 'k2', 'k3', 'k4'];
    const marks = fc.uniqueArray(fc.constantFrom(...candidates), { maxLength: seats });
    const { silentVotes: _notInElections, ...electionOptions } = options;
    return ballotsFor(units, options, marks).map((returned) => ({
      format: 'siyi.vote-record/1',
      kind: 'election',
      rule: { preset: 'cn-civil-code-2021', item: 3, options: electionOptions },
      seats,
      candidates,
      units,
      ballots: returned.filter((b) => b.content !== undefined).map((b) => ({ voter: b.voter, marks: b.content! })),
    }));
  });

function count(document: Json): DecisionResult | ElectionResult {
  const result = recountDocument(document);
  if (!result.ok) throw new Error(`generated record rejected: ${result.error.path}: ${result.error.message}`);
  return result.value;
}

// ---------------------------------------------------------------------------------------------
// The reference: the law read straight off owners-vote.md, with fractions of BigInts. It shares
// no code with the engine and favours the obvious over the fast.

class Fraction {
  constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}
  static of(numerator: bigint | number, denominator: bigint | number) {
    return new Fraction(BigInt(numerator), BigInt(denominator));
  }
  compare(other: Fraction): number {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left === right ? 0 : left > right ? 1 : -1;
  }
}

const hundredths = (text: string) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
};

function referenceDecision(document: Json) {
  const rule = document.rule as { preset: string; item: number; options: Json };
  const options = rule.options as { coOwnerConflict: string; parkingInVotingArea: boolean; silentVotes: string };
  const units = (document.units as GenUnit[]).filter((unit) => isCounted(unit, options));
  const ballotOf = new Map(
    (document.ballots as Array<{ voter: string; choice: string }>).map((b) => [b.voter, b.choice]),
  );

  // Owners: start with one group per unit, then merge any two groups that share a person who
  // speaks for them, or that both belong to the developer, until nothing changes.
  let groups = units.map((unit) => ({
    area: hundredths(unit.area.registered ?? unit.area.surveyed ?? unit.area.contract),
    speakers: unit.voter ? [unit.voter] : [...unit.owners],
    developer: unit.developer === true,
  }));
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < groups.length && !merged; i++) {
      for (let j = i + 1; j < groups.length && !merged; j++) {
        const share =
          groups[i].speakers.some((p) => groups[j].speakers.includes(p)) ||
          (groups[i].developer && groups[j].developer);
        if (share) {
          const joined = {
            area: groups[i].area + groups[j].area,
            speakers: [...new Set([...groups[i].speakers, ...groups[j].speakers])],
            developer: groups[i].developer || groups[j].developer,
          };
          groups = [...groups.filter((_, k) => k !== i && k !== j), joined];
          merged = true;
        }
      }
    }
  }

  const owners = groups.map((group) => {
    const choices = group.speakers.filter((p) => ballotOf.has(p)).map((p) => ballotOf.get(p)!);
    let choice: string | null = null;
    if (choices.length > 0 && choices.every((c) => c === choices[0])) choice = choices[0];
    else if (choices.length > 0) choice = options.coOwnerConflict === 'abstain' ? 'abstain' : null;
    return { area: group.area, returned: choices.length > 0, choice };
  });

  const totalArea = owners.reduce((sum, o) => sum + o.area, 0n);
  const totalHeads = owners.length;
  const sumOf = (list: typeof owners) => ({ area: list.reduce((sum, o) => sum + o.area, 0n), heads: list.length });

  if (options.silentVotes !== 'off') {
    const yes = sumOf(owners.filter((o) => o.choice === 'for'));
    const no = sumOf(owners.filter((o) => o.choice === 'against'));
    let side: string | null = null;
    if (yes.area > no.area && yes.heads > no.heads) side = 'for';
    if (no.area > yes.area && no.heads > yes.heads) side = 'against';
    const lead = side === 'for' ? yes : no;
    const guardHolds =
      options.silentVotes !== 'follow-majority-zj2009' || (lead.area * 2n > totalArea && lead.heads * 2 > totalHeads);
    if (side && guardHolds) for (const o of owners) if (!o.returned) o.choice = side;
  }

  const taking = owners.filter((o) => o.choice !== null);
  const consenting = sumOf(owners.filter((o) => o.choice === 'for'));
  const part = sumOf(taking);
  const civil = rule.preset === 'cn-civil-code-2021';
  const participationMet = civil
    ? Fraction.of(part.area, totalArea).compare(Fraction.of(2, 3)) >= 0 &&
      Fraction.of(part.heads, totalHeads).compare(Fraction.of(2, 3)) >= 0
    : Fraction.of(part.area, totalArea).compare(Fraction.of(1, 2)) > 0 &&
      Fraction.of(part.heads, totalHeads).compare(Fraction.of(1, 2)) > 0;
  if (!participationMet)
    return { passed: false, participationMet, participatingArea: part.area, participatingHeads: part.heads };

  const base = civil ? part : { area: totalArea, heads: totalHeads };
  const special = civil ? [6, 7, 8].includes(rule.item) : [5, 6, 7].includes(rule.item);
  const approves = (value: bigint | number, of: bigint | number) => {
    const ratio = Fraction.of(value, of);
    if (!special) return ratio.compare(Fraction.of(1, 2)) > 0;
    return ratio.compare(civil ? Fraction.of(3, 4) : Fraction.of(2, 3)) >= 0;
  };
  const passed = approves(consenting.area, base.area) && approves(consenting.heads, base.heads);
  return { passed, participationMet, participatingArea: part.area, participatingHeads: part.heads };
}

// ---------------------------------------------------------------------------------------------

const shuffled = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

/** The same record with units, ballots and each unit's owners in another order. */
const reordered = (document: Json) =>
  fc
    .tuple(
      shuffled(document.units as GenUnit[]).chain((units) =>
        fc.tuple(...units.map((unit) => shuffled(unit.owners).map((owners) => ({ ...unit, owners })))),
      ),
      shuffled(document.ballots as Json[]),
    )
    .map(([units, ballots]) => ({ ...document, units, ballots }));

const scaled = (document: Json, factor: bigint) => ({
  ...document,
  units: (document.units as GenUnit[]).map((unit) => ({
    ...unit,
    area: Object.fromEntries(
      Object.entries(unit.area).map(([source, text]) => {
        const centi = hundredths(text) * factor;
        return [source, `${centi / 100n}.${String(centi % 100n).padStart(2, '0')}`];
      }),
    ),
  })),
});

const verdict = (result: DecisionResult | ElectionResult) =>
  result.kind === 'decision'
    ? {
        passed: result.passed,
        participation: result.participation.met,
        approval: result.approval.met,
        choices: result.subjects.map((s) => s.choice),
      }
    : {
        participation: result.participation.met,
        elected: result.elected,
        tie: result.tie,
        alternates: result.alternates,
        unfilled: result.unfilled,
      };

describe('properties', () => {
  it('agrees with the brute-force reference', () => {
    fc.assert(
      fc.property(decisionArb, (document) => {
        const result = count(document) as DecisionResult;
        const expected = referenceDecision(document);
        expect(result.passed).toBe(expected.passed);
        expect(result.participation.met).toBe(expected.participationMet);
        expect(result.participation.heads.value).toBe(expected.participatingHeads);
        expect(hundredths(result.participation.area.value)).toBe(expected.participatingArea);
      }),
      { numRuns: 1000 },
    );
  });

  it('never depends on the order of units, owners or ballots', () => {
    fc.assert(
      fc.property(
        fc.oneof(decisionArb, electionArb).chain((document) => fc.tuple(fc.constant(document), reordered(document))),
        ([document, other]) => {
          expect(count(other)).toEqual(count(document));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not change when every area is scaled by the same whole factor', () => {
    fc.assert(
      fc.property(fc.oneof(decisionArb, electionArb), fc.integer({ min: 2, max: 10_000 }), (document, factor) => {
        expect(verdict(count(scaled(document, BigInt(factor))))).toEqual(verdict(count(document)));
      }),
      { numRuns: 300 },
    );
  });

  it('turning an against into a for never turns a pass into a fail (co-owner conflicts abstain)', () => {
    const abstainingConflicts = decisionArb.map((document): Json => {
      const rule = document.rule as { options: Json };
      return { ...document, rule: { ...rule, options: { ...rule.options, coOwnerConflict: 'abstain' } } };
    });
    fc.assert(
      fc.property(abstainingConflicts, fc.nat(), (document, pick) => {
        const ballots = document.ballots as Array<{ voter: string; choice: string }>;
        const against = ballots.map((b, index) => (b.choice === 'against' ? index : -1)).filter((index) => index >= 0);
        fc.pre(against.length > 0);
        const flipped = against[pick % against.length];
        const changed = {
          ...document,
          ballots: ballots.map((b, index) => (index === flipped ? { ...b, choice: 'for' } : b)),
        };
        const before = count(document) as DecisionResult;
        const after = count(changed) as DecisionResult;
        if (before.passed) expect(after.passed).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is not monotonic under coOwnerConflict "void", which is why the property above fixes "abstain"', () => {
    // Co-owners p and q both vote against: the unit takes part and the quorum (3/4) is met.
    // When p changes to for, the conflict voids the unit, participation drops to 2/4 and the
    // decision fails. This is the law's option working as written, not a counting error.
    const units = ['o1', 'o2', 'o3'].map((owner, index) => ({
      id: `U${index}`,
      area: { registered: '100.00' },
      owners: [owner],
    }));
    units.push({ id: 'PQ', area: { registered: '100.00' }, owners: ['p', 'q'] });
    const record = (pChoice: string) => ({
      format: 'siyi.vote-record/1',
      kind: 'decision',
      rule: { preset: 'cn-civil-code-2021', item: 4, options: { coOwnerConflict: 'void' } },
      units,
      ballots: [
        { voter: 'o1', choice: 'for' },
        { voter: 'o2', choice: 'for' },
        { voter: 'p', choice: pChoice },
        { voter: 'q', choice: 'against' },
      ],
    });
    expect((count(record('against')) as DecisionResult).passed).toBe(true);
    expect((count(record('for')) as DecisionResult).passed).toBe(false);
  });
});
