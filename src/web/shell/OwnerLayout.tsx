import { Layout } from 'antd';
import { Navigate, Outlet } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { useSession } from './session.ts';

/** The owner shell: no staff navigation, one narrow column that works on a phone. */
export function OwnerLayout() {
  const me = useSession();
  if (me.kind !== 'owner') return <Navigate to="/" replace />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout.Content style={{ padding: 12, width: '100%', maxWidth: 720, margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
