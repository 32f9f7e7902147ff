// The registry shapes the pages read, inferred from the shared contracts (src/contracts/registry.ts).
// Type-only imports: the schemas themselves stay out of the browser bundle.
import type { z } from 'zod';
import type * as c from '../../../contracts/registry.ts';

export type PlacesView = c.PlacesView;
export type PlaceDistrictNode = z.infer<typeof c.placeDistrictNode>;
export type PlaceStreetNode = z.infer<typeof c.placeStreetNode>;
export type PlaceCommunityNode = z.infer<typeof c.placeCommunityNode>;

export type CommunityView = c.CommunityView;
export type CommunityList = z.infer<typeof c.communityList>;
export type CompoundSummary = z.infer<typeof c.compoundSummary>;
export type CompoundList = z.infer<typeof c.compoundList>;
export type GridList = z.infer<typeof c.gridList>;
export type GridView = z.infer<typeof c.gridView>;
export type OrganisationsView = z.infer<typeof c.organisationsView>;
export type MemberView = z.infer<typeof c.memberView>;

export type CompoundDetail = c.CompoundDetail;
export type BuildingList = z.infer<typeof c.buildingList>;
export type BuildingView = z.infer<typeof c.buildingView>;
export type UnitRow = c.UnitRow;
export type UnitList = z.infer<typeof c.unitList>;
export type OwnerRow = z.infer<typeof c.ownerRow>;
export type OwnerList = z.infer<typeof c.ownerList>;
export type ResidentRow = z.infer<typeof c.residentRow>;
export type ResidentList = z.infer<typeof c.residentList>;
export type AreasView = z.infer<typeof c.areasView>;

export type UnitDetail = c.UnitDetail;
export type MyUnitsView = z.infer<typeof c.myUnitsView>;
export type MyUnit = MyUnitsView['items'][number];
export type UnitUse = (typeof c.unitUses)[number];
