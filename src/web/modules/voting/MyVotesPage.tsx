import { Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { EmptyState, ErrorState, PageLoading } from '../../shell/states.tsx';
import { VoteStateTag } from './VoteBits.tsx';
import { useVotes } from './voting.api.ts';

/** An owner's votes on a phone: those of the compounds where they own units, and those they hold a proxy in. */
export default function MyVotesPage() {
  const { t } = useTranslation();
  const votes = useVotes({ pageSize: 50 });
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 4 }}>{t('voting.my.title')}</Typography.Title>
      {votes.isPending && <PageLoading />}
      {votes.isError && <ErrorState error={votes.error} onRetry={() => void votes.refetch()} />}
      {votes.data && votes.data.items.length === 0 && <Card><EmptyState description={t('voting.my.empty')} /></Card>}
      <Flex vertical gap={12}>
        {votes.data?.items.map((v) => (
          <Card key={v.id} size="small" data-testid="my-vote" title={<Typography.Text strong ellipsis>{v.title}</Typography.Text>} extra={<VoteStateTag state={v.state} />}>
            <Typography.Text type="secondary">{v.compound.name}</Typography.Text>
            <div style={{ margin: '6px 0' }}>
              <div>{t('voting.times.opensAt')}：{formatDateTime(v.opensAt)}</div>
              <div>{t('voting.times.closesAt')}：{formatDateTime(v.closesAt)}</div>
            </div>
            <Link to={`/my/votes/${v.id}`}>
              <Button type={v.abilities.cast ? 'primary' : 'default'} block>{v.abilities.cast ? t('voting.my.vote') : t('voting.my.open')}</Button>
            </Link>
          </Card>
        ))}
      </Flex>
    </>
  );
}
