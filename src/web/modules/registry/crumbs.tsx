import type { BreadcrumbProps } from 'antd';
import { Link } from 'react-router';
import { findCommunity, findStreet, usePlaces } from './places.ts';

type Crumb = NonNullable<BreadcrumbProps['items']>[number];
interface Named { id: string; name: string }

/**
 * district → street → community → … breadcrumbs. Names come from the places tree; a page that
 * knows them itself (the community view carries its street and district) passes them as fallback.
 */
export function usePlaceCrumbs(at: { communityId?: string; streetId?: string; districtId?: string }, fallback: { district?: Named; street?: Named; community?: Named } = {}, tail: Crumb[] = []): Crumb[] {
  const places = usePlaces();
  const trail = at.communityId ? findCommunity(places.data, at.communityId) : findStreet(places.data, at.streetId);
  const district = trail.district ?? places.data?.districts.find((d) => d.id === at.districtId) ?? fallback.district;
  const street = trail.street ?? fallback.street;
  const community = trail.community ?? fallback.community;
  const crumbs: Crumb[] = [];
  if (district) crumbs.push({ key: 'district', title: <Link to={`/districts/${district.id}`}>{district.name}</Link> });
  if (street) crumbs.push({ key: 'street', title: <Link to={`/streets/${street.id}`}>{street.name}</Link> });
  // a community reached only through one of its compounds is named, not linked: its page would be "not found"
  const readable = !trail.community || trail.community.abilities.read;
  if (community) crumbs.push({ key: 'community', title: readable ? <Link to={`/communities/${community.id}`}>{community.name}</Link> : community.name });
  return [...crumbs, ...tail];
}
