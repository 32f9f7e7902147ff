import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Form, Input, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { useRefusal } from './bits.tsx';
import { recordResolution, useMatterUpdated } from './consultation.api.ts';
import type { MatterView } from './consultation.types.ts';

// The resolution of step 4. An Art. 278 matter is decided by the owners' vote: its published
// result is taken over, and there is no form to type one in (the server refuses a text too). Other
// matters: the deciding body's text, on the basis of the joint meeting's record.

function RecordForm({ matter }: { matter: MatterView }) {
  const { t } = useTranslation();
  const updated = useMatterUpdated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const byVote = matter.decidingBody === 'owners_vote';
  const refusal = useRefusal();
  const submit = async (values: { text?: string; basisNote?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const basisNote = values.basisNote?.trim() || undefined;
      await updated(await recordResolution(matter.id, byVote ? { fromVote: true, basisNote } : { text: values.text!, basisNote }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} data-testid="resolution-form">
      {byVote ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('matters.resolution.byVote', { item: matter.art278Item })}
          description={<>{t('matters.resolution.byVoteHint')} {matter.compound && <Link to={`/votes?compoundId=${matter.compound.id}`}>{t('matters.resolution.toVotes')}</Link>}</>}
        />
      ) : (
        <Form.Item name="text" label={t('matters.resolution.text')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.TextArea rows={5} data-testid="resolution-text" />
        </Form.Item>
      )}
      <Form.Item name="basisNote" label={t('matters.resolution.basisNote')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {error !== null && <Alert type="error" showIcon title={`${t('matters.resolution.refused')}：${refusal(error).title}`} description={refusal(error).detail} style={{ marginBottom: 12 }} data-testid="resolution-error" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid={byVote ? 'resolution-from-vote' : 'resolution-submit'}>
        {byVote ? t('matters.resolution.fromVote') : t('matters.resolution.record')}
      </Button>
    </Form>
  );
}

export function ResolutionPanel({ matter, staff = true }: { matter: MatterView; staff?: boolean }) {
  const { t } = useTranslation();
  const r = matter.resolution;
  if (!r) {
    if (matter.abilities.recordResolution) return <RecordForm matter={matter} />;
    return <Typography.Text type="secondary">{t('matters.resolution.none', { body: t(`matters.decidingBody.${matter.decidingBody}`) })}</Typography.Text>;
  }
  return (
    <Flex vertical gap={8} data-testid="resolution">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="resolution-text-shown">{r.text}</Typography.Paragraph>
      <Descriptions size="small" column={1} items={[
        { key: 'body', label: t('matters.resolution.body'), children: t(`matters.decidingBody.${r.decidingBody}`) },
        {
          key: 'basis', label: t('matters.resolution.basis'),
          children: r.basis === 'vote'
            ? (staff && r.voteId ? <Link to={`/votes/${r.voteId}`}>{t('matters.resolution.basisVote')}</Link> : t('matters.resolution.basisVote'))
            : (staff && r.meetingId ? <Link to={`/meetings/${r.meetingId}`}>{t('matters.resolution.basisMeeting')}</Link> : t('matters.resolution.basisMeeting')),
        },
        ...(r.passed !== null ? [{ key: 'passed', label: t('matters.resolution.outcome'), children: <Tag color={r.passed ? 'green' : 'red'}>{r.passed ? t('matters.resolution.passed') : t('matters.resolution.rejected')}</Tag> }] : []),
        ...(r.basisNote ? [{ key: 'note', label: t('matters.resolution.basisNote'), children: r.basisNote }] : []),
        { key: 'by', label: t('matters.recordedBy'), children: `${r.recordedBy} · ${formatDateTime(r.recordedAt)}` },
      ]} />
    </Flex>
  );
}
