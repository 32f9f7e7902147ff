import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shell/states.tsx';
import { createMeeting, createSeries, useCalendarChanged } from './meetings.api.ts';
import { meetingKinds, type MeetingKind, type MeetingView } from './meetings.types.ts';

// Setting up a standing meeting (weekday and local time) and convening an ad-hoc one.

interface Compound { id: string; name: string }

function KindFields({ compounds, kind }: { compounds: Compound[]; kind: MeetingKind | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="kind" label={t('meetings.form.kind')} rules={[{ required: true }]}>
        <Select options={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
      </Form.Item>
      {kind === 'owners_committee' && (
        <Form.Item name="compoundId" label={t('meetings.form.compound')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select showSearch optionFilterProp="label" options={compounds.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
    </>
  );
}

export function SeriesModal({ communityId, compounds, onClose }: { communityId: string; compounds: Compound[]; onClose: () => void }) {
  const { t } = useTranslation();
  const changed = useCalendarChanged();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as MeetingKind | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { kind: MeetingKind; compoundId?: string; title?: string; weekday: number; time: Dayjs; location?: string; startsOn?: Dayjs }) => {
    setBusy(true);
    setError(null);
    try {
      await createSeries(communityId, {
        kind: v.kind, compoundId: v.compoundId, title: v.title || undefined, weekday: v.weekday, time: v.time.format('HH:mm'),
        location: v.location || undefined, startsOn: v.startsOn?.format('YYYY-MM-DD'),
      });
      await changed();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('meetings.series.create')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'joint', weekday: 2 }}>
        <KindFields compounds={compounds} kind={kind} />
        <Form.Item name="title" label={t('meetings.form.title')} extra={t('meetings.series.titleHint')}><Input /></Form.Item>
        <Form.Item name="weekday" label={t('meetings.series.weekday')} rules={[{ required: true }]}>
          <Select options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`meetings.weekday.${d}`) }))} />
        </Form.Item>
        <Form.Item name="time" label={t('meetings.series.time')} rules={[{ required: true, message: t('validation.required') }]}>
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        <Form.Item name="location" label={t('meetings.form.location')}><Input /></Form.Item>
        <Form.Item name="startsOn" label={t('meetings.series.startsOn')}><DatePicker /></Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
    </Modal>
  );
}

export function AdHocModal({ communityId, compounds, onClose, onCreated }: { communityId: string; compounds: Compound[]; onClose: () => void; onCreated: (m: MeetingView) => void }) {
  const { t } = useTranslation();
  const changed = useCalendarChanged();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as MeetingKind | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { kind: MeetingKind; compoundId?: string; title: string; scheduledAt: Dayjs; location?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const meeting = await createMeeting(communityId, { kind: v.kind, compoundId: v.compoundId, title: v.title, scheduledAt: v.scheduledAt.format(), location: v.location || undefined });
      await changed();
      onCreated(meeting);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('meetings.adHoc.create')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy, 'data-testid': 'adhoc-submit' }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'joint' }}>
        <KindFields compounds={compounds} kind={kind} />
        <Form.Item name="title" label={t('meetings.form.title')} rules={[{ required: true, message: t('validation.required') }]}><Input data-testid="adhoc-title" /></Form.Item>
        <Form.Item name="scheduledAt" label={t('meetings.form.scheduledAt')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="location" label={t('meetings.form.location')}><Input /></Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
    </Modal>
  );
}
