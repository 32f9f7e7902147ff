import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Progress, Radio, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shell/states.tsx';
import { answerSurvey, attachSurvey, useMatterUpdated } from './consultation.api.ts';
import type { MatterView, SurveyView } from './consultation.types.ts';

// The matter's short survey: its results for everyone who reads the matter, the answer form for
// a household while consulting, and the set-up form for community staff before or during it.

function SurveyResults({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="survey-results">
      <Typography.Text type="secondary">{t('matters.survey.responses', { count: survey.responses })}</Typography.Text>
      {survey.questions.map((q, qi) => (
        <div key={qi}>
          <Typography.Text strong>{qi + 1}. {q.text}</Typography.Text>
          {q.options.map((o, oi) => {
            const n = survey.results[qi]?.[oi] ?? 0;
            return (
              <Flex key={oi} gap={8} align="center">
                <span style={{ minWidth: 96 }}>{o}</span>
                <Progress percent={survey.responses ? Math.round((n / survey.responses) * 100) : 0} size="small" style={{ flex: 1, margin: 0 }} />
                <span style={{ minWidth: 32, textAlign: 'right' }}>{n}</span>
              </Flex>
            );
          })}
        </div>
      ))}
    </Flex>
  );
}

function AnswerForm({ matter, survey, unitId }: { matter: MatterView; survey: SurveyView; unitId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updated = useMatterUpdated();
  const [answers, setAnswers] = useState<number[][]>(survey.questions.map(() => []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  if (done) return <Alert type="success" showIcon title={t('matters.survey.thanks')} />;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await answerSurvey(matter.id, answers, unitId));
      setDone(true);
      message.success(t('matters.survey.thanks'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={12} data-testid="survey-form">
      {survey.questions.map((q, qi) => (
        <div key={qi} data-testid="survey-question">
          <Typography.Text strong>{qi + 1}. {q.text}</Typography.Text>
          {q.kind === 'single' ? (
            <Radio.Group value={answers[qi][0]} onChange={(e) => setAnswers((a) => a.map((x, i) => (i === qi ? [e.target.value as number] : x)))}>
              <Flex vertical>{q.options.map((o, oi) => <Radio key={oi} value={oi}>{o}</Radio>)}</Flex>
            </Radio.Group>
          ) : (
            <Checkbox.Group value={answers[qi]} onChange={(v) => setAnswers((a) => a.map((x, i) => (i === qi ? (v as number[]) : x)))}>
              <Flex vertical>{q.options.map((o, oi) => <Checkbox key={oi} value={oi}>{o}</Checkbox>)}</Flex>
            </Checkbox.Group>
          )}
        </div>
      ))}
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Button type="primary" loading={busy} disabled={answers.some((a) => a.length === 0)} onClick={() => void submit()} data-testid="survey-submit">
        {t('matters.survey.submit')}
      </Button>
    </Flex>
  );
}

interface QuestionFields { text: string; kind: 'single' | 'multiple'; options: string }

function AttachForm({ matter }: { matter: MatterView }) {
  const { t } = useTranslation();
  const updated = useMatterUpdated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async ({ questions }: { questions: QuestionFields[] }) => {
    setBusy(true);
    setError(null);
    try {
      const body = questions.map((q) => ({ text: q.text, kind: q.kind, options: q.options.split('\n').map((o) => o.trim()).filter(Boolean) }));
      await updated(await attachSurvey(matter.id, body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} initialValues={{ questions: [{ kind: 'single', text: '', options: '' }] }} data-testid="survey-attach">
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card key={field.key} size="small" style={{ marginBottom: 8 }} extra={fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}>
                <Form.Item name={[field.name, 'text']} label={t('matters.survey.question')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Input data-testid="survey-question-text" />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} label={t('matters.survey.kind')}>
                  <Select options={[{ value: 'single', label: t('matters.survey.single') }, { value: 'multiple', label: t('matters.survey.multiple') }]} />
                </Form.Item>
                <Form.Item name={[field.name, 'options']} label={t('matters.survey.options')} extra={t('matters.survey.optionsHint')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Input.TextArea rows={3} data-testid="survey-question-options" />
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'single', text: '', options: '' })} disabled={fields.length >= 10}>{t('matters.survey.addQuestion')}</Button>
          </>
        )}
      </Form.List>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginTop: 8 }} />}
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }} data-testid="survey-attach-submit">{t('matters.survey.attach')}</Button>
    </Form>
  );
}

export function SurveyPanel({ matter, unitId }: { matter: MatterView; unitId?: string }) {
  const { t } = useTranslation();
  const { survey, abilities } = matter;
  if (!survey) {
    if (abilities.attachSurvey) return <AttachForm matter={matter} />;
    return <Typography.Text type="secondary">{t('matters.survey.none')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={16}>
      {abilities.answerSurvey && <AnswerForm matter={matter} survey={survey} unitId={unitId} />}
      <SurveyResults survey={survey} />
    </Flex>
  );
}
