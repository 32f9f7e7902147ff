import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from './session.ts';
import { ErrorState, FullPageLoading } from './states.tsx';

/** Everything but the login page needs a session; without one, go to login and come back after. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return <Outlet />;
}
