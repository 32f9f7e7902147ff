import { Button, Card, Descriptions, Tabs, Tag } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { formatDate, formatNumber } from '../../shell/format.ts';
import { ErrorState, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from './crumbs.tsx';
import { useCompound } from './registry.api.ts';
import { BuildingsTab, OwnersTab, ResidentsTab, UnitsTab } from './CompoundTables.tsx';

/** One compound: its counts and contract, and tables of units, buildings, owners and residents. */
export default function CompoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const compound = useCompound(id);
  const crumbs = usePlaceCrumbs(
    { communityId: compound.data?.community.id },
    { community: compound.data?.community },
    compound.data ? [{ key: 'compound', title: compound.data.name }] : [],
  );
  useMarkCommunity(compound.data?.community.id);
  if (compound.isPending) return <PageLoading />;
  if (compound.isError) return <ErrorState error={compound.error} onRetry={() => void compound.refetch()} />;
  const c = compound.data;
  const tab = params.get('tab') ?? 'units';

  const actions = (
    <>
      {c.abilities.importRoster && (
        <Link to={`/compounds/${c.id}/roster`}><Button type="primary" icon={<UploadOutlined />}>{t('roster.importButton')}</Button></Link>
      )}
      {c.abilities.exportRoster && (
        <Button icon={<DownloadOutlined />} href={`/api/compounds/${c.id}/roster.xlsx`} download>{t('roster.exportButton')}</Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={c.name} breadcrumb={crumbs} extra={actions} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
          { key: 'code', label: t('compounds.code'), children: c.code },
          { key: 'address', label: t('compounds.address'), children: c.address ?? '—' },
          { key: 'buildings', label: t('figures.buildings'), children: formatNumber(c.counts.buildings) },
          { key: 'units', label: t('figures.units'), children: t('compounds.unitsByUse', { total: c.counts.units, residential: c.counts.residential, commercial: c.counts.commercial, parking: c.counts.parking }) },
          { key: 'owners', label: t('compounds.owners'), children: formatNumber(c.counts.owners) },
          { key: 'residents', label: t('figures.residents'), children: formatNumber(c.counts.residents) },
          {
            key: 'company', label: t('compounds.propertyCompany'),
            children: c.propertyContract ? `${c.propertyContract.company.name}（${formatDate(c.propertyContract.startsOn)} ~ ${c.propertyContract.endsOn ? formatDate(c.propertyContract.endsOn) : ''}）` : '—',
          },
          {
            key: 'committee', label: t('organisations.ownersCommittee'),
            children: c.ownersCommittee ? <>{c.ownersCommittee.name} <Tag color={c.ownersCommittee.current ? 'green' : 'default'}>{c.ownersCommittee.current ? t('organisations.current') : t('organisations.ended')}</Tag></> : '—',
          },
          { key: 'parking', label: t('compounds.parkingInVotingArea'), children: c.parkingInVotingArea ? t('common.yes') : t('common.no') },
        ]} />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', key); return n; }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'units', label: t('compound.units'), children: <UnitsTab compoundId={id} /> },
            { key: 'buildings', label: t('compound.buildings'), children: <BuildingsTab compoundId={id} /> },
            { key: 'owners', label: t('compound.owners'), children: <OwnersTab compoundId={id} /> },
            { key: 'residents', label: t('compound.residents'), children: <ResidentsTab compoundId={id} /> },
          ]}
        />
      </Card>
    </>
  );
}
