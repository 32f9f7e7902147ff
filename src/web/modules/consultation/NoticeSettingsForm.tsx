import { Flex, Form, InputNumber } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { noticeSettingsKey, saveNoticeSettings } from '../notices/notices.api.ts';
import type { NoticeSettingsView } from '../notices/notices.types.ts';
import { fieldsNamed, SaveButton, SaveRefusal, useSettingsSave, useWholeRules } from './settings.shared.tsx';

// The community's notice rules (PUT /communities/:id/notice-settings): the minimum posting
// period, never below the server's floor, and the days to answer an objection. Both are sent.

const fieldOf = fieldsNamed(['minPostingDays', 'replyDays']);
/** noticeSettingsInput's bounds (src/contracts/notices.ts); the floor comes with the view. */
const MAX_POSTING_DAYS = 90;
const REPLY_DAYS: [number, number] = [1, 30];

interface Values { minPostingDays: number; replyDays: number }

export function NoticeSettingsForm({ communityId, settings }: { communityId: string; settings: NoticeSettingsView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const whole = useWholeRules();
  const save = useSettingsSave(form, fieldOf, t('matters.settings.notices.saved'));
  const editable = settings.abilities.edit;

  const submit = (v: Values) => {
    if (v.minPostingDays === settings.minPostingDays && v.replyDays === settings.replyDays) return save.nothingChanged();
    return save.run(async () => {
      const view = await saveNoticeSettings(communityId, { minPostingDays: v.minPostingDays, replyDays: v.replyDays });
      client.setQueryData(noticeSettingsKey(communityId), view);
      form.setFieldsValue({ minPostingDays: view.minPostingDays, replyDays: view.replyDays });
    });
  };

  return (
    <Form form={form} name="notice-settings" layout="vertical" initialValues={{ minPostingDays: settings.minPostingDays, replyDays: settings.replyDays }} disabled={!editable} requiredMark={editable} onFinish={(v) => void submit(v)}>
      <Flex gap={24} wrap>
        <Form.Item name="minPostingDays" label={t('matters.settings.notices.minPostingDays')} extra={t('matters.settings.notices.minPostingDaysHint', { floor: settings.floorDays })}
          rules={whole(settings.floorDays, MAX_POSTING_DAYS)} style={{ flex: '1 1 320px' }}>
          <InputNumber style={{ width: 160 }} data-testid="setting-minPostingDays" />
        </Form.Item>
        <Form.Item name="replyDays" label={t('matters.settings.notices.replyDays')} extra={t('matters.settings.notices.replyDaysHint')} rules={whole(...REPLY_DAYS)} style={{ flex: '1 1 320px' }}>
          <InputNumber style={{ width: 160 }} data-testid="setting-replyDays" />
        </Form.Item>
      </Flex>
      <SaveRefusal error={save.error} />
      {editable && <SaveButton busy={save.busy} testId="save-notice-settings" />}
    </Form>
  );
}
