import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Table, Tag, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../http/client.ts';
import { formatDateTime } from '../../shell/format.ts';
import { ErrorAlert, errorMessage } from '../../shell/states.tsx';
import type { UnitDetail } from '../registry/registry.types.ts';
import { UnitSelect } from './PaperAnswers.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { registerProxy, revokeProxy, uploadDocument, useInvalidateVote, useProxies } from './voting.api.ts';
import type { ProxyView, VoteView } from './voting.types.ts';

// Proxies: staff register an owner's proxy for this vote with the uploaded written authorisation;
// the holder then logs in by phone and casts that owner's ballot. An owner who votes in person
// before the close overrides the proxy. Staff may revoke a proxy whose holder has not voted; it
// stays in the list, marked revoked with the reason, and the owner may authorise someone else.

interface ProxyValues { unitId: string; principalPersonId?: string; proxyName: string; proxyPhone: string }

function PrincipalSelect({ unitId, value, onChange }: { unitId?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: () => api<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  return (
    <Select
      allowClear
      value={value}
      onChange={onChange}
      loading={unit.isFetching}
      placeholder={t('voting.proxies.principalDefault')}
      options={(unit.data?.owners ?? []).map((o) => ({ value: o.personId, label: `${o.name}${o.isVoter ? `（${t('people.voter')}）` : ''}` }))}
      data-testid="principal-select"
    />
  );
}

/** In force, or revoked: with the reason, by whom and when. */
function ProxyStatus({ proxy }: { proxy: ProxyView }) {
  const { t } = useTranslation();
  if (!proxy.revokedAt) return <Tag color="green">{t('voting.proxies.active')}</Tag>;
  return (
    <>
      <Tag data-testid="proxy-revoked">{t('voting.proxies.revoked')}</Tag>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', maxWidth: 280, whiteSpace: 'normal' }}>
        {proxy.revokeReason}（{proxy.revokedBy}，{formatDateTime(proxy.revokedAt)}）
      </Typography.Paragraph>
    </>
  );
}

export function ProxiesTab({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateVote(vote.id);
  const proxies = useProxies(vote.id);
  const [form] = Form.useForm<ProxyValues>();
  const unitId = Form.useWatch('unitId', form);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [revoking, setRevoking] = useState<ProxyView | null>(null);

  const revoke = async (reason: string) => {
    await revokeProxy(vote.id, revoking!.id, reason);
    setRevoking(null);
    message.success(t('voting.proxies.revokedDone'));
    await invalidate();
  };

  const submit = async (v: ProxyValues) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const doc = await uploadDocument(vote.id, 'proxy_authorisation', file);
      await registerProxy(vote.id, { unitId: v.unitId, proxyName: v.proxyName, proxyPhone: v.proxyPhone, documentId: doc.id, ...(v.principalPersonId ? { principalPersonId: v.principalPersonId } : {}) });
      message.success(t('voting.proxies.registered'));
      form.resetFields();
      setFile(null);
      await invalidate();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      {vote.abilities.registerProxies && (
        <Card size="small" title={t('voting.proxies.register')}>
          <Typography.Paragraph type="secondary">{t('voting.proxies.rules')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 520 }} data-testid="proxy-form">
            <Form.Item name="unitId" label={t('voting.proxies.unit')} rules={[{ required: true, message: t('validation.required') }]}>
              <UnitSelect voteId={vote.id} />
            </Form.Item>
            <Form.Item name="principalPersonId" label={t('voting.proxies.principal')}>
              <PrincipalSelect unitId={unitId} />
            </Form.Item>
            <Form.Item name="proxyName" label={t('voting.proxies.proxyName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input maxLength={80} data-testid="proxy-name" />
            </Form.Item>
            <Form.Item name="proxyPhone" label={t('voting.proxies.proxyPhone')} rules={[{ required: true, pattern: /^1\d{10}$/, message: t('login.phoneInvalid') }]}>
              <Input inputMode="numeric" maxLength={11} data-testid="proxy-phone" />
            </Form.Item>
            <Form.Item label={t('voting.proxies.document')} required extra={t('voting.proxies.documentHint')}>
              <Upload beforeUpload={(f) => { setFile(f); return false; }} showUploadList={false} data-testid="proxy-document">
                <Button icon={<UploadOutlined />}>{t('voting.proxies.chooseFile')}</Button>
              </Upload>
              {file && <Typography.Text style={{ marginLeft: 8 }}><PaperClipOutlined /> {file.name}</Typography.Text>}
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!file} loading={busy} data-testid="proxy-submit">{t('voting.proxies.register')}</Button>
            {error !== null && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorMessage(error)} data-testid="proxy-error" />}
          </Form>
        </Card>
      )}
      <Card size="small">
        {proxies.isError && <ErrorAlert error={proxies.error} onRetry={() => void proxies.refetch()} />}
        <Table<ProxyView>
          size="small"
          rowKey="id"
          loading={proxies.isFetching}
          dataSource={proxies.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('voting.proxies.empty') }}
          data-testid="proxies-table"
          columns={[
            { title: t('voting.proxies.unit'), key: 'units', render: (_, p) => p.units.map((u) => `${u.buildingName} ${u.number}`).join('、') },
            { title: t('voting.proxies.proxyName'), dataIndex: 'proxyName' },
            { title: t('voting.proxies.proxyPhone'), dataIndex: 'proxyPhone' },
            { title: t('voting.proxies.document'), key: 'doc', render: (_, p) => <a href={`/api/votes/${vote.id}/documents/${p.documentId}`}><PaperClipOutlined /></a> },
            { title: t('voting.proxies.registeredBy'), key: 'by', render: (_, p) => <>{p.registeredBy}<br /><Typography.Text type="secondary">{formatDateTime(p.createdAt)}</Typography.Text></> },
            { title: t('voting.proxies.status'), key: 'status', render: (_, p) => <ProxyStatus proxy={p} /> },
            { title: '', key: 'action', render: (_, p) => vote.abilities.registerProxies && !p.revokedAt && (
              <Button size="small" danger onClick={() => setRevoking(p)} data-testid="proxy-revoke">{t('voting.proxies.revoke')}</Button>
            ) },
          ]}
        />
      </Card>
      {revoking && (
        <ReasonDialog
          title={`${t('voting.proxies.revoke')} · ${revoking.proxyName}（${revoking.units.map((u) => `${u.buildingName} ${u.number}`).join('、')}）`}
          hint={t('voting.proxies.revokeHint')}
          okText={t('voting.proxies.revoke')}
          onSubmit={revoke}
          onClose={() => setRevoking(null)}
        />
      )}
    </Flex>
  );
}
