import { Checkbox, Flex, Form, InputNumber } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meetingSettingsKey, saveMeetingSettings } from '../meetings/meetings.api.ts';
import { fourParties, type JointParty, type MeetingSettingsView } from '../meetings/meetings.types.ts';
import { SaveButton, SaveRefusal, useSettingsSave, useWholeRules, type FieldOf } from './settings.shared.tsx';

// The joint meeting's quorum (PUT /communities/:id/meeting-settings): how many of the four
// parties must be present, and which of them in any case (no more than that number).

interface Values { minParties: number; requiredParties: JointParty[] }

/** "body.jointQuorum.requiredParties" is the requiredParties field; the form has no jointQuorum level. */
const fieldOf: FieldOf = ([top, name]) => (top === 'jointQuorum' && (name === 'minParties' || name === 'requiredParties') ? [name] : null);
const sameParties = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p) => b.includes(p));

export function MeetingSettingsForm({ communityId, settings }: { communityId: string; settings: MeetingSettingsView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const whole = useWholeRules();
  const save = useSettingsSave(form, fieldOf, t('matters.settings.meetings.saved'));
  const editable = settings.abilities.edit;
  const saved = settings.jointQuorum;

  const submit = (v: Values) => {
    if (v.minParties === saved.minParties && sameParties(v.requiredParties, saved.requiredParties)) return save.nothingChanged();
    // the four parties in their usual order, whatever order they were ticked in
    const requiredParties = fourParties.filter((p) => v.requiredParties.includes(p));
    return save.run(async () => {
      const view = await saveMeetingSettings(communityId, { jointQuorum: { minParties: v.minParties, requiredParties } });
      client.setQueryData(meetingSettingsKey(communityId), view);
      form.setFieldsValue({ ...view.jointQuorum });
    });
  };

  const notMoreThanNeeded = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async (_: unknown, parties?: string[]) => {
      const max = getFieldValue('minParties');
      if (typeof max === 'number' && (parties?.length ?? 0) > max) throw new Error(t('matters.settings.meetings.tooMany', { max }));
    },
  });

  return (
    <Form form={form} name="meeting-settings" layout="vertical" initialValues={{ minParties: saved.minParties, requiredParties: saved.requiredParties }} disabled={!editable} requiredMark={editable} onFinish={(v) => void submit(v)}>
      <Flex gap={24} wrap>
        <Form.Item name="minParties" label={t('matters.settings.meetings.minParties')} extra={t('matters.settings.meetings.minPartiesHint')} rules={whole(1, 4)} style={{ flex: '1 1 240px' }}>
          <InputNumber style={{ width: 160 }} data-testid="setting-minParties" />
        </Form.Item>
        <Form.Item name="requiredParties" label={t('matters.settings.meetings.requiredParties')} extra={t('matters.settings.meetings.requiredPartiesHint')}
          dependencies={['minParties']} rules={[notMoreThanNeeded]} style={{ flex: '2 1 400px' }}>
          <Checkbox.Group options={fourParties.map((p) => ({ value: p, label: t(`meetings.party.${p}`) }))} data-testid="setting-requiredParties" />
        </Form.Item>
      </Flex>
      <SaveRefusal error={save.error} />
      {editable && <SaveButton busy={save.busy} testId="save-meeting-settings" />}
    </Form>
  );
}
