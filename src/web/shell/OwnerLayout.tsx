import { Layout, Segmented } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './AppHeader.tsx';
import { useSession } from './session.ts';

/** The owner shell: no staff navigation, one narrow column that works on a phone. */
export function OwnerLayout() {
  const me = useSession();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const section = ['/my/matters', '/my/notices', '/my/votes'].find((p) => pathname.startsWith(p)) ?? '/my/units';
  if (me.kind !== 'owner') return <Navigate to="/" replace />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout.Content style={{ padding: 12, width: '100%', maxWidth: 720, margin: '0 auto' }}>
        <Segmented
          block
          value={section}
          onChange={(path) => navigate(path)}
          options={[
            { value: '/my/units', label: t('voting.ownerNav.units') },
            { value: '/my/matters', label: t('matters.nav.myMatters') },
            { value: '/my/notices', label: t('matters.nav.myNotices') },
            { value: '/my/votes', label: t('voting.ownerNav.votes') },
          ]}
          style={{ marginBottom: 8 }}
          data-testid="owner-nav"
        />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
