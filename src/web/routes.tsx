import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './shell/RequireSession.tsx';
import { StaffLayout } from './shell/StaffLayout.tsx';
import { OwnerLayout } from './shell/OwnerLayout.tsx';
import { HomeRedirect } from './shell/HomeRedirect.tsx';
import { NotFoundPage, PageLoading } from './shell/states.tsx';

// Every page is its own chunk: a phone that only opens "my units" never loads the audit table.
const LoginPage = lazy(() => import('./modules/accounts/LoginPage.tsx'));
const MailboxPage = lazy(() => import('./modules/accounts/MailboxPage.tsx'));
const DistrictPage = lazy(() => import('./modules/registry/DistrictPage.tsx'));
const CommunitiesPage = lazy(() => import('./modules/registry/CommunitiesPage.tsx'));
const CommunityPage = lazy(() => import('./modules/registry/CommunityPage.tsx'));
const CompoundPage = lazy(() => import('./modules/registry/CompoundPage.tsx'));
const UnitPage = lazy(() => import('./modules/registry/UnitPage.tsx'));
const MyUnitsPage = lazy(() => import('./modules/registry/MyUnitsPage.tsx'));
const RosterImportPage = lazy(() => import('./modules/roster/RosterImportPage.tsx'));
const AuditPage = lazy(() => import('./modules/audit/AuditPage.tsx'));

/** A lazy page with a skeleton while its chunk loads; the layout around it stays put. */
const page = (Page: ComponentType) => (
  <Suspense fallback={<PageLoading />}>
    <Page />
  </Suspense>
);

export const router = createBrowserRouter([
  { path: '/login', element: page(LoginPage) },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        element: <StaffLayout />,
        children: [
          { path: 'districts/:id', element: page(DistrictPage) },
          { path: 'streets/:streetId', element: page(CommunitiesPage) },
          { path: 'communities', element: page(CommunitiesPage) },
          { path: 'communities/:id', element: page(CommunityPage) },
          { path: 'compounds/:id', element: page(CompoundPage) },
          { path: 'compounds/:id/roster', element: page(RosterImportPage) },
          { path: 'units/:id', element: page(UnitPage) },
          { path: 'audit', element: page(AuditPage) },
          { path: 'dev/mailbox', element: page(MailboxPage) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { element: <OwnerLayout />, children: [{ path: 'my/units', element: page(MyUnitsPage) }] },
    ],
  },
]);
