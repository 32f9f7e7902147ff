import { useState } from 'react';
import { Badge, Button, Card, Flex, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { formatDateTime } from '../../shell/format.ts';
import { useListParams } from '../../shell/listParams.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { EmptyState, ErrorAlert, ErrorState, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { useCommunity, useCommunityCompounds } from '../registry/registry.api.ts';
import { MatterCardItem, StepTag, useCategoryName } from './bits.tsx';
import { CommunityNav } from './CommunityNav.tsx';
import { useBoard, useConsultationSettings, useOverdue } from './consultation.api.ts';
import { allSteps, type OverdueList } from './consultation.types.ts';
import { RaiseMatterForm } from './RaiseMatterForm.tsx';

// The community staff's board: every step a column with its count and newest cards, filtered
// by compound and category (in the URL); and the overdue list with the reason each matter is late.

function Board({ communityId, compoundId, category }: { communityId: string; compoundId?: string; category?: string }) {
  const { t } = useTranslation();
  const board = useBoard(communityId, { compoundId, category });
  if (board.isPending) return <PageLoading />;
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
  const byStep = new Map(board.data.columns.map((c) => [c.step, c]));
  return (
    <div style={{ overflowX: 'auto' }} data-testid="matter-board">
      <Flex gap={12} style={{ minWidth: 'max-content', paddingBottom: 8 }}>
        {allSteps.map((step) => {
          const column = byStep.get(step);
          return (
            <div key={step} style={{ width: 240, background: '#fafafa', borderRadius: 8, padding: 8 }} data-testid={`board-column-${step}`}>
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <StepTag step={step} />
                <Badge count={column?.total ?? 0} showZero color={column?.total ? '#1677ff' : '#d9d9d9'} />
              </Flex>
              {column?.items.map((card) => <MatterCardItem key={card.id} card={card} to={`/matters/${card.id}`} />)}
              {column && column.total > column.items.length && (
                <Link to={`/matters?communityId=${communityId}&step=${step}`}>{t('matters.board.more', { count: column.total - column.items.length })}</Link>
              )}
            </div>
          );
        })}
      </Flex>
    </div>
  );
}

function OverdueTab({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const overdue = useOverdue(communityId);
  if (overdue.isError) return <ErrorAlert error={overdue.error} onRetry={() => void overdue.refetch()} />;
  type Row = OverdueList['items'][number];
  return (
    <Table<Row>
      rowKey={(r) => r.matter.id}
      size="middle"
      loading={overdue.isPending}
      dataSource={overdue.data?.items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: overdue.isPending ? ' ' : <EmptyState description={t('matters.overdueList.empty')} /> }}
      scroll={{ x: 'max-content' }}
      data-testid="overdue-list"
      columns={[
        { title: t('matters.title'), key: 'title', render: (_, r) => <Link to={`/matters/${r.matter.id}`}>{r.matter.title}</Link> },
        { title: t('matters.stepLabel'), key: 'step', render: (_, r) => <StepTag step={r.matter.step} /> },
        { title: t('matters.compound'), key: 'compound', render: (_, r) => r.matter.compound?.name ?? t('matters.communityWide') },
        {
          title: t('matters.overdueList.reasons'), key: 'reasons',
          render: (_, r) => (
            <Flex vertical gap={2}>
              {r.reasons.map((x, i) => (
                <span key={i}><Tag color="red">{t(`matters.overdueReason.${x.kind}`)}</Tag>{x.detail}{x.since ? ` · ${t('matters.overdueList.since', { at: formatDateTime(x.since) })}` : ''}</span>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

export default function MatterBoardPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const list = useListParams('', ['compoundId', 'category']);
  const community = useCommunity(id);
  const compounds = useCommunityCompounds(id, { pageSize: 200 });
  const settings = useConsultationSettings(id);
  const category = useCategoryName(id);
  const [raising, setRaising] = useState(false);
  useMarkCommunity(id);
  const crumbs = usePlaceCrumbs({ communityId: id }, community.data ?? {}, [{ key: 'board', title: t('matters.board.title') }]);
  if (community.isPending) return <PageLoading />;
  if (community.isError) return <ErrorState error={community.error} onRetry={() => void community.refetch()} />;
  const tab = params.get('tab') ?? 'board';
  const compoundOptions = (compounds.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <>
      <PageHeader
        title={`${community.data.name} · ${t('matters.board.title')}`}
        breadcrumb={crumbs}
        extra={settings.data?.abilities.edit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="raise-matter">{t('matters.raise.button')}</Button>}
      />
      <CommunityNav communityId={id} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', key); return n; }, { replace: true })}
          destroyOnHidden
          items={[
            {
              key: 'board', label: t('matters.board.tab'),
              children: (
                <>
                  <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                    <Select allowClear placeholder={t('matters.filters.compound')} value={list.filters.compoundId} onChange={(v) => list.setFilter('compoundId', v)} options={compoundOptions} style={{ minWidth: 200 }} showSearch optionFilterProp="label" />
                    <Select allowClear placeholder={t('matters.filters.category')} value={list.filters.category} onChange={(v) => list.setFilter('category', v)} style={{ minWidth: 160 }}
                      options={settings.data?.categories.map((c) => ({ value: c.key, label: i18n.language === 'en' ? c.nameEn : c.nameZh }))} />
                    {list.filters.category && <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>{category(list.filters.category)}</Typography.Text>}
                  </Flex>
                  <Board communityId={id} compoundId={list.filters.compoundId} category={list.filters.category} />
                </>
              ),
            },
            { key: 'overdue', label: t('matters.overdueList.tab'), children: <OverdueTab communityId={id} /> },
          ]}
        />
      </Card>
      <Modal open={raising} title={t('matters.raise.heading')} footer={null} onCancel={() => setRaising(false)} destroyOnHidden width={640}>
        <RaiseMatterForm
          context={{ communityId: id, compounds: compoundOptions.map((o) => ({ id: o.value, name: o.label })), sources: ['community', 'complaint'] }}
          onRaised={(m) => { setRaising(false); navigate(`/matters/${m.id}`); }}
        />
      </Modal>
    </>
  );
}
