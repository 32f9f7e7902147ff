import { Alert, Flex, Form, InputNumber } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CategoriesField, type CategoryRow } from './CategoriesField.tsx';
import { consultationSettingsKey, saveConsultationSettings } from './consultation.api.ts';
import type { ConsultationSettingsBody, ConsultationSettingsView } from './consultation.types.ts';
import { fieldsNamed, SaveButton, SaveRefusal, useSettingsSave, useWholeRules } from './settings.shared.tsx';

// The consultation settings (PUT /communities/:id/consultation-settings): co-signatures for
// residents' matters, the consult period, the deliberation and resolution limits, the posting
// period of the matter's notices, and the categories. Only what changed is sent.

const numbers = ['cosignaturesRequired', 'consultDays', 'deliberateDays', 'resolveDays', 'postingDays'] as const;
const fieldOf = fieldsNamed([...numbers, 'categories']);
/** The bounds of consultationSettingsBody (src/contracts/consultation.ts). */
const BOUNDS: Record<(typeof numbers)[number], [number, number]> = {
  cosignaturesRequired: [0, 1000], consultDays: [1, 90], deliberateDays: [1, 180], resolveDays: [1, 365], postingDays: [7, 90],
};

type Values = Record<(typeof numbers)[number], number> & { categories: CategoryRow[] };

const valuesOf = (v: ConsultationSettingsView): Values => ({
  cosignaturesRequired: v.cosignaturesRequired, consultDays: v.consultDays, deliberateDays: v.deliberateDays, resolveDays: v.resolveDays, postingDays: v.postingDays,
  categories: v.categories.map(({ key, nameZh, nameEn }) => ({ key, nameZh, nameEn })),
});

function changes(saved: ConsultationSettingsView, v: Values): ConsultationSettingsBody {
  const body: ConsultationSettingsBody = {};
  for (const name of numbers) if (v[name] !== saved[name]) body[name] = v[name];
  const categories = v.categories.map((c) => ({ key: c.key.trim(), nameZh: c.nameZh.trim(), nameEn: c.nameEn.trim() }));
  const before = saved.categories.map(({ key, nameZh, nameEn }) => ({ key, nameZh, nameEn }));
  if (JSON.stringify(categories) !== JSON.stringify(before)) body.categories = categories;
  return body;
}

export function ConsultationSettingsForm({ communityId, settings, noticeMinimum }: {
  communityId: string;
  settings: ConsultationSettingsView;
  /** the notice settings' minimum posting period, when readable: a shorter matter posting would be refused at publishing */
  noticeMinimum?: number;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const whole = useWholeRules();
  const save = useSettingsSave(form, fieldOf, t('matters.settings.consultation.saved'));
  const postingDays = Form.useWatch('postingDays', form);
  const editable = settings.abilities.edit;

  const submit = (v: Values) => {
    const body = changes(settings, { ...v, categories: form.getFieldValue('categories') });
    if (Object.keys(body).length === 0) return save.nothingChanged();
    return save.run(async () => {
      const view = await saveConsultationSettings(communityId, body);
      client.setQueryData(consultationSettingsKey(communityId), view);
      form.setFieldsValue(valuesOf(view));
    });
  };

  const number = (name: (typeof numbers)[number]) => (
    <Form.Item name={name} label={t(`matters.settings.consultation.${name}`)} extra={t(`matters.settings.consultation.${name}Hint`)} rules={whole(...BOUNDS[name])}>
      <InputNumber style={{ width: 160 }} data-testid={`setting-${name}`} />
    </Form.Item>
  );
  const postingTooShort = noticeMinimum !== undefined && typeof postingDays === 'number' && postingDays < noticeMinimum;

  return (
    <Form form={form} name="consultation-settings" layout="vertical" initialValues={valuesOf(settings)} disabled={!editable} requiredMark={editable}
      onFinish={(v) => void submit(v)} scrollToFirstError>
      {editable && <Alert type="warning" showIcon title={t('matters.settings.consultation.appliesFromNow')} style={{ marginBottom: 16 }} />}
      <Flex gap={24} wrap>
        <Flex vertical style={{ flex: '1 1 320px' }}>
          {number('cosignaturesRequired')}
          {number('consultDays')}
          {number('postingDays')}
          {postingTooShort && (
            <Alert type="warning" showIcon title={t('matters.settings.consultation.postingBelowNotices', { days: noticeMinimum })} style={{ marginTop: -8, marginBottom: 16 }} data-testid="posting-below-notices" />
          )}
        </Flex>
        <Flex vertical style={{ flex: '1 1 320px' }}>
          {number('deliberateDays')}
          {number('resolveDays')}
        </Flex>
      </Flex>
      <CategoriesField editable={editable} />
      <SaveRefusal error={save.error} />
      {editable && <SaveButton busy={save.busy} testId="save-consultation-settings" />}
    </Form>
  );
}
