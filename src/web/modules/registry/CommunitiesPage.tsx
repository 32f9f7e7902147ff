import { Card, Flex, Input, Select, Table } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { serverPagination, useListParams } from '../../shell/listParams.ts';
import { formatNumber } from '../../shell/format.ts';
import { EmptyState, ErrorAlert } from '../../shell/states.tsx';
import { allStreets, findStreet, usePlaces } from './places.ts';
import { usePlaceCrumbs } from './crumbs.tsx';
import { useCommunities } from './registry.api.ts';
import type { CommunityView } from './registry.types.ts';

/** All communities the user sees, or one street's (at /streets/:streetId), with their figures. */
export default function CommunitiesPage() {
  const { t } = useTranslation();
  const { streetId: fixedStreet } = useParams();
  const list = useListParams('', ['streetId'] as const);
  const streetId = fixedStreet ?? list.filters.streetId;
  const places = usePlaces();
  const query = { q: list.filters.q, streetId, page: list.page, pageSize: list.pageSize };
  const communities = useCommunities(query);
  const street = findStreet(places.data, fixedStreet).street;
  const crumbs = usePlaceCrumbs({ streetId: fixedStreet });

  return (
    <>
      <PageHeader
        title={fixedStreet ? (street?.name ?? t('nav.street')) : t('communities.title')}
        breadcrumb={fixedStreet ? crumbs : undefined}
        subtitle={communities.data && t('communities.count', { count: communities.data.total })}
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('communities.search')}
            defaultValue={list.filters.q}
            onSearch={(v) => list.setFilter('q', v.trim() || undefined)}
            style={{ maxWidth: 280 }}
            aria-label={t('communities.search')}
          />
          {!fixedStreet && (
            <Select
              allowClear
              placeholder={t('communities.streetFilter')}
              value={list.filters.streetId}
              onChange={(v?: string) => list.setFilter('streetId', v)}
              options={allStreets(places.data).map((s) => ({ value: s.id, label: s.name }))}
              style={{ minWidth: 200 }}
              aria-label={t('communities.streetFilter')}
            />
          )}
        </Flex>
        {communities.isError ? (
          <ErrorAlert error={communities.error} onRetry={() => void communities.refetch()} />
        ) : (
          <Table<CommunityView>
            rowKey="id"
            size="middle"
            loading={communities.isFetching}
            dataSource={communities.data?.items}
            pagination={serverPagination(list, communities.data?.total)}
            locale={{ emptyText: communities.isPending ? ' ' : <EmptyState description={t('communities.empty')} /> }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('communities.name'), dataIndex: 'name', fixed: 'left', render: (name: string, c) => <Link to={`/communities/${c.id}`}>{name}</Link> },
              { title: t('communities.code'), dataIndex: 'code' },
              { title: t('nav.street'), key: 'street', render: (_, c) => c.street.name },
              { title: t('figures.compounds'), key: 'compounds', align: 'right', render: (_, c) => formatNumber(c.derived.compounds) },
              { title: t('figures.units'), key: 'units', align: 'right', render: (_, c) => formatNumber(c.derived.units) },
              { title: t('figures.households'), key: 'households', align: 'right', render: (_, c) => formatNumber(c.derived.households) },
              { title: t('figures.residents'), key: 'residents', align: 'right', render: (_, c) => formatNumber(c.derived.residents) },
              { title: t('figures.grids'), key: 'grids', align: 'right', render: (_, c) => formatNumber(c.derived.grids) },
              { title: t('figures.populationRecorded'), key: 'population', align: 'right', render: (_, c) => formatNumber(c.recorded.populationRecorded) },
              { title: t('figures.areaKm2'), key: 'area', align: 'right', render: (_, c) => formatNumber(c.recorded.areaKm2) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
