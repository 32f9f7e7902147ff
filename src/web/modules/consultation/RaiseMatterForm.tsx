import { useState } from 'react';
import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shell/states.tsx';
import { raiseMatter, useConsultationSettings } from './consultation.api.ts';
import type { MatterSource, MatterView, RaiseMatterBody } from './consultation.types.ts';

// Raising a matter. Residents raise for their household (the matter belongs to its compound and
// collects co-signatures); staff raise for the community or one compound, from their own source.
// The deciding body is chosen here: an Art. 278 item means the owners decide by vote.

export interface RaiseContext {
  communityId: string;
  /** residents: their household decides the compound */
  household?: { unitId: string; compoundId: string };
  /** staff: the compounds they may choose from (none = community-wide only) */
  compounds?: { id: string; name: string }[];
  /** staff: the sources offered (the server decides whether this person may use one) */
  sources?: MatterSource[];
}

interface Fields {
  title: string;
  description: string;
  category: string;
  urgency: 'routine' | 'urgent';
  compoundId?: string;
  source: MatterSource;
  sourceRef?: string;
  decider: 'art278' | 'body';
  art278Item?: number;
  decidingBody?: 'owners_committee' | 'two_committees' | 'residents_assembly';
}

export function RaiseMatterForm({ context, onRaised }: { context: RaiseContext; onRaised: (m: MatterView) => void }) {
  const { t, i18n } = useTranslation();
  const settings = useConsultationSettings(context.communityId);
  const [form] = Form.useForm<Fields>();
  const decider = Form.useWatch('decider', form);
  const source = Form.useWatch('source', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const required = [{ required: true, message: t('validation.required') }];

  const submit = async (f: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const body: RaiseMatterBody = {
        communityId: context.communityId,
        compoundId: context.household?.compoundId ?? f.compoundId,
        unitId: context.household?.unitId,
        title: f.title,
        description: f.description,
        category: f.category,
        urgency: f.urgency,
        source: context.household ? 'residents' : f.source,
        sourceRef: f.source === 'complaint' ? f.sourceRef : undefined,
        ...(f.decider === 'art278' ? { art278Item: f.art278Item } : { decidingBody: f.decidingBody }),
      };
      onRaised(await raiseMatter(body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ urgency: 'routine', decider: 'body', decidingBody: 'two_committees', source: context.sources?.[0] ?? 'residents' }}
      data-testid="raise-form"
    >
      <Form.Item name="title" label={t('matters.raise.title')} rules={required}><Input maxLength={200} data-testid="raise-title" /></Form.Item>
      <Form.Item name="description" label={t('matters.raise.description')} rules={required}><Input.TextArea rows={5} data-testid="raise-description" /></Form.Item>
      <Form.Item name="category" label={t('matters.category')} rules={required}>
        <Select
          loading={settings.isPending}
          data-testid="raise-category"
          options={settings.data?.categories.map((c) => ({ value: c.key, label: i18n.language === 'en' ? c.nameEn : c.nameZh }))}
        />
      </Form.Item>
      {!context.household && (
        <>
          <Form.Item name="source" label={t('matters.source')} rules={required}>
            <Select options={(context.sources ?? []).map((s) => ({ value: s, label: t(`matters.sources.${s}`) }))} />
          </Form.Item>
          {source === 'complaint' && <Form.Item name="sourceRef" label={t('matters.raise.sourceRef')} rules={required}><Input /></Form.Item>}
          <Form.Item name="compoundId" label={t('matters.compound')} extra={t('matters.raise.compoundHint')}>
            <Select allowClear showSearch optionFilterProp="label" options={(context.compounds ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="urgency" label={t('matters.urgency.label')}>
        <Radio.Group options={[{ value: 'routine', label: t('matters.urgency.routine') }, { value: 'urgent', label: t('matters.urgency.urgent') }]} />
      </Form.Item>
      <Form.Item name="decider" label={t('matters.decider')} extra={t('matters.raise.deciderHint')}>
        <Radio.Group data-testid="raise-decider" options={[{ value: 'body', label: t('matters.raise.byBody') }, { value: 'art278', label: t('matters.raise.byVote') }]} />
      </Form.Item>
      {decider === 'art278' ? (
        <Form.Item name="art278Item" label={t('matters.raise.art278Item')} rules={required}>
          <Select data-testid="raise-art278" options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: `${n}. ${t(`matters.art278Items.${n}`)}` }))} />
        </Form.Item>
      ) : (
        <Form.Item name="decidingBody" label={t('matters.raise.decidingBody')} rules={required}>
          <Select options={(['two_committees', 'owners_committee', 'residents_assembly'] as const).map((b) => ({ value: b, label: t(`matters.decidingBody.${b}`) }))} />
        </Form.Item>
      )}
      {context.household && settings.data && settings.data.cosignaturesRequired > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('matters.raise.cosignHint', { count: settings.data.cosignaturesRequired })} />
      )}
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} data-testid="raise-error" />}
      <Button type="primary" htmlType="submit" block={!!context.household} loading={busy} data-testid="raise-submit">{t('matters.raise.submit')}</Button>
    </Form>
  );
}
