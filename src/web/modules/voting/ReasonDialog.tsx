import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shell/states.tsx';

// A confirmation that asks why (discarding a paper sheet, revoking a proxy). The server keeps the
// reason on the row and in the audit trail, so it is required: 2 to 500 characters, as the API checks.

interface ReasonDialogProps {
  title: string;
  hint: string;
  okText: string;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonDialog({ title, hint, okText, onSubmit, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const finish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} okText={okText} okButtonProps={{ danger: true, loading: busy, 'data-testid': 'reason-ok' }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item name="reason" label={t('voting.reasonDialog.reason')} rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { min: 2, max: 500, transform: (v: string) => v?.trim(), message: t('voting.reasonDialog.length') },
        ]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} data-testid="reason-error" />}
    </Modal>
  );
}
