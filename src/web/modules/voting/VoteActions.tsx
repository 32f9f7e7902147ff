import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm } from 'antd';
import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { errorMessage } from '../../shell/states.tsx';
import { moveVote, useInvalidateVote, useVoteSettings, type Move } from './voting.api.ts';
import type { VoteView } from './voting.types.ts';

// The life-cycle moves a manager may make now, from the vote's abilities (state and clock applied
// by the server), and a sentence on what comes next and when.

const simpleMoves = ['announce', 'open', 'close', 'count', 'publish'] as const;

export function NextStep({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const settings = useVoteSettings(vote.state === 'draft' ? vote.compound.id : undefined);
  const days = settings.data?.minNoticeDays ?? 15;
  const deadline = new Date(new Date(vote.opensAt).getTime() - days * 86_400_000).toISOString();
  return (
    <Alert
      type={vote.state === 'cancelled' ? 'error' : 'info'}
      showIcon
      data-testid="next-step"
      title={vote.state === 'cancelled' ? t('voting.detail.cancelled', { reason: vote.cancelReason ?? '' }) : t(`voting.actions.next.${vote.state}`, {
        deadline: formatDateTime(deadline), days, opensAt: formatDateTime(vote.opensAt), closesAt: formatDateTime(vote.closesAt),
      })}
    />
  );
}

export function VoteActions({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateVote(vote.id);
  const [busy, setBusy] = useState<Move | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'cancel' | 'extend' | null>(null);
  const [form] = Form.useForm<{ reason?: string; closesAt?: Dayjs }>();
  const a = vote.abilities;

  const run = async (move: Move, body?: { reason?: string; closesAt?: string }) => {
    setBusy(move);
    setError(null);
    try {
      await moveVote(vote.id, move, body);
      message.success(t('voting.actions.done'));
      setDialog(null);
      await invalidate();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {a.edit && <Link to={`/votes/${vote.id}/edit`}><Button icon={<EditOutlined />}>{t('voting.actions.edit')}</Button></Link>}
      {simpleMoves.filter((m) => a[m]).map((m) => (
        <Popconfirm key={m} title={t('voting.actions.confirm', { action: t(`voting.actions.${m}`) })} onConfirm={() => run(m)} okText={t(`voting.actions.${m}`)}>
          <Button type="primary" loading={busy === m} data-testid={`action-${m}`}>{t(`voting.actions.${m}`)}</Button>
        </Popconfirm>
      ))}
      {a.extend && <Button onClick={() => { form.resetFields(); setDialog('extend'); }} data-testid="action-extend">{t('voting.actions.extend')}</Button>}
      {a.cancel && <Button danger onClick={() => { form.resetFields(); setDialog('cancel'); }} data-testid="action-cancel">{t('voting.actions.cancel')}</Button>}
      {vote.state === 'published' && (
        <a href={`/public/votes/${vote.id}`} target="_blank" rel="noreferrer"><Button icon={<PrinterOutlined />} data-testid="print-notice">{t('voting.actions.print')}</Button></a>
      )}
      {error !== null && !dialog && <Alert type="error" showIcon title={errorMessage(error)} style={{ width: '100%' }} data-testid="action-error" closable={{ onClose: () => setError(null) }} />}
      <Modal
        open={dialog !== null}
        title={dialog ? t(`voting.actions.${dialog}`) : ''}
        onCancel={() => setDialog(null)}
        confirmLoading={busy !== null}
        okButtonProps={{ danger: dialog === 'cancel' }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void run(dialog!, dialog === 'extend' ? { closesAt: v.closesAt!.toISOString(), ...(v.reason ? { reason: v.reason } : {}) } : { reason: v.reason })}>
          {dialog === 'extend' && (
            <Form.Item name="closesAt" label={t('voting.actions.extendTo')} initialValue={dayjs(vote.closesAt).add(3, 'day')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          )}
          <Form.Item name="reason" label={dialog === 'cancel' ? t('voting.actions.cancelReason') : t('voting.actions.extendReason')}
            rules={dialog === 'cancel' ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
      </Modal>
    </>
  );
}
