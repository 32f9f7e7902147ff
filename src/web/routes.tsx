import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './shell/RequireSession.tsx';
import { StaffLayout } from './shell/StaffLayout.tsx';
import { OwnerLayout } from './shell/OwnerLayout.tsx';
import { HomeRedirect } from './shell/HomeRedirect.tsx';
import { NotFoundPage, PageLoading } from './shell/states.tsx';
import { procedureOwnerRoutes, procedurePrintRoutes, procedurePublicRoutes, procedureStaffRoutes } from './modules/consultation/procedure.routes.tsx';

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
const VotesPage = lazy(() => import('./modules/voting/VotesPage.tsx'));
const VoteFormPage = lazy(() => import('./modules/voting/VoteFormPage.tsx'));
const VotePage = lazy(() => import('./modules/voting/VotePage.tsx'));
const MyVotesPage = lazy(() => import('./modules/voting/MyVotesPage.tsx'));
const OwnerVotePage = lazy(() => import('./modules/voting/OwnerVotePage.tsx'));
const PublicVotePage = lazy(() => import('./modules/voting/PublicVotePage.tsx'));

/** A lazy page with a skeleton while its chunk loads; the layout around it stays put. */
const page = (Page: ComponentType) => (
  <Suspense fallback={<PageLoading />}>
    <Page />
  </Suspense>
);

export const router = createBrowserRouter([
  { path: '/login', element: page(LoginPage) },
  // the printed notice's QR code leads here: readable without login
  { path: '/public/votes/:id', element: page(PublicVotePage) },
  ...procedurePublicRoutes,
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...procedurePrintRoutes,
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
          { path: 'votes', element: page(VotesPage) },
          { path: 'votes/new', element: page(VoteFormPage) },
          { path: 'votes/:id', element: page(VotePage) },
          { path: 'votes/:id/edit', element: page(VoteFormPage) },
          ...procedureStaffRoutes,
          { path: 'audit', element: page(AuditPage) },
          { path: 'dev/mailbox', element: page(MailboxPage) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        element: <OwnerLayout />,
        children: [
          { path: 'my/units', element: page(MyUnitsPage) },
          { path: 'my/votes', element: page(MyVotesPage) },
          { path: 'my/votes/:id', element: page(OwnerVotePage) },
          ...procedureOwnerRoutes,
        ],
      },
    ],
  },
]);
