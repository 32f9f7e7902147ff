import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterSummary as Summary } from '../../../contracts/roster.ts';
import { formatNumber } from '../../shell/format.ts';

const countKeys = [
  'rows', 'buildingsCreated', 'unitsCreated', 'unitsUpdated', 'unitsUnchanged', 'unitsNotInSheet',
  'peopleCreated', 'peopleUpdated', 'ownershipsOpened', 'ownershipsClosed', 'votersChanged',
] as const;

/** What an import changed, or for a dry run what it would change. */
export function RosterSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        data-testid="roster-summary"
        items={countKeys.map((key) => ({ key, label: t(`roster.counts.${key}`), children: formatNumber(summary.counts[key]) }))}
      />
      <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)' }}>
        {summary.fileName} · {summary.format.toUpperCase()}{summary.encoding ? ` · ${summary.encoding}` : ''}
        {summary.ignoredColumns.length > 0 && (
          <> · {t('roster.ignoredColumns')} {summary.ignoredColumns.map((c) => <Tag key={c}>{c}</Tag>)}</>
        )}
      </div>
    </>
  );
}
