import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../http/client.ts';
import { errorMessage } from '../../shell/states.tsx';
import { NoticeSubjectPicker } from './NoticeSubjectPicker.tsx';
import { createDraft, updateDraft, uploadAttachment, useNoticeChanged, useNoticeSettings } from './notices.api.ts';
import { subjectTypes, type NoticeSubjectType, type NoticeView } from './notices.types.ts';

// Drafting a notice by hand, editing a draft, and drafting the correction of a published notice
// (a new notice linked to it, starting from its text; its place and subject stay the same). The
// server checks everything again; its refusals are shown on the field they name.

export type DraftMode =
  | { kind: 'create'; communityId: string; compounds: { id: string; name: string }[]; communityWide: boolean }
  | { kind: 'correct'; notice: NoticeView }
  | { kind: 'edit'; notice: NoticeView };

/** The scope value of a community-wide notice (a compound's is its id). */
const COMMUNITY = 'community';

interface Values {
  scope?: string;
  subjectType?: NoticeSubjectType;
  subjectId?: string;
  title: string;
  body: string;
  postingDays?: number | null;
  objectionDays?: number | null;
  postingStartsAt?: Dayjs | null;
}

const FIELDS = ['scope', 'subjectType', 'subjectId', 'title', 'body', 'postingDays', 'objectionDays', 'postingStartsAt'] as const;

/** The form field a server path names (body.compoundId → scope). */
function formField(path: string): (typeof FIELDS)[number] | null {
  const name = path.replace(/^body\./, '');
  return FIELDS.find((f) => f === (name === 'compoundId' ? 'scope' : name)) ?? null;
}

function initialValues(mode: DraftMode, correctionTitle: (title: string) => string): Partial<Values> {
  if (mode.kind === 'create') {
    return { scope: mode.communityWide ? COMMUNITY : mode.compounds[0]?.id, subjectType: 'matter_resolution' };
  }
  const n = mode.notice;
  return {
    title: mode.kind === 'correct' ? correctionTitle(n.title).slice(0, 200) : n.title,
    body: n.body,
    postingDays: n.postingDays,
    // an objection window equal to the posting period is the default: left empty, it follows the period
    objectionDays: n.objectionDays === n.postingDays ? null : n.objectionDays,
    postingStartsAt: mode.kind === 'edit' && n.postingStartsAt ? dayjs(n.postingStartsAt) : null,
  };
}

export function NoticeDraftModal({ mode, onClose, onSaved }: { mode: DraftMode; onClose: () => void; onSaved: (notice: NoticeView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useNoticeChanged();
  const [form] = Form.useForm<Values>();
  const communityId = mode.kind === 'create' ? mode.communityId : mode.notice.community.id;
  const settings = useNoticeSettings(communityId);
  const subjectType = Form.useWatch('subjectType', form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const minimum = Math.max(settings.data?.minPostingDays ?? 7, settings.data?.floorDays ?? 7);
  const refusal = (e: unknown, fallback: string) => {
    const details = e instanceof ApiError ? (e.details as { reason?: string; minimum?: number } | undefined) : undefined;
    return (details?.reason && t(`notices.errors.${details.reason}`, { defaultValue: '', minimum: details.minimum ?? minimum })) || fallback;
  };

  const uploadAll = async (noticeId: string) => {
    for (const f of files) {
      try {
        await uploadAttachment(noticeId, f.originFileObj as File);
      } catch (e) {
        message.error(t('notices.form.attachFailed', { name: f.name, message: refusal(e, errorMessage(e)) }));
      }
    }
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const periods = { postingDays: v.postingDays ?? undefined, objectionDays: v.objectionDays ?? undefined };
      const start = v.postingStartsAt ? v.postingStartsAt.toISOString() : null;
      let saved: NoticeView;
      if (mode.kind === 'edit') {
        saved = await updateDraft(mode.notice.id, { title: v.title, body: v.body, ...periods, objectionDays: v.objectionDays ?? null, postingStartsAt: start });
      } else if (mode.kind === 'correct') {
        const old = mode.notice;
        saved = await createDraft(old.community.id, {
          compoundId: old.compound?.id ?? null, subjectType: old.subjectType as NoticeSubjectType, subjectId: old.subjectId, correctsId: old.id,
          title: v.title, body: v.body, ...periods, postingStartsAt: start,
        });
      } else {
        saved = await createDraft(mode.communityId, {
          compoundId: v.scope === COMMUNITY ? null : v.scope, subjectType: v.subjectType!, subjectId: v.subjectId!,
          title: v.title, body: v.body, ...periods, postingStartsAt: start,
        });
      }
      await uploadAll(saved.id);
      await changed(saved.id);
      message.success(t(`notices.form.saved.${mode.kind}`));
      onSaved(saved);
    } catch (e) {
      setError(e);
      const details = e instanceof ApiError ? (e.details as { field?: string; issues?: { path: string; message: string }[] } | undefined) : undefined;
      const issues = details?.issues ?? (details?.field ? [{ path: details.field, message: errorMessage(e) }] : []);
      form.setFields(issues.flatMap((i) => {
        const name = formField(i.path);
        return name ? [{ name, errors: [refusal(e, i.message)] }] : [];
      }));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const old = mode.kind === 'create' ? null : mode.notice;
  const scopeOptions = mode.kind === 'create'
    ? [...(mode.communityWide ? [{ value: COMMUNITY, label: t('notices.communityWide') }] : []), ...mode.compounds.map((c) => ({ value: c.id, label: c.name }))]
    : [];

  return (
    <Modal
      open
      width={760}
      title={t(`notices.form.title.${mode.kind}`)}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('notices.form.cancel')}</Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => form.submit()} data-testid="notice-form-submit">{t(`notices.form.submit.${mode.kind}`)}</Button>,
      ]}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(mode, (title) => t('notices.form.correctionTitle', { title }))} onFinish={(v) => void submit(v)} data-testid="notice-form">
        {old && (
          <Typography.Paragraph type="secondary" data-testid="notice-form-fixed">
            {t('notices.form.fixed', {
              place: old.compound?.name ?? t('notices.communityWide'),
              subject: t(`notices.subject.${old.subjectType}`, { defaultValue: old.subjectType }),
            })}
            {mode.kind === 'correct' && <><br />{t('notices.form.correctsHint', { title: old.title })}</>}
          </Typography.Paragraph>
        )}
        {mode.kind === 'create' && (
          <Flex gap={12} wrap>
            <Form.Item name="scope" label={t('notices.form.scope')} rules={[{ required: true, message: t('validation.required') }]} style={{ minWidth: 200 }}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={scopeOptions} data-testid="notice-form-scope" />
            </Form.Item>
            <Form.Item name="subjectType" label={t('notices.form.subjectType')} rules={[{ required: true, message: t('validation.required') }]} style={{ minWidth: 160 }}>
              <Select options={subjectTypes.map((s) => ({ value: s, label: t(`notices.subject.${s}`) }))} onChange={() => form.setFieldValue('subjectId', undefined)} data-testid="notice-form-subject-type" />
            </Form.Item>
            <Form.Item name="subjectId" label={t('notices.form.subject')} rules={[{ required: true, message: t('validation.required') }]} style={{ minWidth: 260, flex: 1 }}>
              <NoticeSubjectPicker
                communityId={mode.communityId}
                subjectType={subjectType}
                onChange={(_, subject) => {
                  // a subject of one compound: the notice goes to that compound's board, where the user may post
                  if (subject?.compound && scopeOptions.some((o) => o.value === subject.compound!.id)) form.setFieldValue('scope', subject.compound.id);
                }}
              />
            </Form.Item>
          </Flex>
        )}
        <Form.Item name="title" label={t('notices.form.noticeTitle')} rules={required}>
          <Input maxLength={200} showCount data-testid="notice-form-title" />
        </Form.Item>
        <Form.Item name="body" label={t('notices.form.body')} rules={required} extra={t('notices.form.bodyHint')}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20_000} data-testid="notice-form-body" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="postingDays" label={t('notices.postingPeriod')} extra={t('notices.form.postingHint', { count: minimum })} style={{ minWidth: 180 }}>
            <InputNumber min={1} max={90} precision={0} placeholder={String(minimum)} suffix={t('notices.form.daysUnit')} style={{ width: '100%' }} data-testid="notice-form-posting-days" />
          </Form.Item>
          <Form.Item name="objectionDays" label={t('notices.form.objectionDays')} extra={t('notices.form.objectionHint')} style={{ minWidth: 180 }}>
            <InputNumber min={1} max={90} precision={0} suffix={t('notices.form.daysUnit')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="postingStartsAt" label={t('notices.form.startsAt')} extra={t('notices.form.startsHint')} style={{ minWidth: 220 }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {mode.kind !== 'edit' && (
          <Form.Item label={t('notices.attachments')} extra={t('notices.form.attachHint')}>
            <Upload
              multiple
              accept="application/pdf,image/*"
              fileList={files}
              beforeUpload={(file) => { setFiles((f) => [...f, { uid: file.uid, name: file.name, originFileObj: file }]); return false; }}
              onRemove={(file) => setFiles((f) => f.filter((x) => x.uid !== file.uid))}
              data-testid="notice-form-attachments"
            >
              <Button icon={<UploadOutlined />}>{t('notices.form.attach')}</Button>
            </Upload>
          </Form.Item>
        )}
        {error !== null && <Alert type="error" showIcon title={refusal(error, errorMessage(error))} description={refusal(error, '') ? errorMessage(error) : undefined} data-testid="notice-form-error" />}
      </Form>
    </Modal>
  );
}
