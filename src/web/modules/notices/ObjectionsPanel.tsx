import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { EmptyState, ErrorAlert, errorMessage } from '../../shell/states.tsx';
import { ObjectionStatusTag } from './NoticeBits.tsx';
import { answerObjection, useNoticeChanged, useObjections } from './notices.api.ts';
import type { ObjectionView } from './notices.types.ts';

// Objections with their reply deadline and status; the notice's managers answer each once, and
// the answer becomes part of the record (late answers are marked late).

function AnswerBox({ objection }: { objection: ObjectionView }) {
  const { t } = useTranslation();
  const changed = useNoticeChanged();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await answerObjection(objection.noticeId, objection.id, text.trim());
      await changed(objection.noticeId);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={6} style={{ marginTop: 8 }} data-testid="answer-box">
      <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('notices.objections.answerPlaceholder')} data-testid="answer-text" />
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Button type="primary" disabled={!text.trim()} loading={busy} onClick={() => void submit()} style={{ alignSelf: 'flex-start' }} data-testid="answer-submit">{t('notices.objections.answer')}</Button>
    </Flex>
  );
}

export function ObjectionItem({ objection: o, showNotice = false }: { objection: ObjectionView; showNotice?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="objection">
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text type="secondary">{showNotice ? `${o.noticeTitle} · ` : ''}{o.raisedBy} · {formatDateTime(o.raisedAt)}</Typography.Text>
        <ObjectionStatusTag status={o.status} />
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }}>{o.text}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('notices.objections.replyDue', { at: formatDateTime(o.replyDueAt) })}</Typography.Text>
      {o.answer !== null ? (
        <Alert style={{ marginTop: 8 }} type="success" title={t('notices.objections.answered', { by: o.answeredBy ?? '', at: formatDateTime(o.answeredAt) })} description={<span style={{ whiteSpace: 'pre-wrap' }} data-testid="objection-answer">{o.answer}</span>} />
      ) : o.abilities.answer && <AnswerBox objection={o} />}
    </Card>
  );
}

export function ObjectionsPanel({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation();
  const objections = useObjections(noticeId, true);
  if (objections.isError) return <ErrorAlert error={objections.error} onRetry={() => void objections.refetch()} />;
  return (
    <List
      loading={objections.isPending}
      dataSource={objections.data?.items ?? []}
      locale={{ emptyText: <EmptyState description={t('notices.objections.empty')} /> }}
      renderItem={(o) => <List.Item style={{ display: 'block', border: 0, padding: '4px 0' }}><ObjectionItem objection={o} /></List.Item>}
    />
  );
}
