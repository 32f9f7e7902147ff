import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatArea } from '../../shell/format.ts';
import type { AreasView } from './registry.types.ts';

const sources = ['registered', 'surveyed', 'contract'] as const;

/** A unit's exclusive area from each source; the one the vote counts is marked (owners-vote.md §3.1). */
export function AreasTable({ areas, votingSource }: { areas: AreasView; votingSource: string | null }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="source"
      size="small"
      pagination={false}
      showHeader={false}
      dataSource={sources.map((source) => ({ source, area: areas[source] }))}
      columns={[
        { dataIndex: 'source', render: (s: string) => t(`areaSource.${s}`) },
        {
          dataIndex: 'area',
          align: 'right',
          render: (a: string | null, row) => <>{formatArea(a)} {row.source === votingSource && <Tag color="blue">{t('units.votingArea')}</Tag>}</>,
        },
      ]}
    />
  );
}
