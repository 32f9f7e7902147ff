import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { EmptyState, ErrorAlert, PageLoading, errorMessage } from '../../shell/states.tsx';
import { ReceiptCode, keepReceipt } from './ReceiptBits.tsx';
import { newIdempotencyKey, submitBallot, useInvalidateVote, useMyBallots } from './voting.api.ts';
import type { BallotAccepted, Capacity, Choice, QuestionView, VoteView } from './voting.types.ts';

// The owner's ballot on a phone: for each subject they speak for (themselves, or an owner who
// named them proxy) and each question, what they may still do: cast, change once, or nothing.
// Whether they may is the server's `canCast` / `canChange`; the choice is never read back.

const choices: Choice[] = ['for', 'against', 'abstain'];

interface Content { choice?: Choice; marks?: string[] }

function QuestionBallot({ vote, question, capacity, multiple }: { vote: VoteView; question: QuestionView; capacity: Capacity; multiple: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const invalidate = useInvalidateVote(vote.id);
  const status = capacity.questions.find((q) => q.questionId === question.id);
  const [content, setContent] = useState<Content>({});
  const [changing, setChanging] = useState(false);
  // one key per submission: a retry after a lost answer sends the same key and counts once
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [accepted, setAccepted] = useState<BallotAccepted | null>(null);
  if (!status) return null;

  const edit = (next: Content) => {
    setContent(next);
    setKey(newIdempotencyKey());
    setError(null);
  };
  const ready = question.kind === 'election' ? content.marks !== undefined : content.choice !== undefined;
  // in person over a proxy's ballot is a cast; a change needs the vote's allowance and is used once
  const mode = changing ? 'change' : 'cast';
  const described = question.kind === 'election'
    ? (content.marks?.length ? content.marks.map((id) => question.candidates.find((c) => c.id === id)?.name ?? id).join('、') : t('voting.ballot.blank'))
    : content.choice ? t(`voting.choice.${content.choice}`) : '';

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...content, ...(multiple ? { subjectKey: capacity.subjectKey } : {}) };
      const result = await submitBallot(vote.id, question.id, mode, body, key);
      keepReceipt(vote.id, { questionId: question.id, subjectKey: capacity.subjectKey, code: result.receipt.code, castAt: result.castAt });
      setAccepted(result);
      setChanging(false);
      setContent({});
      setKey(newIdempotencyKey());
      await invalidate();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = () => modal.confirm({
    title: t('voting.ballot.confirmCast', { choice: described }),
    content: vote.allowBallotChange && mode === 'cast' ? t('voting.ballot.changeOnce') : t('voting.ballot.confirmFinal'),
    okText: t('voting.ballot.cast'),
    onOk: send,
  });

  const form = (
    <Flex vertical gap={8}>
      {question.kind === 'decision' ? (
        <Radio.Group
          value={content.choice}
          onChange={(e) => edit({ choice: e.target.value as Choice })}
          optionType="button"
          buttonStyle="solid"
          style={{ display: 'flex' }}
          options={choices.map((c) => ({ value: c, label: t(`voting.choice.${c}`), style: { flex: 1, textAlign: 'center' } }))}
          aria-label={question.title}
        />
      ) : (
        <>
          <Typography.Text type="secondary">{t('voting.ballot.chooseMarks', { seats: question.seats })}</Typography.Text>
          <Checkbox.Group
            value={content.marks}
            onChange={(marks) => edit({ marks: (marks as string[]).slice(0, question.seats ?? 1) })}
            options={question.candidates.map((c) => ({ value: c.id, label: c.name, disabled: !content.marks?.includes(c.id) && (content.marks?.length ?? 0) >= (question.seats ?? 1) }))}
          />
          <Checkbox checked={content.marks !== undefined && content.marks.length === 0} onChange={(e) => edit(e.target.checked ? { marks: [] } : {})}>{t('voting.ballot.blank')}</Checkbox>
        </>
      )}
      <Button type="primary" block size="large" disabled={!ready} loading={busy} onClick={confirm} data-testid="cast-ballot">
        {mode === 'change' ? t('voting.ballot.change') : t('voting.ballot.cast')}
      </Button>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} data-testid="ballot-error" />}
    </Flex>
  );

  return (
    <div data-testid="question-ballot" data-question={question.id}>
      <Typography.Text strong>{question.position}. {question.title}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {status.cast && (
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color="green" data-testid="ballot-recorded">{t('voting.ballot.recorded', { channel: t(`voting.channel.${status.channel}`), at: formatDateTime(status.castAt) })}</Tag>
            {status.canChange && !changing && <Button size="small" onClick={() => setChanging(true)} data-testid="change-ballot">{t('voting.ballot.change')}</Button>}
          </Space>
        )}
        {accepted && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 8 }}
            title={accepted.overrode === 'proxy' ? t('voting.ballot.overrode') : t('voting.ballot.submitted')}
            description={<><div>{t('voting.receipt.hint')}</div><ReceiptCode code={accepted.receipt.code} /></>}
            data-testid="ballot-accepted"
          />
        )}
        {(status.canCast || changing) && form}
      </div>
    </div>
  );
}

export function BallotPanel({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const mine = useMyBallots(vote.id, vote.state !== 'draft');
  if (mine.isPending) return <PageLoading />;
  if (mine.isError) return <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  const { capacities, notNamedVoter, frozen } = mine.data;
  if (!frozen) return <Alert type="info" showIcon title={t('voting.ballot.notOpen', { opensAt: formatDateTime(vote.opensAt) })} />;
  const units = (list: { buildingName: string; number: string }[]) => list.map((u) => `${u.buildingName} ${u.number}`).join('、');
  return (
    <Flex vertical gap={12}>
      {vote.state !== 'open' && <Alert type="info" showIcon title={t('voting.ballot.closed')} />}
      {capacities.length === 0 && <Card size="small"><EmptyState description={t('voting.ballot.none')} /></Card>}
      {capacities.map((capacity) => (
        <Card
          key={capacity.subjectKey}
          size="small"
          data-testid="ballot-capacity"
          title={<Space wrap><Tag color={capacity.capacity === 'proxy' ? 'purple' : 'blue'}>{t(`voting.capacity.${capacity.capacity}`)}</Tag><span>{t('voting.ballot.forUnits', { units: units(capacity.units) })}</span></Space>}
        >
          <Flex vertical gap={16}>
            {vote.questions.map((q) => <QuestionBallot key={q.id} vote={vote} question={q} capacity={capacity} multiple={capacities.length > 1} />)}
          </Flex>
        </Card>
      ))}
      {notNamedVoter.length > 0 && <Alert type="warning" showIcon title={t('voting.ballot.notNamedVoter', { units: units(notNamedVoter) })} />}
    </Flex>
  );
}
