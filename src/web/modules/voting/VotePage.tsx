import type { ReactNode } from 'react';
import { Card, Flex, Tabs } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { ErrorAlert, ErrorState, PageLoading } from '../../shell/states.tsx';
import { CorrectionsCard } from './CorrectionsPanel.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { PaperTab } from './PaperTab.tsx';
import { ProgressTab } from './ProgressTab.tsx';
import { ProxiesTab } from './ProxiesTab.tsx';
import { QuestionResult } from './ResultPanel.tsx';
import { RollTable } from './RollTable.tsx';
import { NextStep, VoteActions } from './VoteActions.tsx';
import { VoteStateTag, VoteSteps } from './VoteBits.tsx';
import { useResults, useVote } from './voting.api.ts';
import type { VoteView } from './voting.types.ts';

function ResultsTab({ vote }: { vote: VoteView }) {
  const results = useResults(vote.id);
  if (results.isPending) return <PageLoading />;
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  return <Flex vertical gap={12}>{results.data.questions.map((q) => <QuestionResult key={q.questionId} question={q} />)}</Flex>;
}

/** One vote for its convener and staff: where it stands, what may be done next, and a tab per task. */
export default function VotePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const vote = useVote(id);
  useMarkCommunity(vote.data?.communityId);
  if (vote.isPending) return <PageLoading />;
  if (vote.isError) return <ErrorState error={vote.error} onRetry={() => void vote.refetch()} />;
  const v = vote.data;
  const a = v.abilities;
  const tabs = [
    { key: 'overview', label: t('voting.detail.tabs.overview'), children: <OverviewTab vote={v} /> },
    a.seeRoll && {
      key: 'roll', label: t('voting.detail.tabs.roll'),
      children: <Flex vertical gap={12}><RollTable voteId={v.id} /><CorrectionsCard voteId={v.id} /></Flex>,
    },
    a.seeProgress && v.state !== 'draft' && { key: 'progress', label: t('voting.detail.tabs.progress'), children: <ProgressTab vote={v} /> },
    a.enterPaperBallots && { key: 'paper', label: t('voting.detail.tabs.paper'), children: <PaperTab vote={v} /> },
    a.registerProxies && { key: 'proxies', label: t('voting.detail.tabs.proxies'), children: <ProxiesTab vote={v} /> },
    a.seeResults && { key: 'results', label: t('voting.detail.tabs.results'), children: <ResultsTab vote={v} /> },
  ].filter(Boolean) as { key: string; label: string; children: ReactNode }[];
  const tab = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : 'overview';

  return (
    <>
      <PageHeader
        title={<Flex gap={8} align="center" wrap><span data-testid="vote-title">{v.title}</span><VoteStateTag state={v.state} /></Flex>}
        breadcrumb={[
          { key: 'votes', title: <Link to={`/votes?compoundId=${v.compound.id}`}>{t('voting.list.title')}</Link> },
          { key: 'compound', title: <Link to={`/compounds/${v.compound.id}`}>{v.compound.name}</Link> },
        ]}
        extra={<VoteActions vote={v} />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex vertical gap={12}>
          <VoteSteps vote={v} />
          <NextStep vote={v} />
        </Flex>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', key); return n; }, { replace: true })}
          items={tabs}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
