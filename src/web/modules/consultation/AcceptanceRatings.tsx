import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Form, Input, Rate, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { errorMessage } from '../../shell/states.tsx';
import { acceptImplementation, rateMatter, useMatterUpdated } from './consultation.api.ts';
import type { MatterView } from './consultation.types.ts';

// Acceptance of the implementation (owners' committee or residents' committee), and the residents'
// satisfaction with the results (1–5, once per household).

type AcceptParty = 'owners_committee' | 'residents_committee';

export function AcceptancePanel({ matter }: { matter: MatterView }) {
  const { t } = useTranslation();
  const updated = useMatterUpdated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const a = matter.acceptance;
  if (a) {
    return (
      <Descriptions size="small" column={1} data-testid="acceptance" items={[
        { key: 'party', label: t('matters.acceptance.party'), children: t(`matters.party.${a.party}`, { defaultValue: a.party }) },
        { key: 'note', label: t('matters.acceptance.note'), children: a.note },
        { key: 'by', label: t('matters.recordedBy'), children: `${a.by} · ${formatDateTime(a.at)}` },
      ]} />
    );
  }
  if (!matter.abilities.acceptImplementation) return <Typography.Text type="secondary">{t('matters.acceptance.none')}</Typography.Text>;
  const submit = async (v: { party: AcceptParty; note: string }) => {
    setBusy(true);
    setError(null);
    try {
      await updated(await acceptImplementation(matter.id, v));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} initialValues={{ party: matter.compound ? undefined : 'residents_committee' }} data-testid="acceptance-form">
      <Form.Item name="party" label={t('matters.acceptance.party')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select data-testid="acceptance-party" options={(['residents_committee', 'owners_committee'] as const).map((p) => ({ value: p, label: t(`matters.party.${p}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('matters.acceptance.note')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.TextArea rows={3} data-testid="acceptance-note" />
      </Form.Item>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="acceptance-submit">{t('matters.acceptance.submit')}</Button>
    </Form>
  );
}

export function RatingsPanel({ matter, unitId }: { matter: MatterView; unitId?: string }) {
  const { t } = useTranslation();
  const updated = useMatterUpdated();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const r = matter.ratings;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await rateMatter(matter.id, { score, comment: comment.trim() || undefined, unitId }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8} data-testid="ratings">
      <Flex gap={8} align="center" wrap>
        <Rate disabled allowHalf value={r.average ?? 0} />
        <Typography.Text data-testid="ratings-summary">
          {r.count ? t('matters.ratings.summary', { average: r.average?.toFixed(1), count: r.count }) : t('matters.ratings.none')}
        </Typography.Text>
      </Flex>
      {r.mine !== null && <Typography.Text data-testid="my-rating">{t('matters.ratings.mine', { score: r.mine })}</Typography.Text>}
      {matter.abilities.rate && r.mine === null && (
        <Flex vertical gap={8} data-testid="rating-form">
          <Typography.Text strong>{t('matters.ratings.ask')}</Typography.Text>
          <div data-testid="rating-stars"><Rate value={score} onChange={setScore} /></div>
          <Input.TextArea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('matters.ratings.comment')} maxLength={1000} data-testid="rating-comment" />
          {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
          <Button type="primary" disabled={score < 1} loading={busy} onClick={() => void submit()} data-testid="rating-submit">{t('matters.ratings.submit')}</Button>
        </Flex>
      )}
    </Flex>
  );
}
