import { lazy, Suspense, useState } from 'react';
import { Button, Dropdown, Grid, Layout, Space, Typography, type MenuProps } from 'antd';
import { DownOutlined, GlobalOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n/index.ts';
import { can, useLogout, useSession } from './session.ts';

const ChangePasswordModal = lazy(() => import('../modules/accounts/ChangePasswordModal.tsx').then((m) => ({ default: m.ChangePasswordModal })));

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const items: MenuProps['items'] = [
    { key: 'zh-CN', label: '简体中文' },
    { key: 'en', label: 'English' },
  ];
  return (
    <Dropdown trigger={['click']} menu={{ items, selectable: true, selectedKeys: [i18n.language], onClick: ({ key }) => setLanguage(key as Language) }}>
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('shell.language')} data-testid="language-switch">
        {i18n.language === 'en' ? 'English' : '中文'}
      </Button>
    </Dropdown>
  );
}

/** Top bar shared by the staff and owner shells. */
export function AppHeader() {
  const me = useSession();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  const screens = Grid.useBreakpoint();
  const who = me.kind === 'staff' ? me.displayName : me.phoneMasked;

  const items: MenuProps['items'] = [
    ...(can(me, 'password.change') ? [{ key: 'password', icon: <LockOutlined />, label: t('shell.changePassword') }] : []),
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout') },
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 16, background: '#fff', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
        <span style={{ background: '#c8102e', color: '#fff', borderRadius: 6, padding: '0 8px', fontWeight: 600, lineHeight: '28px', whiteSpace: 'nowrap' }}>四议</span>
        {/* on a phone the logo alone; the language and account need the room */}
        {screens.sm !== false && <Typography.Text strong ellipsis style={{ maxWidth: '40vw' }}>{t('app.name')}</Typography.Text>}
      </Link>
      <div style={{ flex: 1 }} />
      <LanguageSwitch />
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']}>
        <Button type="text" data-testid="user-menu">
          <Space size={4}>
            <UserOutlined />
            <Typography.Text ellipsis style={{ maxWidth: 120 }}>{who}</Typography.Text>
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </Layout.Header>
  );
}
