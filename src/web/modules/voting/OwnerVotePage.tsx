import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Tabs, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, ErrorState, PageLoading } from '../../shell/states.tsx';
import { BallotPanel } from './BallotPanel.tsx';
import { CorrectionModal, CorrectionsCard } from './CorrectionsPanel.tsx';
import { KeptReceiptsList, ReceiptCheck } from './ReceiptBits.tsx';
import { QuestionResult } from './ResultPanel.tsx';
import { RollTable } from './RollTable.tsx';
import { DocumentsList, QuestionsList, VoteStateTag, VoteTimes } from './VoteBits.tsx';
import { useMyBallots, useResults, useVote } from './voting.api.ts';
import type { RollUnit, VoteView } from './voting.types.ts';

function OwnerResults({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const results = useResults(vote.id);
  const mine = useMyBallots(vote.id);
  if (results.isPending) return <PageLoading />;
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  const own = (mine.data?.capacities ?? []).filter((c) => c.capacity === 'self');
  const names = new Map(own.flatMap((c) => c.units.map((u) => [u.unitId, `${u.buildingName} ${u.number}`] as const)));
  return (
    <Flex vertical gap={12}>
      {results.data.questions.map((q) => (
        <QuestionResult key={q.questionId} question={q} mySubjectKeys={own.map((c) => c.subjectKey)} unitName={(id) => names.get(id) ?? id} />
      ))}
      {vote.state === 'published' && (
        <Link to={`/public/votes/${vote.id}`}><Button icon={<PrinterOutlined />} block>{t('voting.result.publicNotice')}</Button></Link>
      )}
    </Flex>
  );
}

/** One vote for an owner on a phone: ballot, notice and documents, roll and corrections, result, receipts. */
export default function OwnerVotePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const vote = useVote(id);
  const [correcting, setCorrecting] = useState<RollUnit | null>(null);
  if (vote.isPending) return <PageLoading />;
  if (vote.isError) return <ErrorState error={vote.error} onRetry={() => void vote.refetch()} />;
  const v = vote.data;
  const a = v.abilities;
  const balloting = ['open', 'closed', 'counted', 'published'].includes(v.state);
  const tabs = [
    balloting && { key: 'ballot', label: t('voting.ballot.title'), children: <BallotPanel vote={v} /> },
    a.seeResults && { key: 'result', label: t('voting.result.title'), children: <OwnerResults vote={v} /> },
    {
      key: 'notice', label: t('voting.detail.notice'),
      children: (
        <Flex vertical gap={12}>
          <Card size="small"><VoteTimes vote={v} /></Card>
          <Card size="small" title={t('voting.detail.questions')}><QuestionsList questions={v.questions} /></Card>
          <Card size="small" title={t('voting.detail.notice')}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="notice-text">{v.noticeText}</Typography.Paragraph></Card>
          <Card size="small" title={t('voting.detail.documents')}><DocumentsList documents={v.documents} /></Card>
        </Flex>
      ),
    },
    a.seeRoll && {
      key: 'roll', label: t('voting.detail.tabs.roll'),
      children: (
        <Flex vertical gap={12}>
          <RollTable voteId={v.id} ownerView action={a.requestCorrection ? (u) => <Button size="small" onClick={() => setCorrecting(u)} data-testid="request-correction">{t('voting.corrections.request')}</Button> : undefined} />
          <CorrectionsCard voteId={v.id} />
        </Flex>
      ),
    },
    balloting && {
      key: 'receipts', label: t('voting.receipt.title'),
      children: (
        <Flex vertical gap={12}>
          <KeptReceiptsList voteId={v.id} questionTitle={(qid) => v.questions.find((q) => q.id === qid)?.title ?? ''} />
          <ReceiptCheck voteId={v.id} />
        </Flex>
      ),
    },
  ].filter(Boolean) as { key: string; label: string; children: ReactNode }[];
  const fallback = a.cast ? 'ballot' : a.seeResults ? 'result' : 'notice';
  const tab = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : fallback;

  return (
    <>
      <Flex justify="space-between" align="start" gap={8} style={{ marginTop: 4 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="vote-title">{v.title}</Typography.Title>
        <VoteStateTag state={v.state} />
      </Flex>
      <Typography.Text type="secondary">{v.compound.name}</Typography.Text>
      {v.notifications.map((n) => <Alert key={n.id} type="info" showIcon style={{ marginTop: 8 }} title={t('voting.detail.notifications')} description={i18n.language === 'en' ? n.messageEn : n.messageZh} />)}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', key); return n; }, { replace: true })}
        items={tabs}
        destroyOnHidden
      />
      {correcting && <CorrectionModal voteId={v.id} unit={correcting} onClose={() => setCorrecting(null)} />}
    </>
  );
}
