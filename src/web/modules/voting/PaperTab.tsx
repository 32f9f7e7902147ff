import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { ErrorAlert, errorMessage } from '../../shell/states.tsx';
import { AnswerFields, UnitSelect, toAnswers, type SheetAnswers } from './PaperAnswers.tsx';
import { ReceiptCode } from './ReceiptBits.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { discardPaperBallot, enterPaperBallot, resolvePaperBallot, useInvalidateVote, usePaperBallots } from './voting.api.ts';
import type { PaperBallotView, VoteView } from './voting.types.ts';

// Paper ballots by double entry: two different staff type the same sheet; equal entries accept it,
// different ones are a mismatch that a third person resolves by reading the scan. The API never
// shows the two entries' choices side by side, only which fields differ. A sheet that placed no
// ballot yet (typed for the wrong unit, or invalid) may be discarded with a reason: it is kept,
// shown with that reason, and no longer holds up the count.

interface SheetValues { unitId?: string; scanRef: string; answers?: SheetAnswers }
const statusColor = { awaiting_second: 'gold', accepted: 'green', mismatch: 'red', discarded: 'default' } as const;

function EntryOutcome({ paper, vote }: { paper: PaperBallotView; vote: VoteView }) {
  const { t } = useTranslation();
  const fields = useDifferences(vote)(paper.differences);
  const title = paper.status === 'accepted' ? t('voting.paper.resultAccepted')
    : paper.status === 'mismatch' ? t('voting.paper.resultMismatch', { fields }) : t('voting.paper.resultAwaiting');
  return (
    <Alert
      type={paper.status === 'mismatch' ? 'warning' : 'success'}
      showIcon
      data-testid="paper-outcome"
      title={`${paper.buildingName} ${paper.number}：${title}`}
      description={paper.receipts.length > 0 && <>{t('voting.paper.receiptsForOwner')} {paper.receipts.map((r) => <div key={r.code}><ReceiptCode code={r.code} /></div>)}</>}
    />
  );
}

/** The status; a discarded sheet also shows why, by whom and when. */
function StatusCell({ paper }: { paper: PaperBallotView }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={statusColor[paper.status]}>{t(`voting.paper.status.${paper.status}`)}</Tag>
      {paper.status === 'discarded' && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', maxWidth: 280, whiteSpace: 'normal' }} data-testid="paper-discard-reason">
          {paper.discardReason}（{paper.discardedBy}{paper.discardedAt ? `，${formatDateTime(paper.discardedAt)}` : ''}）
        </Typography.Paragraph>
      )}
    </>
  );
}

/** "answers.<questionId>" → the question's number; "scanRef" → its label. */
function useDifferences(vote: VoteView) {
  const { t } = useTranslation();
  return (differences: string[]) => differences.map((d) => {
    if (d === 'scanRef') return t('voting.paper.field.scanRef');
    const q = vote.questions.find((x) => `answers.${x.id}` === d);
    return q ? `${q.position}. ${q.title}` : d;
  }).join('、');
}

function SheetForm({ vote, withUnit, submitLabel, onSubmit }: { vote: VoteView; withUnit: boolean; submitLabel: string; onSubmit: (v: SheetValues) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SheetValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const finish = async (values: SheetValues) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void finish(v)} data-testid="paper-form">
      {withUnit && (
        <Form.Item name="unitId" label={t('voting.paper.unit')} rules={[{ required: true, message: t('validation.required') }]}>
          <UnitSelect voteId={vote.id} />
        </Form.Item>
      )}
      <AnswerFields questions={vote.questions} />
      <Form.Item name="scanRef" label={t('voting.paper.scanRef')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input placeholder={t('voting.paper.scanRefHint')} maxLength={200} data-testid="scan-ref" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="paper-submit">{submitLabel}</Button>
      {error !== null && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorMessage(error)} data-testid="paper-error" />}
    </Form>
  );
}

export function PaperTab({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateVote(vote.id);
  const [status, setStatus] = useState<PaperBallotView['status'] | undefined>();
  const [page, setPage] = useState(1);
  const list = usePaperBallots(vote.id, { status, page, pageSize: 20 });
  const [outcome, setOutcome] = useState<PaperBallotView | null>(null);
  const [resolving, setResolving] = useState<PaperBallotView | null>(null);
  const [discarding, setDiscarding] = useState<PaperBallotView | null>(null);
  const differences = useDifferences(vote);
  const enter = async (v: SheetValues) => {
    const paper = await enterPaperBallot(vote.id, { unitId: v.unitId!, scanRef: v.scanRef, answers: toAnswers(vote.questions, v.answers) });
    setOutcome(paper);
    await invalidate();
  };
  const resolve = async (v: SheetValues) => {
    const paper = await resolvePaperBallot(vote.id, resolving!.id, { scanRef: v.scanRef, answers: toAnswers(vote.questions, v.answers) });
    setResolving(null);
    setOutcome(paper);
    message.success(t('voting.paper.resultAccepted'));
    await invalidate();
  };
  const discard = async (reason: string) => {
    await discardPaperBallot(vote.id, discarding!.id, reason);
    setDiscarding(null);
    setOutcome(null);
    message.success(t('voting.paper.discarded'));
    await invalidate();
  };

  return (
    <Flex vertical gap={12}>
      {vote.abilities.enterPaperBallots && (
        <Card size="small" title={t('voting.paper.enter')}>
          <SheetForm vote={vote} withUnit submitLabel={t('voting.paper.submit')} onSubmit={enter} />
        </Card>
      )}
      {outcome && <EntryOutcome paper={outcome} vote={vote} />}
      <Card size="small" extra={
        <Select allowClear placeholder={t('voting.paper.allStatuses')} value={status} onChange={(s) => { setStatus(s); setPage(1); }} style={{ width: 160 }}
          options={(['awaiting_second', 'mismatch', 'accepted', 'discarded'] as const).map((s) => ({ value: s, label: t(`voting.paper.status.${s}`) }))} />
      }>
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<PaperBallotView>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('voting.paper.empty') }}
          data-testid="paper-table"
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small', hideOnSinglePage: true }}
          columns={[
            { title: t('voting.paper.unit'), key: 'unit', render: (_, p) => `${p.buildingName} ${p.number}` },
            { title: '', key: 'status', render: (_, p) => <StatusCell paper={p} /> },
            { title: t('voting.paper.firstBy'), key: 'first', render: (_, p) => <>{p.firstBy}<br /><Typography.Text type="secondary">{formatDateTime(p.createdAt)}</Typography.Text></> },
            { title: t('voting.paper.secondBy'), dataIndex: 'secondBy', render: (s: string | null) => s ?? '—' },
            { title: t('voting.paper.differences'), dataIndex: 'differences', render: (d: string[]) => (d.length ? differences(d) : '—') },
            { title: t('voting.paper.resolution'), key: 'resolution', render: (_, p) => (p.resolution ? `${t(`voting.paper.resolutionValue.${p.resolution}`)}（${p.resolvedBy}）` : '—') },
            { title: '', key: 'action', render: (_, p) => (
              <Flex gap={8}>
                {p.abilities.resolve && <Button size="small" type="primary" onClick={() => setResolving(p)} data-testid="paper-resolve">{t('voting.paper.resolve')}</Button>}
                {p.abilities.discard && <Button size="small" danger onClick={() => setDiscarding(p)} data-testid="paper-discard">{t('voting.paper.discard')}</Button>}
              </Flex>
            ) },
          ]}
        />
      </Card>
      {resolving && (
        <Modal open title={`${t('voting.paper.resolve')} · ${resolving.buildingName} ${resolving.number}`} footer={null} onCancel={() => setResolving(null)} destroyOnHidden>
          <Typography.Paragraph type="secondary">{t('voting.paper.resolveHint')}</Typography.Paragraph>
          <Typography.Paragraph>{t('voting.paper.differences')}：{differences(resolving.differences)}</Typography.Paragraph>
          <SheetForm vote={vote} withUnit={false} submitLabel={t('voting.paper.resolve')} onSubmit={resolve} />
        </Modal>
      )}
      {discarding && (
        <ReasonDialog
          title={`${t('voting.paper.discard')} · ${discarding.buildingName} ${discarding.number}`}
          hint={t('voting.paper.discardHint')}
          okText={t('voting.paper.discard')}
          onSubmit={discard}
          onClose={() => setDiscarding(null)}
        />
      )}
    </Flex>
  );
}
