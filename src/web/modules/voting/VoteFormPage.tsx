import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../http/client.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { ErrorState, PageLoading, errorMessage } from '../../shell/states.tsx';
import { CompoundPicker } from './CompoundPicker.tsx';
import { QuestionsFields, type QuestionFormValue } from './QuestionsFields.tsx';
import { createVote, updateVote, useInvalidateVote, useVote, useVoteSettings } from './voting.api.ts';
import type { CreateVoteBody, PresetId, VoteView } from './voting.types.ts';

// Convening a vote (a draft) and editing it. The bounds shown are the compound's settings; the
// server checks them again, and its field errors land on the fields they name.

interface Values {
  compoundId?: string;
  title: string;
  noticeText: string;
  preset: PresetId;
  coOwnerConflict: 'abstain' | 'void';
  silentVotes: 'off' | 'follow-majority' | 'follow-majority-zj2009';
  silentVotesClause?: string;
  allowBallotChange: boolean;
  noticeAt: Dayjs;
  opensAt: Dayjs;
  closesAt: Dayjs;
  questions: QuestionFormValue[];
}

const DAY = 86_400_000;
const presets: PresetId[] = ['cn-civil-code-2021', 'cn-property-law-2007', 'de-weg-2020', 'hk-bmo', 'us-ucioa'];
// weighed by shares or allocated votes, which the registry does not hold: the server refuses them
const unavailable = new Set<PresetId>(['hk-bmo', 'us-ucioa']);

function initialValues(vote: VoteView | undefined, compoundId: string | undefined, bounds: { minNoticeDays: number; minWindowDays: number }): Values {
  if (vote) {
    return {
      title: vote.title, noticeText: vote.noticeText, preset: vote.preset,
      coOwnerConflict: vote.options.coOwnerConflict ?? 'abstain', silentVotes: vote.options.silentVotes ?? 'off', silentVotesClause: vote.options.silentVotesClause,
      allowBallotChange: vote.allowBallotChange,
      noticeAt: dayjs(vote.noticeAt), opensAt: dayjs(vote.opensAt), closesAt: dayjs(vote.closesAt),
      questions: vote.questions.map((q) => ({ title: q.title, item: q.item, kind: q.kind, seats: q.seats ?? undefined, candidatesText: q.candidates.map((c) => c.name).join('\n') })),
    };
  }
  // notice from the next full hour; opening a day more than the minimum notice; a week to vote
  const noticeAt = dayjs().add(1, 'hour').startOf('hour');
  const opensAt = noticeAt.add(bounds.minNoticeDays + 1, 'day');
  return {
    compoundId, title: '', noticeText: '', preset: 'cn-civil-code-2021', coOwnerConflict: 'abstain', silentVotes: 'off', allowBallotChange: false,
    noticeAt, opensAt, closesAt: opensAt.add(Math.max(7, bounds.minWindowDays), 'day'),
    questions: [{ title: '', item: 4, kind: 'decision' }],
  };
}

function toBody(v: Values): Omit<CreateVoteBody, 'compoundId'> {
  const silent = v.silentVotes !== 'off';
  return {
    title: v.title, noticeText: v.noticeText, preset: v.preset, allowBallotChange: v.allowBallotChange,
    options: { coOwnerConflict: v.coOwnerConflict, silentVotes: v.silentVotes, ...(silent ? { silentVotesClause: v.silentVotesClause } : {}) },
    noticeAt: v.noticeAt.toISOString(), opensAt: v.opensAt.toISOString(), closesAt: v.closesAt.toISOString(),
    questions: v.questions.map((q) => ({
      title: q.title, item: q.item, kind: q.kind,
      ...(q.kind === 'election' ? { seats: q.seats, candidates: (q.candidatesText ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ name })) } : {}),
    })),
  };
}

/** "body.questions.0.item" / "options.silentVotesClause" → the form field it names. */
function fieldOf(path: string): (string | number)[] {
  const parts = path.replace(/^body\./, '').split(/[.[\]]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'options') return parts.slice(1);
  if (parts[0] === 'questions' && parts[2] === 'candidates') return ['questions', parts[1], 'candidatesText'];
  return parts;
}

export default function VoteFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const existing = useVote(id ?? '', !!id);
  const editing = !!id;
  const [compoundId, setCompoundId] = useState<string | undefined>(params.get('compoundId') ?? undefined);
  const settings = useVoteSettings(editing ? existing.data?.compound.id : compoundId);
  const invalidate = useInvalidateVote(id ?? '');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const bounds = settings.data ?? { minNoticeDays: 15, minWindowDays: 5, maxWindowDays: 60, isDefault: true };
  // the form starts once, when what it starts from has arrived; later answers must not reset what was typed
  const [initial, setInitial] = useState<Values | null>(null);
  const ready = editing ? !!existing.data && !settings.isPending : !compoundId || !settings.isPending;
  useEffect(() => {
    if (!initial && ready) setInitial(initialValues(existing.data, compoundId, bounds));
  }, [initial, ready, existing.data, compoundId, bounds]);
  const noticeAt = Form.useWatch('noticeAt', form);
  const opensAt = Form.useWatch('opensAt', form);
  const closesAt = Form.useWatch('closesAt', form);
  const silent = Form.useWatch('silentVotes', form);

  if (editing && existing.isError) return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  if (!initial) return <PageLoading />;
  const mayConvene = editing ? !!existing.data?.abilities.edit : settings.data?.abilities.edit === true;
  const days = (a?: Dayjs, b?: Dayjs) => (a && b ? Math.round(((b.valueOf() - a.valueOf()) / DAY) * 10) / 10 : null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = toBody(values);
      const vote = editing ? await updateVote(id!, body) : await createVote({ ...body, compoundId: compoundId! });
      message.success(editing ? t('voting.form.saved') : t('voting.form.created'));
      if (editing) await invalidate();
      navigate(`/votes/${vote.id}`);
    } catch (e) {
      setError(e);
      const issues = e instanceof ApiError ? (e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues : undefined;
      if (issues) form.setFields(issues.map((i) => ({ name: fieldOf(i.path) as never, errors: [i.message] })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={editing ? t('voting.form.editTitle') : t('voting.form.newTitle')} subtitle={existing.data?.compound.name} />
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} style={{ maxWidth: 860 }} scrollToFirstError>
        <Flex vertical gap={16}>
          {!editing && (
            <Card size="small" title={t('voting.picker.compound')}>
              <CompoundPicker value={compoundId} onChange={setCompoundId} />
              {compoundId && settings.data && !mayConvene && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('voting.list.cannotConvene')} />}
              {settings.isError && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorMessage(settings.error)} />}
            </Card>
          )}
          <Card size="small">
            <Form.Item name="title" label={t('voting.form.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input maxLength={200} data-testid="vote-title-input" />
            </Form.Item>
            <Form.Item name="noticeText" label={t('voting.form.noticeText')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input.TextArea rows={5} maxLength={20000} data-testid="notice-text-input" />
            </Form.Item>
          </Card>
          <Card size="small" title={t('voting.form.schedule')}>
            <Typography.Paragraph type="secondary" data-testid="schedule-bounds">
              {t('voting.form.bounds', { minNotice: bounds.minNoticeDays, minWindow: bounds.minWindowDays, maxWindow: bounds.maxWindowDays })}
              {bounds.isDefault ? ` ${t('voting.form.defaultBounds')}` : ''}
            </Typography.Paragraph>
            <Flex gap={12} wrap>
              {(['noticeAt', 'opensAt', 'closesAt'] as const).map((k) => (
                <Form.Item key={k} name={k} label={t(`voting.times.${k}`)} rules={[{ required: true, message: t('validation.required') }]}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid={`${k}-input`} />
                </Form.Item>
              ))}
            </Flex>
            <Typography.Text type={(days(noticeAt, opensAt) ?? 0) < bounds.minNoticeDays ? 'danger' : 'secondary'}>{t('voting.form.noticeDays', { days: days(noticeAt, opensAt) ?? '—' })}</Typography.Text>
            {' · '}
            <Typography.Text type={((d) => d === null || d < bounds.minWindowDays || d > bounds.maxWindowDays)(days(opensAt, closesAt)) ? 'danger' : 'secondary'}>
              {t('voting.form.windowDays', { days: days(opensAt, closesAt) ?? '—' })}
            </Typography.Text>
          </Card>
          <Card size="small" title={t('voting.form.rule')}>
            <Form.Item name="preset" label={t('voting.form.preset')}>
              <Select options={presets.map((p) => ({ value: p, disabled: unavailable.has(p), label: unavailable.has(p) ? `${t(`voting.preset.${p}`)}（${t('voting.presetUnavailable')}）` : t(`voting.preset.${p}`) }))} />
            </Form.Item>
            <Form.Item name="coOwnerConflict" label={t('voting.form.coOwnerConflict')}>
              <Select options={(['abstain', 'void'] as const).map((c) => ({ value: c, label: t(`voting.form.conflict.${c}`) }))} />
            </Form.Item>
            <Form.Item name="silentVotes" label={t('voting.form.silentVotes')}>
              <Select options={(['off', 'follow-majority', 'follow-majority-zj2009'] as const).map((s) => ({ value: s, label: t(`voting.form.silent.${s}`) }))} />
            </Form.Item>
            {silent && silent !== 'off' && (
              <Form.Item name="silentVotesClause" label={t('voting.form.silentVotesClause')} extra={t('voting.form.silentVotesClauseHint')}
                rules={[{ required: true, whitespace: true, message: t('voting.form.clauseRequired') }]}>
                <Input maxLength={500} />
              </Form.Item>
            )}
            <Form.Item name="allowBallotChange" valuePropName="checked" label={t('voting.form.allowBallotChange')}>
              <Switch />
            </Form.Item>
          </Card>
          <Card size="small" title={t('voting.form.questions')}>
            <QuestionsFields />
          </Card>
          {error !== null && <Alert type="error" showIcon title={errorMessage(error)} data-testid="form-error" />}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy} disabled={!mayConvene || (!editing && !compoundId)} data-testid="save-vote">
              {editing ? t('voting.form.save') : t('voting.form.create')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('voting.form.cancel')}</Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
