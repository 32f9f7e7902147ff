// The registry's public face: other modules import only from here.
export * as registryScope from './registry.scope.ts';
export { registryRoutes } from './registry.routes.ts';
export * as registryPolicy from './registry.policy.ts';
export type { CompoundRef, UnitRef } from './registry.policy.ts';
export { readableCompound, readableUnit } from './registry.access.ts';
export { findCompoundRef, findUnitRef } from './repo/refs.ts';
export { communityFigures } from './registry.stats.ts';
export { createDistrict } from './commands/create-district.ts';
export { createStreet } from './commands/create-street.ts';
export { createCommunity } from './commands/create-community.ts';
export { createCompound } from './commands/create-compound.ts';
export { recordCommunityFigures } from './commands/record-community-figures.ts';
export { changeOwnership } from './commands/change-ownership.ts';
export { formatCenti, votingArea } from './domain/areas.ts';
export { todayInChina } from './domain/today.ts';
export { importRoster, exportRoster, rosterFileName, findCompoundByIdOrCode, idNumberHash, idNumberHasher, type ImportProgress } from './roster/index.ts';
export { placesByIds, type GrantPlace, type PlaceKind } from './registry.places.ts';
export { communityBodies, ownersCommittees, propertyContractsOf } from './repo/organisations.ts';
export {
  compoundSummary, placeNames, communityNames, communityOnStreetSql, hasCurrentOwnersCommittee,
  unitsWithCurrentOwners, unitOfCompound, personOfCommunity, ownsUnitInCommunity, unitsOwnedInCompound, compoundsOwnedBy,
  type CompoundSummary, type PlaceNames, type UnitWithOwners,
} from './registry.lookups.ts';
