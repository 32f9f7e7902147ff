import type { areaSources } from '../../../../contracts/registry.ts';

// Pure: how a unit's stored areas (integer 0.01 m²) cross the API. The voting module has its own
// bigint arithmetic for tallies; here areas are only shown, so plain integers suffice (a unit's
// area is far below 2^53 centi-m²).

export type AreaSource = (typeof areaSources)[number];

export interface StoredAreas {
  registered: number | null;
  surveyed: number | null;
  contract: number | null;
}

/** 8850 → "88.50"; null stays null. */
export function formatCenti(centi: number | null): string | null {
  if (centi === null || centi === undefined) return null;
  const magnitude = Math.abs(centi);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${centi < 0 ? '-' : ''}${Math.trunc(magnitude / 100)}.${fraction}`;
}

/** The area that counts for a vote: registered, else surveyed, else contract (法释〔2009〕7号 Art. 8). */
export function votingArea(areas: StoredAreas): { centi: number; source: AreaSource } | null {
  if (areas.registered !== null) return { centi: areas.registered, source: 'registered' };
  if (areas.surveyed !== null) return { centi: areas.surveyed, source: 'surveyed' };
  if (areas.contract !== null) return { centi: areas.contract, source: 'contract' };
  return null;
}

/** The areas block every unit view carries: each source as "88.50" or null, and the one that counts. */
export function areasView(areas: StoredAreas) {
  const chosen = votingArea(areas);
  return {
    areas: { registered: formatCenti(areas.registered), surveyed: formatCenti(areas.surveyed), contract: formatCenti(areas.contract) },
    votingArea: chosen ? formatCenti(chosen.centi) : null,
    votingAreaSource: chosen?.source ?? null,
  };
}

/** A community's land area in km², three decimals, for display next to the recorded m². */
export function km2(areaM2: number | null): number | null {
  return areaM2 === null ? null : Math.round(areaM2 / 1000) / 1000;
}
