import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatArea } from '../../shell/format.ts';
import { EmptyState, ErrorState, PageLoading } from '../../shell/states.tsx';
import { useMyUnits } from './registry.api.ts';
import type { MyUnit } from './registry.types.ts';

function MyUnitCard({ unit }: { unit: MyUnit }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="my-unit"
      title={
        <Space size={6} wrap>
          <HomeOutlined />
          <span>{unit.compound.name} {unit.buildingName} {unit.number}</span>
        </Space>
      }
      extra={<Tag color={unit.relation === 'owner' ? 'blue' : 'default'}>{t(`myUnits.relation.${unit.relation}`)}</Tag>}
    >
      <Typography.Text type="secondary">{unit.community.name} · {t(`unitUse.${unit.use}`)}</Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }} items={[
        { key: 'registered', label: t('areaSource.registered'), children: formatArea(unit.areas.registered) },
        { key: 'surveyed', label: t('areaSource.surveyed'), children: formatArea(unit.areas.surveyed) },
        { key: 'contract', label: t('areaSource.contract'), children: formatArea(unit.areas.contract) },
        {
          key: 'voting', label: t('units.votingArea'),
          children: unit.votingArea ? <>{formatArea(unit.votingArea)} <Tag>{t(`areaSource.${unit.votingAreaSource}`)}</Tag></> : t('unit.noVotingArea'),
        },
      ]} />
      <Typography.Text strong>{t('myUnits.coOwners')}</Typography.Text>
      <Flex wrap gap={4} style={{ marginTop: 4 }}>
        {unit.coOwners.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        {unit.coOwners.map((o, i) => (
          <Tag key={i} color={o.isMe ? 'gold' : undefined}>
            {o.name}{o.isMe ? `（${t('myUnits.me')}）` : ''}{o.isVoter ? ` · ${t('people.voter')}` : ''}
          </Tag>
        ))}
      </Flex>
    </Card>
  );
}

/** An owner's or resident's own units, on a phone: one card each. */
export default function MyUnitsPage() {
  const { t } = useTranslation();
  const units = useMyUnits();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 4 }}>{t('myUnits.title')}</Typography.Title>
      {units.isPending && <PageLoading />}
      {units.isError && <ErrorState error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && units.data.items.length === 0 && <Card><EmptyState description={t('myUnits.empty')} /></Card>}
      <Flex vertical gap={12}>
        {units.data?.items.map((unit) => <MyUnitCard key={unit.id} unit={unit} />)}
      </Flex>
    </>
  );
}
