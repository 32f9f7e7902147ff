import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../../shell/states.tsx';

// The routes of the four-deliberation procedure (consultation, meetings, notices), gathered here
// so src/web/routes.tsx only spreads them into its layouts. Every page is its own chunk.

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const MattersPage = lazy(() => import('./MattersPage.tsx'));
const MatterPage = lazy(() => import('./MatterPage.tsx'));
const MatterBoardPage = lazy(() => import('./MatterBoardPage.tsx'));
const CommunitySettingsPage = lazy(() => import('./CommunitySettingsPage.tsx'));
const MyMattersPage = named(() => import('./OwnerMatterPages.tsx'), 'MyMattersPage');
const RaiseMyMatterPage = named(() => import('./OwnerMatterPages.tsx'), 'RaiseMyMatterPage');
const OwnerMatterPage = lazy(() => import('./OwnerMatterPage.tsx'));
const MeetingsLanding = named(() => import('./CommunityLanding.tsx'), 'MeetingsLanding');
const NoticesLanding = named(() => import('./CommunityLanding.tsx'), 'NoticesLanding');
const MeetingCalendarPage = lazy(() => import('../meetings/MeetingCalendarPage.tsx'));
const MeetingPage = lazy(() => import('../meetings/MeetingPage.tsx'));
const MinutesPrintPage = lazy(() => import('../meetings/MinutesPrintPage.tsx'));
const NoticesPage = lazy(() => import('../notices/NoticesPage.tsx'));
const NoticePage = lazy(() => import('../notices/NoticePage.tsx'));
const PublicNoticePage = named(() => import('../notices/PublicNoticePages.tsx'), 'PublicNoticePage');
const NoticePrintPage = named(() => import('../notices/PublicNoticePages.tsx'), 'NoticePrintPage');
const MyNoticesPage = named(() => import('../notices/OwnerNoticePages.tsx'), 'MyNoticesPage');
const OwnerNoticePage = named(() => import('../notices/OwnerNoticePages.tsx'), 'OwnerNoticePage');

const page = (Page: ComponentType) => (
  <Suspense fallback={<PageLoading />}>
    <Page />
  </Suspense>
);

/** Without login: the notice page the printed QR code leads to, and the printable sheet. */
export const procedurePublicRoutes: RouteObject[] = [
  { path: '/public/notices/:id', element: page(PublicNoticePage) },
  { path: '/public/notices/:id/print', element: page(NoticePrintPage) },
];

/** Logged in, without the staff frame: the printed minutes. */
export const procedurePrintRoutes: RouteObject[] = [
  { path: 'meetings/:id/minutes/print', element: page(MinutesPrintPage) },
];

export const procedureStaffRoutes: RouteObject[] = [
  { path: 'matters', element: page(MattersPage) },
  { path: 'matters/:id', element: page(MatterPage) },
  { path: 'communities/:id/matters', element: page(MatterBoardPage) },
  { path: 'communities/:id/meetings', element: page(MeetingCalendarPage) },
  { path: 'communities/:id/notices', element: page(NoticesPage) },
  { path: 'communities/:id/settings', element: page(CommunitySettingsPage) },
  { path: 'meetings', element: page(MeetingsLanding) },
  { path: 'meetings/:id', element: page(MeetingPage) },
  { path: 'notices', element: page(NoticesLanding) },
  { path: 'notices/:id', element: page(NoticePage) },
];

export const procedureOwnerRoutes: RouteObject[] = [
  { path: 'my/matters', element: page(MyMattersPage) },
  { path: 'my/matters/new', element: page(RaiseMyMatterPage) },
  { path: 'my/matters/:id', element: page(OwnerMatterPage) },
  { path: 'my/notices', element: page(MyNoticesPage) },
  { path: 'my/notices/:id', element: page(OwnerNoticePage) },
];
