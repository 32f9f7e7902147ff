import { COMMUNITY_NAMES, DISTRICT_NAME, STREET_NAMES, companyName, creditCode, roadAddress } from './names.ts';
import { Rng, demoUuid, spread } from './random.ts';

// The shape of the demo district, decided before any row is generated: how many streets,
// communities and grids, and each community's targets. The full profile follows the reference
// district in product.md (50 communities of about 2,500 households, 312 grids, 573 Party
// organisations, 2,783 Party members); the small one is for tests and trials.

export type DemoSize = 'full' | 'small';
export const DEFAULT_SEED = 1;

export interface DemoProfile {
  streets: number;
  communities: number;
  grids: number;
  /** community Party organisations + grid branches + Party groups */
  partyOrganisations: number;
  partyMembers: number;
  /** residential units (households) per community, and per compound */
  residentialPerCommunity: [number, number];
  residentialPerCompound: [number, number];
  companies: number;
  populationRecorded: [number, number];
  areaM2: [number, number];
  socialWorkers: [number, number];
}

export const profiles: Record<DemoSize, DemoProfile> = {
  full: {
    streets: 3,
    communities: 50,
    grids: 312,
    partyOrganisations: 573,
    partyMembers: 2783,
    residentialPerCommunity: [2150, 2550],
    residentialPerCompound: [300, 1500],
    companies: 8,
    populationRecorded: [8000, 10000],
    areaM2: [600_000, 1_950_000],
    socialWorkers: [4, 6],
  },
  small: {
    streets: 1,
    communities: 3,
    grids: 8,
    partyOrganisations: 15,
    partyMembers: 66,
    residentialPerCommunity: [350, 650],
    residentialPerCompound: [100, 300],
    companies: 3,
    populationRecorded: [1200, 2000],
    areaM2: [150_000, 500_000],
    socialWorkers: [2, 4],
  },
};

export interface CommunityPlan {
  /** 1-based, as in "community 1" of the demo accounts */
  index: number;
  id: string;
  code: string;
  name: string;
  streetId: string;
  districtId: string;
  address: string;
  grids: number;
  partyGroups: number;
  partyMembers: number;
  residentialTarget: number;
  areaM2: number;
  populationRecorded: number;
  socialWorkersRecorded: number;
}

export interface DistrictPlan {
  seed: number;
  size: DemoSize;
  profile: DemoProfile;
  district: { id: string; code: string; name: string };
  streets: { id: string; code: string; name: string }[];
  companies: { id: string; creditCode: string; name: string }[];
  communities: CommunityPlan[];
}

/** The district's code records the demo's size and seed, so an interrupted load can resume. */
export const demoDistrictCode = (size: DemoSize, seed: number) => `demo-${size}-${seed}`;

export function parseDemoDistrictCode(code: string): { size: DemoSize; seed: number } | null {
  const m = /^demo-(full|small)-(\d+)$/.exec(code);
  return m ? { size: m[1] as DemoSize, seed: Number(m[2]) } : null;
}

export function planDistrict(size: DemoSize, seed: number): DistrictPlan {
  const profile = profiles[size];
  const rng = Rng.for(seed, `${size}/district`);
  const districtId = demoUuid(seed, `${size}/district`);
  const streets = STREET_NAMES.slice(0, profile.streets).map((name, i) => ({
    id: demoUuid(seed, `${size}/street/${i + 1}`),
    code: `JD${String(i + 1).padStart(2, '0')}`,
    name,
  }));
  const companies = Array.from({ length: profile.companies }, (_, i) => ({
    id: demoUuid(seed, `${size}/company/${i + 1}`),
    creditCode: creditCode(rng),
    name: companyName(i),
  }));
  const n = profile.communities;
  const grids = spread(profile.grids, n, rng);
  const partyGroups = spread(profile.partyOrganisations - n - profile.grids, n, rng);
  const partyMembers = spread(profile.partyMembers, n, rng);
  const communities = Array.from({ length: n }, (_, i): CommunityPlan => ({
    index: i + 1,
    id: demoUuid(seed, `${size}/c${i + 1}`),
    code: `SQ${String(i + 1).padStart(2, '0')}`,
    name: COMMUNITY_NAMES[i],
    // communities are numbered street by street: 17, 17 and 16 of the full demo's 50
    streetId: streets[Math.floor((i * streets.length) / n)].id,
    districtId,
    address: `${DISTRICT_NAME}${roadAddress(rng)}`,
    grids: grids[i],
    partyGroups: partyGroups[i],
    partyMembers: partyMembers[i],
    residentialTarget: rng.int(...profile.residentialPerCommunity),
    areaM2: Math.round(rng.int(...profile.areaM2) / 100) * 100,
    populationRecorded: Math.round(rng.int(...profile.populationRecorded) / 10) * 10,
    socialWorkersRecorded: rng.int(...profile.socialWorkers),
  }));
  return {
    seed,
    size,
    profile,
    district: { id: districtId, code: demoDistrictCode(size, seed), name: DISTRICT_NAME },
    streets,
    companies,
    communities,
  };
}
