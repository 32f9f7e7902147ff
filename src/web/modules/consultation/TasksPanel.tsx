import { useState, type KeyboardEvent } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Progress, Select, Tag, Timeline, Typography, Upload } from 'antd';
import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../shell/format.ts';
import { EmptyState, errorMessage } from '../../shell/states.tsx';
import { addTask, fileToAttachment, reportProgress, useMatterUpdated } from './consultation.api.ts';
import { responsibleParties, type MatterView, type ResponsibleParty, type TaskView } from './consultation.types.ts';

// Implementation: who does what by when, progress with photos and documents, and the overdue flag.
// Planning and reporting show only where the matter's and the task's abilities allow them.

function ProgressModal({ matter, task, onClose }: { matter: MatterView; task: TaskView; onClose: () => void }) {
  const { t } = useTranslation();
  const updated = useMatterUpdated();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ progress: number; note: string }>();
  const submit = async (values: { progress: number; note: string }) => {
    setBusy(true);
    setError(null);
    try {
      const attachments = await Promise.all(files.map(fileToAttachment));
      await updated(await reportProgress(matter.id, task.id, { progress: values.progress, note: values.note, attachments }));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('matters.tasks.report', { title: task.title })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy, 'data-testid': 'progress-submit' }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ progress: task.progress }}>
        <Form.Item name="progress" label={t('matters.tasks.progress')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={0} max={100} addonAfter="%" data-testid="progress-value" />
        </Form.Item>
        <Form.Item name="note" label={t('matters.tasks.note')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} data-testid="progress-note" />
        </Form.Item>
        <Upload
          multiple
          maxCount={3}
          beforeUpload={(file) => { setFiles((f) => [...f, file].slice(0, 3)); return false; }}
          onRemove={(file) => setFiles((f) => f.filter((x) => x.name !== file.name))}
        >
          <Button icon={<UploadOutlined />}>{t('matters.tasks.attach')}</Button>
        </Upload>
        <Typography.Text type="secondary">{t('matters.tasks.attachHint')}</Typography.Text>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

function AddTaskForm({ matter }: { matter: MatterView }) {
  const { t } = useTranslation();
  const updated = useMatterUpdated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const submit = async (v: { title: string; responsibleParty: ResponsibleParty; responsibleName: string; deadline: Dayjs }) => {
    setBusy(true);
    setError(null);
    try {
      await updated(await addTask(matter.id, { title: v.title, responsibleParty: v.responsibleParty, responsibleName: v.responsibleName, deadline: v.deadline.format('YYYY-MM-DD') }));
      form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Card size="small" title={t('matters.tasks.add')} data-testid="task-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ responsibleParty: 'property_company' }}>
        <Form.Item name="title" label={t('matters.tasks.title')} rules={required}><Input data-testid="task-title" /></Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="responsibleParty" label={t('matters.tasks.party')} rules={required} style={{ minWidth: 180 }}>
            <Select options={responsibleParties.map((p) => ({ value: p, label: t(`matters.party.${p}`) }))} />
          </Form.Item>
          <Form.Item name="responsibleName" label={t('matters.tasks.responsible')} rules={required} style={{ flex: 1, minWidth: 180 }}>
            <Input data-testid="task-responsible" />
          </Form.Item>
          <Form.Item name="deadline" label={t('matters.tasks.deadline')} rules={required}>
            <DatePicker data-testid="task-deadline" onKeyDown={confirmDateWithoutSubmitting} />
          </Form.Item>
        </Flex>
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="task-submit">{t('matters.tasks.addSubmit')}</Button>
      </Form>
    </Card>
  );
}

export function TasksPanel({ matter }: { matter: MatterView }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState<TaskView | null>(null);
  return (
    <Flex vertical gap={12}>
      {matter.tasks.length === 0 && <EmptyState description={t('matters.tasks.empty')} />}
      {matter.tasks.map((task) => (
        <Card
          key={task.id}
          size="small"
          data-testid="task"
          title={<Typography.Text strong ellipsis>{task.title}</Typography.Text>}
          extra={task.abilities.reportProgress && <Button size="small" onClick={() => setReporting(task)} data-testid="report-progress">{t('matters.tasks.reportButton')}</Button>}
        >
          <Flex gap={8} wrap align="center">
            <Tag>{t(`matters.party.${task.responsibleParty}`)}</Tag>
            <span>{task.responsibleName}</span>
            <Typography.Text type="secondary">{t('matters.tasks.by', { date: formatDate(task.deadline) })}</Typography.Text>
            {task.overdue && <Tag color="red">{t('matters.overdue')}</Tag>}
            {task.completedAt && <Tag color="green">{t('matters.tasks.done')}</Tag>}
          </Flex>
          <Progress percent={task.progress} size="small" data-testid="task-progress" />
          {task.updates.length > 0 && (
            <Timeline style={{ marginTop: 8 }} items={task.updates.map((u) => ({
              key: u.id,
              title: `${formatDateTime(u.at)} · ${u.progress}%`,
              content: (
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{u.note}</div>
                  <Typography.Text type="secondary">{u.by}</Typography.Text>
                  {u.attachments.map((a) => <div key={a.id}><a href={a.url} target="_blank" rel="noreferrer"><PaperClipOutlined /> {a.name}</a></div>)}
                </>
              ),
            }))} />
          )}
        </Card>
      ))}
      {matter.abilities.manageTasks && <AddTaskForm matter={matter} />}
      {reporting && <ProgressModal matter={matter} task={reporting} onClose={() => setReporting(null)} />}
    </Flex>
  );
}

/**
 * Enter confirms a typed date in the picker; without this it would also submit the whole form
 * (the browser's implicit submission), sometimes before the date is taken.
 */
function confirmDateWithoutSubmitting(event: KeyboardEvent) {
  if (event.key === 'Enter') event.preventDefault();
}
