import { useEffect, useMemo, useState } from 'react';
import { Layout, Menu, type MenuProps } from 'antd';
import { AuditOutlined, ApartmentOutlined, CheckSquareOutlined, MailOutlined, NotificationOutlined, ProfileOutlined, TableOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { findCommunity, usePlaces } from '../modules/registry/places.ts';
import type { PlacesView } from '../modules/registry/registry.types.ts';
import { DemoBanner } from '../modules/demo/DemoBanner.tsx';
import { AppHeader } from './AppHeader.tsx';
import { can, useSession } from './session.ts';
import { ErrorAlert } from './states.tsx';
import { CurrentCommunityContext } from './currentCommunity.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** Menu keys are paths, so the selected item follows the URL. */
function placeItems(places: PlacesView): MenuItem[] {
  return places.districts.map((district) => ({
    key: `/districts/${district.id}`,
    icon: <ApartmentOutlined />,
    label: <Link to={`/districts/${district.id}`}>{district.name}</Link>,
    children: district.streets.map((street) => ({
      key: `/streets/${street.id}`,
      label: <Link to={`/streets/${street.id}`}>{street.name}</Link>,
      children: street.communities.map((community) =>
        // staff of one compound (owners' committee, property, grid) reach compounds, not the community page
        community.abilities.read
          ? { key: `/communities/${community.id}`, label: <Link to={`/communities/${community.id}`}>{community.name}</Link> }
          : {
              key: `/communities/${community.id}`,
              label: community.name,
              children: community.compounds.map((compound) => ({
                key: `/compounds/${compound.id}`,
                label: <Link to={`/compounds/${compound.id}`}>{compound.name}</Link>,
              })),
            },
      ),
    })),
  }));
}

/** The staff shell: places menu on the left, header with language and account, page on the right. */
export function StaffLayout() {
  const me = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  const places = usePlaces(me.kind === 'staff');
  const [collapsed, setCollapsed] = useState(false);
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  const [markedCommunity, setMarkedCommunity] = useState<string | undefined>();

  const pathKey = '/' + location.pathname.split('/').filter(Boolean).slice(0, 2).join('/');
  const communityId = markedCommunity ?? (pathKey.startsWith('/communities/') ? pathKey.split('/')[2] : undefined);
  const selected = markedCommunity ? [pathKey, `/communities/${markedCommunity}`] : [pathKey];
  const defaultOpen = useMemo(() => {
    const trail = findCommunity(places.data, communityId);
    const open = trail.district ? [`/districts/${trail.district.id}`, `/streets/${trail.street!.id}`] : [];
    // a community the user only reaches through its compounds is a submenu of those compounds
    if (trail.community && !trail.community.abilities.read) open.push(`/communities/${trail.community.id}`);
    // a single district is always open: it is the whole world of this user
    if (places.data?.districts.length === 1) open.push(`/districts/${places.data.districts[0].id}`);
    return open;
  }, [places.data, communityId]);
  // the trail to the current page opens itself; what the user opened by hand stays open
  useEffect(() => setOpenKeys((keys) => [...new Set([...keys, ...defaultOpen])]), [defaultOpen]);

  if (me.kind === 'owner') return <Navigate to="/my/units" replace />;

  const items: MenuItem[] = [
    { key: '/communities', icon: <TableOutlined />, label: <Link to="/communities">{t('nav.communities')}</Link> },
    ...(places.data ? placeItems(places.data) : []),
    can(me, 'registry.browse') && { key: '/matters', icon: <ProfileOutlined />, label: <Link to="/matters">{t('matters.nav.matters')}</Link> },
    can(me, 'registry.browse') && { key: '/meetings', icon: <TeamOutlined />, label: <Link to="/meetings">{t('matters.nav.meetings')}</Link> },
    can(me, 'registry.browse') && { key: '/notices', icon: <NotificationOutlined />, label: <Link to="/notices">{t('matters.nav.notices')}</Link> },
    can(me, 'registry.browse') && { key: '/votes', icon: <CheckSquareOutlined />, label: <Link to="/votes">{t('voting.nav')}</Link> },
    can(me, 'audit.read') && { key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('nav.audit')}</Link> },
    can(me, 'mailbox.read') && { key: '/dev/mailbox', icon: <MailOutlined />, label: <Link to="/dev/mailbox">{t('nav.mailbox')}</Link> },
  ].filter(Boolean) as MenuItem[];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout>
        <Layout.Sider
          width={240}
          theme="light"
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderRight: '1px solid rgba(5,5,5,0.06)' }}
        >
          {places.isError && <div style={{ padding: 8 }}><ErrorAlert error={places.error} onRetry={() => void places.refetch()} /></div>}
          <Menu
            mode="inline"
            aria-label={t('nav.places')}
            selectedKeys={selected}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            items={items}
            style={{ borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: '16px 24px', minWidth: 0 }}>
          <DemoBanner />
          <CurrentCommunityContext.Provider value={setMarkedCommunity}>
            <Outlet />
          </CurrentCommunityContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
