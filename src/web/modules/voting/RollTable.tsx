import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Flex, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageLoading } from '../../shell/states.tsx';
import { useFullRoll } from './voting.api.ts';
import type { RollUnit } from './voting.types.ts';

// The electorate roll: units and areas, never names. Owners during the notice and staff from the
// draft on see it; it is live from the registry until the vote opens, then frozen.

export const unitLabel = (u: Pick<RollUnit, 'buildingName' | 'number'>) => `${u.buildingName} ${u.number}`;

export function RollTable({ voteId, ownerView = false, action }: { voteId: string; ownerView?: boolean; action?: (unit: RollUnit) => ReactNode }) {
  const { t } = useTranslation();
  const roll = useFullRoll(voteId);
  const [building, setBuilding] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [mineOnly, setMineOnly] = useState(ownerView);
  const buildings = useMemo(() => [...new Map((roll.data?.items ?? []).map((u) => [u.buildingId, u.buildingName])).entries()], [roll.data]);
  if (roll.isPending) return <PageLoading />;
  if (roll.isError) return <ErrorAlert error={roll.error} onRetry={() => void roll.refetch()} />;
  const { totals, problems, frozen } = roll.data;
  const rows = roll.data.items.filter((u) => (!building || u.buildingId === building) && (!q || u.number.includes(q.trim())) && (!mineOnly || u.mine));

  return (
    <Flex vertical gap={8} data-testid="roll">
      <Typography.Text type="secondary">{frozen ? t('voting.roll.frozen') : t('voting.roll.live')}</Typography.Text>
      <Typography.Text data-testid="roll-totals">{t('voting.roll.totals', totals)}</Typography.Text>
      {problems.length > 0 && (
        <Alert type="warning" showIcon title={t('voting.roll.problems')} description={problems.map((p) => <div key={p.unitId}>{p.buildingName} {p.number}: {p.message}</div>)} />
      )}
      <Flex gap={8} wrap align="center">
        <Select allowClear placeholder={t('voting.roll.allBuildings')} value={building} onChange={setBuilding} style={{ minWidth: 140 }}
          options={buildings.map(([value, label]) => ({ value, label }))} />
        <Input.Search allowClear placeholder={t('units.search')} onSearch={setQ} style={{ width: 160 }} />
        {ownerView && <Flex gap={4} align="center"><Switch size="small" checked={mineOnly} onChange={setMineOnly} /> {t('voting.roll.mine')}</Flex>}
      </Flex>
      <Table<RollUnit>
        size="small"
        rowKey="unitId"
        dataSource={rows}
        pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('voting.roll.empty') }}
        rowClassName={(u) => (u.mine ? 'roll-mine' : '')}
        columns={[
          // one column for the unit, and the use only where it is not a home: the roll fits a phone
          { title: t('voting.corrections.unit'), key: 'unit', render: (_, u) => unitLabel(u) },
          {
            title: t('voting.roll.votingArea'), key: 'area', align: 'right',
            render: (_, u) => (u.votingArea ? <>{u.votingArea} m² <Typography.Text type="secondary">({t(`voting.source.${u.votingAreaSource ?? 'registered'}`)})</Typography.Text></> : '—'),
          },
          {
            title: t('voting.roll.flags'), key: 'flags',
            render: (_, u) => (
              <Flex gap={2} wrap>
                {u.mine && <Tag color="gold">{t('voting.roll.mine')}</Tag>}
                {u.use !== 'residential' && <Tag>{t(`unitUse.${u.use}`)}</Tag>}
                {u.developer && <Tag>{t('voting.roll.developer')}</Tag>}
                {u.coOwned && <Tag>{t('voting.roll.coOwned')}{u.namedVoter ? ` · ${t('voting.roll.namedVoter')}` : ''}</Tag>}
                {!u.counted && <Tag color="default">{t('voting.roll.notCounted')}</Tag>}
              </Flex>
            ),
          },
          ...(action ? [{ title: '', key: 'action', render: (_: unknown, u: RollUnit) => action(u) }] : []),
        ]}
      />
    </Flex>
  );
}
