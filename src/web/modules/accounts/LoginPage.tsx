import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { LockOutlined, MobileOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ownerLoginBody, phone as phoneRule } from '../../../contracts/accounts.ts';
import { LanguageSwitch } from '../../shell/AppHeader.tsx';
import { useAfterLogin, useMe } from '../../shell/session.ts';
import { errorMessage, FullPageLoading } from '../../shell/states.tsx';
import { DemoBanner } from '../demo/DemoBanner.tsx';
import { loginOwner, loginStaff, requestOtp, useEmbeddedMode } from './accounts.api.ts';

/** Only same-site paths are followed after login, never an absolute URL from the query string. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function StaffLoginForm({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await loginStaff(values);
      await onDone();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false} name="staff-login">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
    </Form>
  );
}

function OwnerLoginForm({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const embedded = useEmbeddedMode();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [cooldown, setCooldown] = useState(0);

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = setTimeout(() => setCooldown((c) => c - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  const sendCode = async () => {
    const { phone } = await form.validateFields(['phone']);
    setError(null);
    try {
      await requestOtp({ phone });
      setSentTo(phone);
      setCooldown(60);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const submit = async (values: { phone: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await loginOwner({ phone: values.phone, code: values.code.trim() });
      await onDone();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  // the same rules the server applies (src/contracts/accounts.ts)
  const phoneValidator = async (_: unknown, v: string) => {
    if (v && !phoneRule.safeParse(v.trim()).success) throw new Error(t('login.phoneInvalid'));
  };
  const codeValidator = async (_: unknown, v: string) => {
    if (v && !ownerLoginBody.shape.code.safeParse(v.trim()).success) throw new Error(t('login.codeInvalid'));
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="owner-login">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item name="phone" label={t('login.phone')} rules={[{ required: true, message: t('validation.required') }, { validator: phoneValidator }]}>
        <Input prefix={<MobileOutlined />} inputMode="numeric" autoComplete="tel" maxLength={11} />
      </Form.Item>
      <Form.Item label={t('login.code')} required htmlFor="owner-login_code">
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="code" noStyle rules={[{ required: true, message: t('validation.required') }, { validator: codeValidator }]}>
            <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Button onClick={sendCode} disabled={cooldown > 0} data-testid="request-code">
            {cooldown > 0 ? t('login.resendIn', { seconds: cooldown }) : t('login.requestCode')}
          </Button>
        </div>
      </Form.Item>
      {sentTo && <Alert type="success" showIcon title={t('login.codeSent', { phone: sentTo })} style={{ marginBottom: 12 }} data-testid="code-sent" />}
      {embedded.data && <Alert type="info" showIcon title={t('login.embeddedHint')} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
    </Form>
  );
}

export default function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const afterLogin = useAfterLogin();
  const next = safeNext(params.get('next'));
  const onDone = async () => {
    await afterLogin();
    navigate(next, { replace: true });
  };

  if (me.isPending) return <FullPageLoading />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <div style={{ minHeight: '100vh', boxSizing: 'border-box', background: '#f5f5f5', display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '16px 12px' }}>
      <div style={{ alignSelf: 'flex-end' }}><LanguageSwitch /></div>
      <div style={{ width: '100%', maxWidth: 400, marginTop: '6vh' }}>
        <DemoBanner />
        <Typography.Title level={3} style={{ textAlign: 'center' }}>{t('app.fullName')}</Typography.Title>
        <Card>
          <Tabs
            centered
            items={[
              { key: 'staff', label: t('login.staffTab'), children: <StaffLoginForm onDone={onDone} /> },
              { key: 'owner', label: t('login.ownerTab'), children: <OwnerLoginForm onDone={onDone} /> },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
