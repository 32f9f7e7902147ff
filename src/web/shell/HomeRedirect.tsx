import { Navigate } from 'react-router';
import { allCommunities, usePlaces } from '../modules/registry/places.ts';
import { useSession } from './session.ts';
import { ErrorState, FullPageLoading } from './states.tsx';

/**
 * Where "/" leads: owners to their units; staff to the highest place they oversee (their
 * district, their street, their one community, or their first compound), else the communities list.
 */
export function HomeRedirect() {
  const me = useSession();
  const places = usePlaces(me.kind === 'staff');
  if (me.kind === 'owner') return <Navigate to="/my/units" replace />;
  if (places.isPending) return <FullPageLoading />;
  if (places.isError) return <ErrorState error={places.error} onRetry={() => void places.refetch()} />;
  const { districts } = places.data;
  const streets = districts.flatMap((d) => d.streets);
  const communities = allCommunities(places.data);
  const readable = communities.filter((c) => c.abilities.read);
  const compounds = communities.flatMap((c) => (c.abilities.read ? [] : c.compounds));
  if (districts.length === 1 && districts[0].abilities.oversee) return <Navigate to={`/districts/${districts[0].id}`} replace />;
  const overseen = streets.filter((s) => s.abilities.oversee);
  if (overseen.length === 1 && readable.length > 1) return <Navigate to={`/streets/${overseen[0].id}`} replace />;
  if (readable.length === 1) return <Navigate to={`/communities/${readable[0].id}`} replace />;
  // owners' committee, property and grid staff work on compounds
  if (readable.length === 0 && compounds.length > 0) return <Navigate to={`/compounds/${compounds[0].id}`} replace />;
  return <Navigate to="/communities" replace />;
}
