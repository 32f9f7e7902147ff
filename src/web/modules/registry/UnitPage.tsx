import { Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { formatArea, formatDate } from '../../shell/format.ts';
import { EmptyState, ErrorState, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from './crumbs.tsx';
import { useUnit } from './registry.api.ts';
import { AreasTable } from './AreasTable.tsx';
import type { UnitDetail } from './registry.types.ts';

type Owner = UnitDetail['owners'][number];
type Resident = UnitDetail['residents'][number];
type HistoryRow = UnitDetail['history'][number];

/** One unit: its areas per source, current owners (and who votes), residents and ownership history. */
export default function UnitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const unit = useUnit(id);
  const u = unit.data;
  const crumbs = usePlaceCrumbs({ communityId: u?.community.id }, { community: u?.community }, u ? [
    { key: 'compound', title: <Link to={`/compounds/${u.compound.id}`}>{u.compound.name}</Link> },
    { key: 'unit', title: `${u.building.name} ${u.number}` },
  ] : []);
  useMarkCommunity(unit.data?.community.id);
  if (unit.isPending) return <PageLoading />;
  if (unit.isError || !u) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;

  return (
    <>
      <PageHeader title={`${u.compound.name} ${u.building.name} ${u.number}`} breadcrumb={crumbs} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('unit.basics')}>
            <Descriptions size="small" column={1} items={[
              { key: 'use', label: t('units.use'), children: t(`unitUse.${u.use}`) },
              { key: 'status', label: t('units.holderStatus'), children: t(`holderStatus.${u.holderStatus}`) },
              { key: 'voting', label: t('units.votingArea'), children: u.votingArea ? <>{formatArea(u.votingArea)} <Tag>{t(`areaSource.${u.votingAreaSource}`)}</Tag></> : t('unit.noVotingArea') },
            ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('unit.areas')}>
            <AreasTable areas={u.areas} votingSource={u.votingAreaSource} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('unit.owners')}>
            <Table<Owner>
              rowKey="ownershipId"
              size="small"
              pagination={false}
              dataSource={u.owners}
              locale={{ emptyText: <EmptyState description={t('people.noOwners')} /> }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('people.name'), dataIndex: 'name', render: (n: string, o) => <>{n} {o.isDeveloper && <Tag>{t('people.developer')}</Tag>}</> },
                { title: t('people.voter'), dataIndex: 'isVoter', render: (v: boolean) => (v ? <Tag color="blue">{t('people.voter')}</Tag> : '') },
                { title: t('people.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
                { title: t('people.idLast4'), dataIndex: 'idLast4', render: (p: string | null) => p ?? '—' },
                { title: t('people.since'), dataIndex: 'since', render: formatDate },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('unit.residents')}>
            <Table<Resident>
              rowKey="residentId"
              size="small"
              pagination={false}
              dataSource={u.residents}
              locale={{ emptyText: <EmptyState description={t('people.noResidents')} /> }}
              columns={[
                { title: t('people.name'), dataIndex: 'name' },
                { title: t('people.relation'), dataIndex: 'relation', render: (r: string) => t(`relation.${r}`, { defaultValue: r }) },
                { title: t('people.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
                { title: t('people.since'), dataIndex: 'since', render: formatDate },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('unit.history')}>
            <Table<HistoryRow>
              rowKey="ownershipId"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={u.history}
              locale={{ emptyText: <EmptyState /> }}
              columns={[
                { title: t('people.name'), dataIndex: 'name', render: (n: string, h) => <>{n} {h.isVoter && <Tag color="blue">{t('people.voter')}</Tag>}</> },
                { title: t('people.since'), dataIndex: 'since', render: formatDate },
                { title: t('people.until'), dataIndex: 'until', render: (d: string | null) => (d ? formatDate(d) : <Tag color="green">{t('unit.current')}</Tag>) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
