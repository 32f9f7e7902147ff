import { Alert, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageLoading } from '../../shell/states.tsx';
import { thresholdText } from './VoteBits.tsx';
import { useProgress } from './voting.api.ts';
import type { ProgressView, QuorumView, VoteView } from './voting.types.ts';

// Live participation for the convener: ballots against the quorum by area and by head, per
// building, and the gap in words. Never a choice: the server does not send any.

/** For the bar only: the decision is the server's exact `met`. */
const percentOf = (value: string | number, total: string | number) => {
  const t = Number(total);
  return t > 0 ? Math.min(100, Math.round((Number(value) / t) * 1000) / 10) : 0;
};

function QuorumBars({ quorum }: { quorum: QuorumView }) {
  const { t } = useTranslation();
  const row = (label: string, m: QuorumView['area'] | QuorumView['heads'], unit: string) => (
    <div>
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text>{label}：{m.value}{unit} / {m.total}{unit}（{thresholdText(t, m.threshold)}）</Typography.Text>
        {m.met ? <Tag color="success">{t('voting.progress.met')}</Tag> : <Typography.Text type="warning">{t('voting.progress.needed')} {m.needed}{unit}</Typography.Text>}
      </Flex>
      <Progress percent={percentOf(m.value, m.total)} status={m.met ? 'success' : 'active'} />
    </div>
  );
  return (
    <Flex vertical gap={4}>
      {row(t('voting.progress.area'), quorum.area, ' m²')}
      {row(t('voting.progress.heads'), quorum.heads, '')}
    </Flex>
  );
}

type BuildingRow = ProgressView['questions'][number]['buildings'][number];

export function ProgressTab({ vote }: { vote: VoteView }) {
  const { t, i18n } = useTranslation();
  const progress = useProgress(vote.id, true, vote.state === 'open');
  if (progress.isPending) return <PageLoading />;
  if (progress.isError) return <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />;
  const p = progress.data;
  return (
    <Flex vertical gap={12} data-testid="progress">
      <Typography.Text type="secondary">{t('voting.progress.noChoices')}{vote.state === 'open' ? ` ${t('voting.progress.liveHint')}` : ''}</Typography.Text>
      {p.questions.map((q) => (
        <Card key={q.questionId} size="small" title={q.title} extra={<Tag>{t('voting.progress.ballots', { count: q.ballots })}</Tag>}>
          <Typography.Text strong>{t('voting.progress.quorum')}</Typography.Text>
          <QuorumBars quorum={q.quorum} />
          <Alert type={q.quorum.met ? 'success' : 'warning'} showIcon title={i18n.language === 'en' ? q.quorum.words.en : q.quorum.words.zh} data-testid="progress-words" style={{ margin: '8px 0' }} />
          <Table<BuildingRow>
            size="small"
            rowKey="buildingId"
            pagination={false}
            dataSource={q.buildings}
            title={() => t('voting.progress.buildings')}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('voting.progress.building'), dataIndex: 'buildingName' },
              { title: t('voting.progress.area'), key: 'area', align: 'right', render: (_, b) => `${b.area.value} / ${b.area.total} m²` },
              { title: '', key: 'areaBar', width: 120, render: (_, b) => <Progress size="small" percent={percentOf(b.area.value, b.area.total)} /> },
              { title: t('voting.progress.heads'), key: 'heads', align: 'right', render: (_, b) => `${b.heads.value} / ${b.heads.total}` },
            ]}
          />
        </Card>
      ))}
      <Typography.Text type="secondary">{t('voting.progress.paper', p.paper)}</Typography.Text>
    </Flex>
  );
}
