import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { EmptyState, ErrorAlert, PageLoading, errorMessage } from '../../shell/states.tsx';
import { answerCorrection, requestCorrection, useCorrections, useInvalidateVote } from './voting.api.ts';
import type { CorrectionView, RollUnit } from './voting.types.ts';
import { unitLabel } from './RollTable.tsx';

// Owners ask for corrections to the roll during the notice; the convener answers each one
// (accepted or not, with reasons). Voting cannot open while one is unanswered.

function AnswerForm({ voteId, correction }: { voteId: string; correction: CorrectionView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateVote(voteId);
  const [answer, setAnswer] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await answerCorrection(voteId, correction.id, { answer, accepted });
      message.success(t('voting.corrections.answered'));
      await invalidate();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={6} style={{ marginTop: 8 }} data-testid="answer-correction">
      <Input.TextArea rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} placeholder={t('voting.corrections.answerText')} aria-label={t('voting.corrections.answerText')} />
      <Flex gap={8} align="center" wrap>
        <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)}>{t('voting.corrections.accept')}</Checkbox>
        <Button type="primary" size="small" disabled={!answer.trim()} loading={busy} onClick={() => void send()} data-testid="answer-submit">{t('voting.corrections.answer')}</Button>
      </Flex>
      {accepted && <Typography.Text type="secondary">{t('voting.corrections.acceptedHint')}</Typography.Text>}
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
    </Flex>
  );
}

export function CorrectionsList({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const list = useCorrections(voteId);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyState description={t('voting.corrections.empty')} />;
  return (
    <List
      size="small"
      dataSource={list.data.items}
      renderItem={(c) => (
        <List.Item data-testid="correction">
          <div style={{ width: '100%' }}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{c.buildingName} {c.number}</Typography.Text>
              {c.answeredAt === null ? <Tag color="gold">{t('voting.corrections.pending')}</Tag>
                : <Tag color={c.accepted ? 'green' : 'default'}>{c.accepted ? t('voting.corrections.accepted') : t('voting.corrections.rejected')}</Tag>}
              <Typography.Text type="secondary">{formatDateTime(c.createdAt)}{c.requesterPhone ? ` · ${t('voting.corrections.requester')} ${c.requesterPhone}` : ''}</Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{c.text}</Typography.Paragraph>
            {c.answer && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('voting.corrections.answer')}：{c.answer}</Typography.Paragraph>}
            {c.abilities.answer && <AnswerForm voteId={voteId} correction={c} />}
          </div>
        </List.Item>
      )}
    />
  );
}

/** The owner's request, for one unit chosen in the roll. */
export function CorrectionModal({ voteId, unit, onClose }: { voteId: string; unit: RollUnit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateVote(voteId);
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async ({ text }: { text: string }) => {
    setBusy(true);
    setError(null);
    try {
      await requestCorrection(voteId, { unitId: unit.unitId, text });
      message.success(t('voting.corrections.sent'));
      await invalidate();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('voting.corrections.request')} · ${unitLabel(unit)}`} onCancel={onClose} okText={t('voting.corrections.request')}
      confirmLoading={busy} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item name="text" label={t('voting.corrections.text')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} placeholder={t('voting.corrections.textHint')} maxLength={2000} data-testid="correction-text" />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
    </Modal>
  );
}

export function CorrectionsCard({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  return <Card size="small" title={t('voting.corrections.title')}><CorrectionsList voteId={voteId} /></Card>;
}
