import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Input, Select, Table, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { GLOBAL_CHAIN, auditKinds } from '../../../contracts/audit.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { serverPagination, useListParams } from '../../shell/listParams.ts';
import { formatDateTime } from '../../shell/format.ts';
import { can, useSession } from '../../shell/session.ts';
import { EmptyState, ErrorAlert, NotFoundPage, errorMessage } from '../../shell/states.tsx';
import { allCommunities, usePlaces } from '../registry/places.ts';
import { useAuditEvents, verifyChain, type AuditEvent, type AuditVerifyResult } from './audit.api.ts';
import { AuditEventDetail } from './AuditEventDetail.tsx';

/** uuids are long and alike at a glance: their first 8 characters tell them apart in a table */
const shortId = (id: string) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id);

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  if (result.broken.length === 0) {
    return <Alert type="success" showIcon data-testid="verify-result" title={t('audit.verifyOk', { chains: result.chains, events: result.events })} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      title={t('audit.verifyBroken', { count: result.broken.length, events: result.events })}
      description={<ul style={{ margin: 0 }}>{result.broken.map((b) => <li key={`${b.communityId}:${b.seq}`}>#{b.seq} {b.id}: {b.reason}</li>)}</ul>}
    />
  );
}

/** The hash-chained audit trail of the communities this user administers, with a chain check. */
export default function AuditPage() {
  const me = useSession();
  const { t } = useTranslation();
  const allowed = can(me, 'audit.read');
  const places = usePlaces(allowed);
  const list = useListParams('', ['communityId', 'kind', 'actor', 'from', 'to'] as const);
  const events = useAuditEvents({ ...list.filters, page: list.page, pageSize: list.pageSize }, allowed);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<{ result?: AuditVerifyResult; error?: unknown } | null>(null);
  if (!allowed) return <NotFoundPage />;

  const communityId = list.filters.communityId;
  const communityName = (id: string) => (id === GLOBAL_CHAIN ? t('audit.globalChain') : allCommunities(places.data).find((c) => c.id === id)?.name ?? id.slice(0, 8));
  // district admins also read the installation-wide chain
  const readsGlobalChain = me.kind === 'staff' && me.grants.some((g) => g.role === 'district_admin');
  const chainOptions = [
    ...(readsGlobalChain ? [{ value: GLOBAL_CHAIN, label: t('audit.globalChain') }] : []),
    ...allCommunities(places.data).map((c) => ({ value: c.id, label: c.name })),
  ];
  const verify = async () => {
    if (!communityId) return;
    setVerifying(true);
    setVerified(null);
    try {
      setVerified({ result: await verifyChain(communityId) });
    } catch (error) {
      setVerified({ error });
    } finally {
      setVerifying(false);
    }
  };
  const range = list.filters.from && list.filters.to ? [dayjs(list.filters.from), dayjs(list.filters.to)] as [dayjs.Dayjs, dayjs.Dayjs] : null;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Tooltip title={communityId ? undefined : t('audit.verifyNeedsCommunity')}>
            <Button icon={<SafetyCertificateOutlined />} onClick={verify} loading={verifying} disabled={!communityId} data-testid="verify-chain">{t('audit.verify')}</Button>
          </Tooltip>
        }
      />
      {verified?.result && <div style={{ marginBottom: 16 }}><VerifyResult result={verified.result} /></div>}
      {verified?.error !== undefined && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('audit.verifyFailed')} description={errorMessage(verified.error)} />}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.community')}
            aria-label={t('audit.community')}
            value={communityId}
            onChange={(v?: string) => { setVerified(null); list.setFilter('communityId', v); }}
            options={chainOptions}
            style={{ minWidth: 180 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.kind')}
            aria-label={t('audit.kind')}
            value={list.filters.kind}
            onChange={(v?: string) => list.setFilter('kind', v)}
            options={auditKinds.map((k) => ({ value: k, label: t(`auditKind.${k.replace('.', '_')}`, { defaultValue: k }) }))}
            style={{ minWidth: 200 }}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.actor')}
            aria-label={t('audit.actor')}
            defaultValue={list.filters.actor}
            onSearch={(v) => list.setFilter('actor', v.trim() || undefined)}
            style={{ maxWidth: 200 }}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(dates) => list.setFilters({ from: dates?.[0]?.startOf('day').toISOString(), to: dates?.[1]?.endOf('day').toISOString() })}
          />
        </Flex>
        {events.isError ? <ErrorAlert error={events.error} onRetry={() => void events.refetch()} /> : (
          <Table<AuditEvent>
            rowKey={(e) => `${e.communityId}:${e.seq}`}
            size="middle"
            loading={events.isFetching}
            dataSource={events.data?.items}
            pagination={serverPagination(list, events.data?.total)}
            locale={{ emptyText: events.isPending ? ' ' : <EmptyState description={t('audit.empty')} /> }}
            expandable={{ expandedRowRender: (e) => <AuditEventDetail event={e} /> }}
            scroll={{ x: 900 }}
            data-testid="audit-table"
            columns={[
              { title: t('audit.at'), dataIndex: 'at', render: formatDateTime, width: 180 },
              { title: t('audit.kind'), dataIndex: 'kind', render: (k: string) => t(`auditKind.${k.replace('.', '_')}`, { defaultValue: k }) },
              { title: t('audit.community'), dataIndex: 'communityId', render: communityName },
              { title: t('audit.seq'), dataIndex: 'seq', align: 'right' },
              { title: t('audit.actor'), dataIndex: 'actorLabel' },
              { title: t('audit.object'), key: 'object', render: (_, e) => <Typography.Text code>{e.objectType}:{shortId(e.objectId)}</Typography.Text> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
