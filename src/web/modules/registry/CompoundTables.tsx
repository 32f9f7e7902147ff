import { Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { serverPagination, useListParams } from '../../shell/listParams.ts';
import { formatArea, formatDate, formatNumber } from '../../shell/format.ts';
import { EmptyState, ErrorAlert } from '../../shell/states.tsx';
import { useBuildings, useOwners, useResidents, useUnits } from './registry.api.ts';
import type { BuildingView, OwnerRow, ResidentRow, UnitRow, UnitUse } from './registry.types.ts';

const uses: UnitUse[] = ['residential', 'commercial', 'parking'];

function SearchBox({ value, onSearch, placeholder }: { value?: string; onSearch: (v?: string) => void; placeholder: string }) {
  return (
    <Input.Search allowClear placeholder={placeholder} aria-label={placeholder} defaultValue={value} onSearch={(v) => onSearch(v.trim() || undefined)} style={{ maxWidth: 240 }} />
  );
}

export function UnitsTab({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const list = useListParams('units', ['buildingId', 'use'] as const);
  const buildings = useBuildings(compoundId);
  const units = useUnits(compoundId, { ...list.filters, page: list.page, pageSize: list.pageSize });
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('units.buildingFilter')}
          aria-label={t('units.buildingFilter')}
          value={list.filters.buildingId}
          onChange={(v?: string) => list.setFilter('buildingId', v)}
          loading={buildings.isPending}
          options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
          style={{ minWidth: 160 }}
          data-testid="building-filter"
        />
        <Select
          allowClear
          placeholder={t('units.useFilter')}
          aria-label={t('units.useFilter')}
          value={list.filters.use}
          onChange={(v?: string) => list.setFilter('use', v)}
          options={uses.map((u) => ({ value: u, label: t(`unitUse.${u}`) }))}
          style={{ minWidth: 120 }}
        />
        <SearchBox value={list.filters.q} onSearch={(v) => list.setFilter('q', v)} placeholder={t('units.search')} />
      </Flex>
      {units.isError ? (
        <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <Table<UnitRow>
          rowKey="id"
          size="middle"
          loading={units.isFetching}
          dataSource={units.data?.items}
          pagination={serverPagination(list, units.data?.total)}
          locale={{ emptyText: units.isPending ? ' ' : <EmptyState description={t('units.empty')} /> }}
          scroll={{ x: 'max-content' }}
          data-testid="units-table"
          columns={[
            { title: t('units.building'), dataIndex: 'buildingName' },
            { title: t('units.number'), dataIndex: 'number', render: (n: string, u) => <Link to={`/units/${u.id}`}>{n}</Link> },
            { title: t('units.use'), dataIndex: 'use', render: (u: UnitUse) => t(`unitUse.${u}`) },
            { title: t('units.holderStatus'), dataIndex: 'holderStatus', render: (s: string) => t(`holderStatus.${s}`) },
            { title: t('units.votingArea'), key: 'votingArea', align: 'right', render: (_, u) => formatArea(u.votingArea) },
            { title: t('units.owners'), key: 'owners', render: (_, u) => u.ownerNames.join('、') || '—' },
          ]}
        />
      )}
    </>
  );
}

export function BuildingsTab({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const buildings = useBuildings(compoundId);
  if (buildings.isError) return <ErrorAlert error={buildings.error} onRetry={() => void buildings.refetch()} />;
  return (
    <Table<BuildingView>
      rowKey="id"
      size="middle"
      loading={buildings.isPending}
      dataSource={buildings.data?.items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: buildings.isPending ? ' ' : <EmptyState description={t('buildings.empty')} /> }}
      columns={[
        { title: t('units.building'), dataIndex: 'name' },
        { title: t('buildings.grid'), key: 'grid', render: (_, b) => b.grid?.name ?? '—' },
        { title: t('figures.units'), dataIndex: 'units', align: 'right', render: formatNumber },
      ]}
    />
  );
}

const unitLabel = (u: { buildingName: string; number: string }) => `${u.buildingName} ${u.number}`;

export function OwnersTab({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const list = useListParams('owners');
  const owners = useOwners(compoundId, { q: list.filters.q, page: list.page, pageSize: list.pageSize });
  return (
    <>
      <div style={{ marginBottom: 16 }}><SearchBox value={list.filters.q} onSearch={(v) => list.setFilter('q', v)} placeholder={t('people.search')} /></div>
      {owners.isError ? <ErrorAlert error={owners.error} onRetry={() => void owners.refetch()} /> : (
        <Table<OwnerRow>
          rowKey="personId"
          size="middle"
          loading={owners.isFetching}
          dataSource={owners.data?.items}
          pagination={serverPagination(list, owners.data?.total)}
          locale={{ emptyText: owners.isPending ? ' ' : <EmptyState description={t('people.noOwners')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('people.name'), dataIndex: 'name', render: (n: string, o) => <>{n} {o.isDeveloper && <Tag>{t('people.developer')}</Tag>}{o.kind === 'organisation' && <Tag>{t('people.organisation')}</Tag>}</> },
            { title: t('people.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
            { title: t('people.idLast4'), dataIndex: 'idLast4', render: (p: string | null) => p ?? '—' },
            {
              title: t('people.units'), key: 'units',
              render: (_, o) => o.units.map((u) => (
                <Link key={u.id} to={`/units/${u.id}`} style={{ marginInlineEnd: 8 }}>
                  {unitLabel(u)}{u.isVoter && <Tag color="blue" style={{ marginInlineStart: 4 }}>{t('people.voter')}</Tag>}
                </Link>
              )),
            },
          ]}
        />
      )}
    </>
  );
}

export function ResidentsTab({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const list = useListParams('residents');
  const residents = useResidents(compoundId, { q: list.filters.q, page: list.page, pageSize: list.pageSize });
  return (
    <>
      <div style={{ marginBottom: 16 }}><SearchBox value={list.filters.q} onSearch={(v) => list.setFilter('q', v)} placeholder={t('people.search')} /></div>
      {residents.isError ? <ErrorAlert error={residents.error} onRetry={() => void residents.refetch()} /> : (
        <Table<ResidentRow>
          rowKey="residentId"
          size="middle"
          loading={residents.isFetching}
          dataSource={residents.data?.items}
          pagination={serverPagination(list, residents.data?.total)}
          locale={{ emptyText: residents.isPending ? ' ' : <EmptyState description={t('people.noResidents')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('people.name'), dataIndex: 'name' },
            { title: t('people.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
            { title: t('people.relation'), dataIndex: 'relation', render: (r: string) => t(`relation.${r}`, { defaultValue: r }) },
            { title: t('people.unit'), key: 'unit', render: (_, r) => <Link to={`/units/${r.unit.id}`}>{unitLabel(r.unit)}</Link> },
            { title: t('people.since'), dataIndex: 'since', render: formatDate },
          ]}
        />
      )}
    </>
  );
}
