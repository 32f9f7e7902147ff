import { useQuery } from '@tanstack/react-query';
import { api } from '../../http/client.ts';
import type { PlaceCommunityNode, PlaceDistrictNode, PlaceStreetNode, PlacesView } from './registry.types.ts';

/** The district → street → community tree the user may see; drives the menu and breadcrumbs. */
export function usePlaces(enabled = true) {
  return useQuery({
    queryKey: ['places'],
    queryFn: () => api<PlacesView>('/api/places'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export interface CommunityTrail {
  district?: PlaceDistrictNode;
  street?: PlaceStreetNode;
  community?: PlaceCommunityNode;
}

export function findCommunity(places: PlacesView | undefined, communityId: string | undefined): CommunityTrail {
  if (!places || !communityId) return {};
  for (const district of places.districts) {
    for (const street of district.streets) {
      const community = street.communities.find((c) => c.id === communityId);
      if (community) return { district, street, community };
    }
  }
  return {};
}

export function findStreet(places: PlacesView | undefined, streetId: string | undefined): CommunityTrail {
  if (!places || !streetId) return {};
  for (const district of places.districts) {
    const street = district.streets.find((s) => s.id === streetId);
    if (street) return { district, street };
  }
  return {};
}

export const allCommunities = (places: PlacesView | undefined) =>
  (places?.districts ?? []).flatMap((d) => d.streets.flatMap((s) => s.communities));

export const allStreets = (places: PlacesView | undefined) => (places?.districts ?? []).flatMap((d) => d.streets);
