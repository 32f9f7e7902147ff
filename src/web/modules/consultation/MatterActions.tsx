import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRefusal } from './bits.tsx';
import { advanceMatter, useMatterUpdated } from './consultation.api.ts';
import type { MatterStep, MatterView } from './consultation.types.ts';

// The moves this actor may make now: `abilities.moves` from the server (role by the step table;
// the requirements are checked on the move, and a refusal shows the server's message). Each move
// asks for what the step table requires of it: a direction to accept, a reason to decline,
// withdraw, escalate or refer back.

interface MoveForm {
  direction?: string;
  consultDays?: number;
  shortenReason?: string;
  reason?: string;
}

const needsReason = (to: MatterStep) => to === 'declined' || to === 'withdrawn' || to === 'escalated';

export function moveKey(from: MatterStep, to: MatterStep) {
  return `matters.moves.${from}_${to}`;
}

export function MatterActions({ matter, block = false }: { matter: MatterView; block?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updated = useMatterUpdated();
  const [to, setTo] = useState<MatterStep | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<MoveForm>();
  const refusal = useRefusal();
  if (matter.abilities.moves.length === 0) return null;

  const accepting = matter.step === 'propose' && to === 'consult';
  const referBack = matter.step === 'escalated' && to === 'deliberate';
  const open = (target: MatterStep) => {
    form.resetFields();
    setError(null);
    setTo(target);
  };
  const submit = async (values: MoveForm) => {
    if (!to) return;
    setBusy(true);
    setError(null);
    try {
      const after = await advanceMatter(matter.id, { to, expectedStep: matter.step, expectedVersion: matter.version, ...values });
      message.success(t('matters.moved', { step: t(`matters.step.${after.step}`) }));
      setTo(null);
      await updated(after);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {matter.abilities.moves.map((target) => (
        <Button
          key={target}
          block={block}
          type={needsReason(target) ? 'default' : 'primary'}
          danger={target === 'declined' || target === 'escalated'}
          onClick={() => open(target)}
          data-testid={`move-${target}`}
        >
          {t(moveKey(matter.step, target))}
        </Button>
      ))}
      <Modal
        open={to !== null}
        title={to ? t(moveKey(matter.step, to)) : ''}
        onCancel={() => setTo(null)}
        onOk={() => form.submit()}
        okText={t('matters.confirmMove')}
        okButtonProps={{ loading: busy, 'data-testid': 'move-submit' }}
        destroyOnHidden
      >
        {to && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(`matters.moveHint.${matter.step}_${to}`, { defaultValue: t('matters.moveHint.default') })} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          {accepting && (
            <>
              <Form.Item name="direction" label={t('matters.direction')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input.TextArea rows={3} data-testid="move-direction" />
              </Form.Item>
              <Form.Item name="consultDays" label={t('matters.consultDays')} extra={t('matters.consultDaysHint')}>
                <InputNumber min={1} max={90} />
              </Form.Item>
              {matter.urgency === 'urgent' && (
                <Form.Item name="shortenReason" label={t('matters.shortenReason')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              )}
            </>
          )}
          {to && (needsReason(to) || referBack) && (
            <Form.Item name="reason" label={referBack ? t('matters.guidance') : t('matters.reason')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input.TextArea rows={3} data-testid="move-reason" />
            </Form.Item>
          )}
        </Form>
        {error !== null && <Alert type="error" showIcon title={refusal(error).title} description={refusal(error).detail} data-testid="move-error" />}
      </Modal>
    </>
  );
}
