import { Card, Descriptions, Input, Table, Tabs } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { serverPagination, useListParams } from '../../shell/listParams.ts';
import { formatNumber } from '../../shell/format.ts';
import { EmptyState, ErrorAlert, ErrorState, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from './crumbs.tsx';
import { CommunityFigures } from './CommunityFigures.tsx';
import { OrganisationsPanel } from './OrganisationsPanel.tsx';
import { useCommunity, useCommunityCompounds, useGrids } from './registry.api.ts';
import type { CompoundSummary, GridView } from './registry.types.ts';

function CompoundsTab({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const list = useListParams('compounds');
  const compounds = useCommunityCompounds(communityId, { q: list.filters.q, page: list.page, pageSize: list.pageSize });
  if (compounds.isError) return <ErrorAlert error={compounds.error} onRetry={() => void compounds.refetch()} />;
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('compounds.search')}
        aria-label={t('compounds.search')}
        defaultValue={list.filters.q}
        onSearch={(v) => list.setFilter('q', v.trim() || undefined)}
        style={{ maxWidth: 280, marginBottom: 16 }}
      />
      <Table<CompoundSummary>
        rowKey="id"
        size="middle"
        loading={compounds.isFetching}
        dataSource={compounds.data?.items}
        pagination={serverPagination(list, compounds.data?.total)}
        locale={{ emptyText: compounds.isPending ? ' ' : <EmptyState description={t('compounds.empty')} /> }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('compounds.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/compounds/${c.id}`}>{name}</Link> },
          { title: t('compounds.code'), dataIndex: 'code' },
          { title: t('compounds.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
          { title: t('figures.buildings'), dataIndex: 'buildings', align: 'right', render: formatNumber },
          { title: t('figures.units'), dataIndex: 'units', align: 'right', render: formatNumber },
          { title: t('compounds.propertyCompany'), key: 'company', render: (_, c) => c.propertyCompany?.name ?? '—' },
        ]}
      />
    </>
  );
}

function GridsTab({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const grids = useGrids(communityId);
  if (grids.isError) return <ErrorAlert error={grids.error} onRetry={() => void grids.refetch()} />;
  return (
    <Table<GridView>
      rowKey="id"
      size="middle"
      loading={grids.isPending}
      dataSource={grids.data?.items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: grids.isPending ? ' ' : <EmptyState description={t('grids.empty')} /> }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('grids.name'), dataIndex: 'name' },
        { title: t('grids.code'), dataIndex: 'code' },
        { title: t('grids.worker'), key: 'worker', render: (_, g) => g.worker?.name ?? <span style={{ color: '#cf1322' }}>{t('grids.noWorker')}</span> },
        { title: t('grids.branch'), key: 'branch', render: (_, g) => g.branch?.name ?? '—' },
        { title: t('figures.buildings'), dataIndex: 'buildings', align: 'right', render: formatNumber },
      ]}
    />
  );
}

/** One community: its figures, compounds, grids and the organisations that govern it. */
export default function CommunityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const community = useCommunity(id);
  const crumbs = usePlaceCrumbs({ communityId: id }, community.data ?? {});
  if (community.isPending) return <PageLoading />;
  if (community.isError) return <ErrorState error={community.error} onRetry={() => void community.refetch()} />;
  const c = community.data;
  const tab = params.get('tab') ?? 'compounds';

  return (
    <>
      <PageHeader title={c.name} breadcrumb={crumbs} />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }} items={[
        { key: 'code', label: t('communities.code'), children: c.code },
        { key: 'street', label: t('nav.street'), children: c.street.name },
        { key: 'address', label: t('compounds.address'), children: c.address ?? '—' },
      ]} />
      <CommunityFigures community={c} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', key); return n; }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'compounds', label: t('community.compounds'), children: <CompoundsTab communityId={id} /> },
            { key: 'grids', label: t('community.grids'), children: <GridsTab communityId={id} /> },
            { key: 'organisations', label: t('community.organisations'), children: <OrganisationsPanel communityId={id} /> },
          ]}
        />
      </Card>
    </>
  );
}
