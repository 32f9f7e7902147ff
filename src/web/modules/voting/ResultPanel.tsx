import { Alert, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { thresholdText } from './VoteBits.tsx';
import { useSubjectReports } from './voting.api.ts';
import type { Approval, Participation, QuestionResultView, SubjectReport, TallyResult } from './voting.types.ts';

// One question's counted result with its explanation: participation by area and heads against the
// quorum, approval against its base, the candidates of an election, and for an owner how their own
// vote was counted. Every figure is the server's string: nothing is recomputed or rounded here.

function Met({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return met
    ? <Tag icon={<CheckCircleFilled />} color="success">{t('voting.result.met')}</Tag>
    : <Tag icon={<CloseCircleFilled />} color="error">{t('voting.result.notMet')}</Tag>;
}

interface Row { key: string; measure: string; value: string; whole: string; threshold: string; met: boolean }

/** One line per test: what was reached of what, the legal threshold and whether it holds; wraps on a phone. */
function TestsTable({ rows, wholeLabel, testId }: { rows: Row[]; wholeLabel: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical data-testid={testId} style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6 }}>
      {rows.map((r, i) => (
        <Flex key={r.key} wrap align="center" gap={8} justify="space-between" style={{ padding: '6px 10px', borderTop: i ? '1px solid rgba(5,5,5,0.06)' : undefined }}>
          <Typography.Text strong style={{ minWidth: 96 }}>{r.measure}</Typography.Text>
          <Typography.Text>
            {r.value} <Typography.Text type="secondary">/ {wholeLabel} {r.whole}</Typography.Text>
          </Typography.Text>
          <Flex gap={4} align="center">
            <Typography.Text type="secondary">{t('voting.result.threshold')} {r.threshold}</Typography.Text>
            <Met met={r.met} />
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}

export function ParticipationTable({ participation }: { participation: Participation }) {
  const { t } = useTranslation();
  const rows: Row[] = [
    { key: 'area', measure: t('voting.result.area'), value: `${participation.area.value} m²`, whole: `${participation.area.total} m²`, threshold: thresholdText(t, participation.area.threshold), met: participation.area.met },
    { key: 'heads', measure: t('voting.result.heads'), value: String(participation.heads.value), whole: String(participation.heads.total), threshold: thresholdText(t, participation.heads.threshold), met: participation.heads.met },
  ];
  return <TestsTable rows={rows} wholeLabel={t('voting.result.total')} testId="result-participation" />;
}

function ApprovalTable({ approval }: { approval: Approval }) {
  const { t } = useTranslation();
  const rows: Row[] = [
    { key: 'area', measure: t('voting.result.area'), value: `${approval.area.value} m²`, whole: `${approval.area.base} m²`, threshold: thresholdText(t, approval.area.threshold), met: approval.area.met },
    { key: 'heads', measure: t('voting.result.heads'), value: String(approval.heads.value), whole: String(approval.heads.base), threshold: thresholdText(t, approval.heads.threshold), met: approval.heads.met },
  ];
  return (
    <>
      <Typography.Text type="secondary">{t(`voting.result.basis.${approval.basis}`)}</Typography.Text>
      <TestsTable rows={rows} wholeLabel={t('voting.result.base')} testId="result-approval" />
    </>
  );
}

/** How one subject was counted, in the reader's language (the English sentence stays as the source). */
function SubjectExplanation({ subject, unitName, candidateName }: { subject: SubjectReport; unitName: (id: string) => string; candidateName: (id: string) => string }) {
  const { t } = useTranslation();
  const shown = (b: { choice?: string | null; marks?: string[] | null }) =>
    b.choice ? t(`voting.choice.${b.choice}`) : b.marks ? (b.marks.length ? b.marks.map(candidateName).join('、') : t('voting.ballot.blank')) : '—';
  return (
    <Card size="small" type="inner" title={t('voting.result.mySubject')} data-testid="my-subject">
      <Descriptions size="small" column={1} items={[
        { key: 'units', label: t('voting.result.units'), children: subject.unitAreas.map((u) => `${unitName(u.unit)} ${u.area} m²（${t(`voting.source.${u.source}`)}）`).join('；') },
        { key: 'area', label: t('voting.result.areaOf'), children: `${subject.area} m²` },
        { key: 'reason', label: t('voting.result.reasonLabel'), children: <>{t(`voting.reason.${subject.reason}`, { defaultValue: subject.reason })}{subject.choice || subject.marks ? `：${shown(subject)}` : ''}</> },
        {
          key: 'ballots', label: t('voting.result.ballotsOf'),
          children: subject.ballots.length === 0 ? '—' : subject.ballots.map((b, i) => (
            <div key={i}>{shown(b)} · {b.counted ? t('voting.result.counted') : `${t('voting.result.notCounted')}（${t(`voting.reason.${b.reason}`, { defaultValue: b.reason })}）`}</div>
          )),
        },
      ]} />
      {/* the tally core's own sentence (English, with ids), for whoever checks it against the record */}
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 1, expandable: true, symbol: '…' }} style={{ marginBottom: 0, fontSize: 12 }}>{subject.explanation}</Typography.Paragraph>
    </Card>
  );
}

export function QuestionResult({ question, mySubjectKeys = [], unitName = (id) => id, showRecord = true }: {
  question: QuestionResultView;
  /** the owner's own subjects: their explanation is shown */
  mySubjectKeys?: string[];
  unitName?: (unitId: string) => string;
  showRecord?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const result = question.result as TallyResult;
  const candidateName = (id: string) => question.candidates.find((c) => c.id === id)?.name ?? id;
  const mine = useSubjectReports(question.subjectsUrl, mySubjectKeys).flatMap((q) => q.data?.subjects ?? []);
  const passedTag = question.passed === null ? null : question.passed
    ? <Tag color="success" data-testid="result-passed">{t('voting.result.passed')}</Tag>
    : <Tag color="error" data-testid="result-passed">{t('voting.result.failed')}</Tag>;
  return (
    <Card size="small" title={<Flex gap={8} wrap align="center"><span>{question.title}</span>{passedTag}</Flex>} data-testid="question-result">
      <Flex vertical gap={12}>
        <Alert type={question.passed === false ? 'warning' : 'info'} showIcon title={i18n.language === 'en' ? question.summary.en : question.summary.zh} data-testid="result-summary" />
        <Typography.Text strong>{t('voting.result.participation')}</Typography.Text>
        <ParticipationTable participation={result.participation} />
        {result.kind === 'decision' && (
          <>
            <Typography.Text strong>{t('voting.result.approval')}</Typography.Text>
            <ApprovalTable approval={result.approval} />
            {result.silentVotes && <Alert type="info" title={result.silentVotes.explanation} />}
            {result.raw && <Typography.Text type="secondary">{t('voting.result.raw')}: {result.raw.passed ? t('voting.result.passed') : t('voting.result.failed')}</Typography.Text>}
          </>
        )}
        {result.kind === 'election' && (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={result.candidates}
              columns={[
                { title: t('voting.result.candidate'), dataIndex: 'id', render: (id: string) => candidateName(id) },
                { title: t('voting.result.heads'), dataIndex: 'heads', align: 'right' },
                { title: t('voting.result.area'), dataIndex: 'area', align: 'right', render: (a: string) => `${a} m²` },
                { title: '', dataIndex: 'passed', render: (p: boolean) => <Met met={p} /> },
              ]}
            />
            {result.tie.length > 0 && <Alert type="warning" title={t('voting.result.tie', { names: result.tie.map(candidateName).join('、') })} />}
            {result.unfilled > 0 && <Typography.Text>{t('voting.result.unfilled', { count: result.unfilled })}</Typography.Text>}
          </>
        )}
        {mine.map((s) => <SubjectExplanation key={s.voter} subject={s} unitName={unitName} candidateName={candidateName} />)}
        {showRecord && (
          <Typography.Text type="secondary" className="no-print">
            <a href={question.recordUrl} download data-testid="record-link"><DownloadOutlined /> {t('voting.result.record')}</a> · {t('voting.result.recordHint')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
