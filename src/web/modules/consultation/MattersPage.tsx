import { Card, Col, Flex, Input, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../http/client.ts';
import { formatDateTime } from '../../shell/format.ts';
import { serverPagination, useListParams } from '../../shell/listParams.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { EmptyState, ErrorAlert } from '../../shell/states.tsx';
import { allCommunities, allStreets, usePlaces } from '../registry/places.ts';
import { StepTag } from './bits.tsx';
import { useMatters, useMatterSummary } from './consultation.api.ts';
import { allSteps, type MatterCard, type MatterStep, type MatterSummaryView } from './consultation.types.ts';

// The street and district view: matters across the communities this person reads, by step, age
// and overdue state (filters and page in the URL), with the summary for those who oversee
// communities: counts and overdue per step, the median days per step, and the communities without
// a joint meeting in the last four weeks.

const filterKeys = ['streetId', 'communityId', 'step', 'category', 'urgency', 'overdue', 'minAgeDays', 'maxAgeDays', 'sort'] as const;
const defaultCategoryKeys = ['repairs_facilities', 'fees_funds', 'property_services', 'environment_sanitation', 'parking_traffic', 'safety', 'neighbour_disputes', 'other'];

function Summary({ summary }: { summary: MatterSummaryView }) {
  const { t } = useTranslation();
  const medians = new Map(summary.medianDaysPerStep.map((m) => [m.step, m]));
  const rows = summary.byStep.map((s) => ({ ...s, median: medians.get(s.step) }));
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={15}>
        <Card size="small" title={t('matters.summary.byStep', { count: summary.communities })}>
          <Table
            rowKey="step"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="summary-by-step"
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('matters.stepLabel'), dataIndex: 'step', render: (s: MatterStep) => <StepTag step={s} /> },
              { title: t('matters.summary.total'), dataIndex: 'total', align: 'right' },
              { title: t('matters.summary.overdue'), dataIndex: 'overdue', align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
              {
                title: t('matters.summary.median'), key: 'median', align: 'right',
                render: (_, r) => (r.median ? (r.median.medianDays === null ? '—' : t('matters.summary.medianDays', { days: r.median.medianDays.toFixed(1), samples: r.median.samples })) : ''),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title={t('matters.summary.quiet')} data-testid="quiet-communities">
          {summary.withoutJointMeeting.length === 0 && <EmptyState description={t('matters.summary.quietNone')} />}
          <Flex vertical gap={4}>
            {summary.withoutJointMeeting.map((c) => (
              <Flex key={c.community.id} justify="space-between" gap={8}>
                <Link to={`/communities/${c.community.id}/meetings`}>{c.community.name}</Link>
                <Typography.Text type="secondary">{c.lastJointMeetingAt ? t('matters.summary.lastMeeting', { at: formatDateTime(c.lastJointMeetingAt) }) : t('matters.summary.never')}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

export default function MattersPage() {
  const { t } = useTranslation();
  const list = useListParams('', filterKeys);
  const f = list.filters;
  const places = usePlaces();
  const streets = allStreets(places.data).filter((s) => s.abilities.oversee);
  const communities = allCommunities(places.data).filter((c) => !f.streetId || streets.find((s) => s.id === f.streetId)?.communities.some((x) => x.id === c.id));
  const query = { ...f, page: list.page, pageSize: list.pageSize };
  const matters = useMatters(query);
  const summary = useMatterSummary({ streetId: f.streetId, communityId: f.communityId });
  const summaryForbidden = summary.error instanceof ApiError && summary.error.status === 403;
  const set = (key: (typeof filterKeys)[number] | 'q') => (v: string | number | null | undefined) => list.setFilter(key, v === null || v === undefined || v === '' ? undefined : String(v));

  return (
    <>
      <PageHeader title={t('matters.overview.title')} subtitle={t('matters.overview.subtitle')} />
      {summary.data && <Summary summary={summary.data} />}
      {summary.isError && !summaryForbidden && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="matter-filters">
          <Input.Search allowClear placeholder={t('matters.filters.search')} defaultValue={f.q} onSearch={(v) => set('q')(v.trim())} style={{ width: 220 }} />
          {streets.length > 1 && <Select allowClear placeholder={t('matters.filters.street')} value={f.streetId} onChange={set('streetId')} options={streets.map((s) => ({ value: s.id, label: s.name }))} style={{ minWidth: 140 }} />}
          {communities.length > 1 && (
            <Select allowClear showSearch optionFilterProp="label" placeholder={t('matters.filters.community')} value={f.communityId} onChange={set('communityId')}
              options={communities.map((c) => ({ value: c.id, label: c.name }))} style={{ minWidth: 160 }} data-testid="filter-community" />
          )}
          <Select allowClear placeholder={t('matters.filters.step')} value={f.step} onChange={set('step')} options={allSteps.map((s) => ({ value: s, label: t(`matters.step.${s}`) }))} style={{ minWidth: 130 }} data-testid="filter-step" />
          <Select allowClear placeholder={t('matters.filters.category')} value={f.category} onChange={set('category')} options={defaultCategoryKeys.map((k) => ({ value: k, label: t(`matters.categoryDefaults.${k}`) }))} style={{ minWidth: 140 }} />
          <Select allowClear placeholder={t('matters.filters.urgency')} value={f.urgency} onChange={set('urgency')} options={(['routine', 'urgent'] as const).map((u) => ({ value: u, label: t(`matters.urgency.${u}`) }))} style={{ minWidth: 110 }} />
          <Select allowClear placeholder={t('matters.filters.overdue')} value={f.overdue} onChange={set('overdue')} options={[{ value: 'true', label: t('matters.filters.overdueOnly') }, { value: 'false', label: t('matters.filters.onTime') }]} style={{ minWidth: 120 }} data-testid="filter-overdue" />
          <InputNumber min={0} placeholder={t('matters.filters.minAge')} value={f.minAgeDays ? Number(f.minAgeDays) : null} onChange={set('minAgeDays')} style={{ width: 130 }} />
          <InputNumber min={0} placeholder={t('matters.filters.maxAge')} value={f.maxAgeDays ? Number(f.maxAgeDays) : null} onChange={set('maxAgeDays')} style={{ width: 130 }} />
          <Select value={f.sort ?? 'newest'} onChange={set('sort')} options={(['newest', 'oldest', 'due'] as const).map((s) => ({ value: s, label: t(`matters.sort.${s}`) }))} style={{ minWidth: 120 }} />
        </Flex>
        {matters.isError && <ErrorAlert error={matters.error} onRetry={() => void matters.refetch()} />}
        <Table<MatterCard>
          rowKey="id"
          size="middle"
          loading={matters.isFetching}
          dataSource={matters.data?.items}
          pagination={serverPagination(list, matters.data?.total)}
          locale={{ emptyText: matters.isPending ? ' ' : <EmptyState description={t('matters.overview.empty')} /> }}
          scroll={{ x: 'max-content' }}
          data-testid="matters-table"
          columns={[
            { title: t('matters.title'), dataIndex: 'title', render: (title: string, m) => <Link to={`/matters/${m.id}`}>{title}</Link> },
            { title: t('matters.community'), key: 'community', render: (_, m) => <Link to={`/communities/${m.community.id}/matters`}>{m.community.name}</Link> },
            { title: t('matters.compound'), key: 'compound', render: (_, m) => m.compound?.name ?? t('matters.communityWide') },
            { title: t('matters.stepLabel'), dataIndex: 'step', render: (s: MatterStep) => <StepTag step={s} /> },
            { title: t('matters.category'), dataIndex: 'category', render: (k: string) => t(`matters.categoryDefaults.${k}`, { defaultValue: k }) },
            { title: t('matters.age'), dataIndex: 'ageDays', align: 'right', render: (n: number) => t('matters.days', { count: n }) },
            { title: t('matters.inStep'), dataIndex: 'daysInStep', align: 'right', render: (n: number) => t('matters.days', { count: n }) },
            { title: t('matters.dueLabel'), dataIndex: 'stepDueAt', render: (d: string | null, m) => <>{formatDateTime(d)} {m.overdue && <Tag color="red">{t('matters.overdue')}</Tag>}</> },
          ]}
        />
      </Card>
    </>
  );
}
