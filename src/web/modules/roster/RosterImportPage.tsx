import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Progress, Result, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RosterProblem } from '../../../contracts/roster.ts';
import { ApiError } from '../../http/client.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { EmptyState, ErrorAlert, ErrorState, NotFoundPage, PageLoading, errorMessage } from '../../shell/states.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { useCompound } from '../registry/registry.api.ts';
import { RosterSummary } from './RosterSummary.tsx';
import { isFinished, startRosterImport, useRosterImport, type RosterImportView } from './roster.api.ts';

type Phase = 'choose' | 'checking' | 'problems' | 'clean' | 'importing' | 'imported';

function phaseOf(job: RosterImportView | undefined): Phase {
  if (!job) return 'choose';
  if (!isFinished(job)) return job.dryRun ? 'checking' : 'importing';
  if (job.status === 'failed' || job.problemsTotal > 0) return 'problems';
  return job.dryRun ? 'clean' : 'imported';
}
const stepOf: Record<Phase, number> = { choose: 0, checking: 1, problems: 1, clean: 1, importing: 2, imported: 3 };

function JobProgress({ job }: { job: RosterImportView }) {
  const { t } = useTranslation();
  const percent = job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <div data-testid="roster-progress">
      <Typography.Text>{t(`roster.status.${job.status}`)} · {t('roster.rowsProcessed', { done: job.processedRows, total: job.totalRows || '?' })}</Typography.Text>
      <Progress percent={percent} status="active" />
    </div>
  );
}

/** Upload a roster, check it (dry run), show every problem by row and column, then import. */
export default function RosterImportPage() {
  const { t } = useTranslation();
  const { id: compoundId = '' } = useParams();
  const client = useQueryClient();
  const compound = useCompound(compoundId);
  const [file, setFile] = useState<File | null>(null);
  const [createBuildings, setCreateBuildings] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  /** what the current or starting job is, so the page shows progress before its first poll answers */
  const [kind, setKind] = useState<'check' | 'import'>('check');
  const [problemsPage, setProblemsPage] = useState({ page: 1, pageSize: 20 });
  const query = useRosterImport(jobId, problemsPage.page, problemsPage.pageSize);
  // a new job must not show the previous job's answer while its first poll is on the way
  const job = query.data?.id === jobId ? query.data : undefined;
  const waiting = starting || (jobId !== null && !job && !query.isError);
  const phase: Phase = waiting ? (kind === 'check' ? 'checking' : 'importing') : phaseOf(job);

  // once the import is written, the compound's counts and tables are out of date
  useMarkCommunity(compound.data?.community.id);
  useEffect(() => {
    if (phase === 'imported') void client.invalidateQueries({ queryKey: ['compound', compoundId] });
  }, [phase, client, compoundId]);
  const crumbs = usePlaceCrumbs({ communityId: compound.data?.community.id }, { community: compound.data?.community }, compound.data ? [
    { key: 'compound', title: <Link to={`/compounds/${compoundId}`}>{compound.data.name}</Link> },
    { key: 'roster', title: t('roster.title') },
  ] : []);

  if (compound.isPending) return <PageLoading />;
  if (compound.isError) return <ErrorState error={compound.error} onRetry={() => void compound.refetch()} />;
  if (!compound.data.abilities.importRoster) return <NotFoundPage />;

  const start = async (chosen: File, dryRun: boolean) => {
    setStarting(true);
    setKind(dryRun ? 'check' : 'import');
    setStartError(null);
    setJobId(null);
    setProblemsPage((p) => ({ ...p, page: 1 }));
    try {
      const { id } = await startRosterImport(compoundId, chosen, { dryRun, createBuildings });
      setJobId(id);
    } catch (e) {
      setStartError(e);
    } finally {
      setStarting(false);
    }
  };

  const chooser = (
    <Upload.Dragger
      accept=".xlsx,.csv"
      multiple={false}
      showUploadList={false}
      disabled={starting || phase === 'checking' || phase === 'importing'}
      beforeUpload={(chosen) => {
        setFile(chosen);
        void start(chosen, true);
        return false; // we send it ourselves, with the form fields first
      }}
      data-testid="roster-upload"
    >
      <p className="ant-upload-drag-icon"><InboxOutlined /></p>
      <p className="ant-upload-text">{phase === 'problems' ? t('roster.uploadAgain') : t('roster.chooseFile')}</p>
      <p className="ant-upload-hint">{t('roster.fileHint')}</p>
    </Upload.Dragger>
  );

  return (
    <>
      <PageHeader
        title={`${compound.data.name} · ${t('roster.title')}`}
        breadcrumb={crumbs}
        extra={compound.data.abilities.exportRoster && (
          <Button icon={<DownloadOutlined />} href={`/api/compounds/${compoundId}/roster.xlsx`} download>{t('roster.exportButton')}</Button>
        )}
      />
      <Card>
        <Steps
          current={stepOf[phase]}
          status={phase === 'problems' ? 'error' : undefined}
          style={{ marginBottom: 24 }}
          items={[{ title: t('roster.steps.choose') }, { title: t('roster.steps.check') }, { title: t('roster.steps.import') }, { title: t('roster.steps.done') }]}
        />
        {startError !== null && (
          <div style={{ marginBottom: 16 }}>
            {startError instanceof ApiError && startError.status !== 404
              ? <Alert type="error" showIcon title={t('roster.startFailed')} description={errorMessage(startError)} data-testid="roster-start-error" />
              : <ErrorAlert error={startError} />}
          </div>
        )}
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}

        {(phase === 'checking' || phase === 'importing') && (job ? <JobProgress job={job} /> : <Progress percent={0} status="active" />)}

        {phase === 'problems' && job && (
          <>
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="roster-problems-alert"
              title={job.error ?? t('roster.problemsFound', { count: job.problemsTotal })}
              description={t('roster.fixAndRetry')}
            />
            <Table<RosterProblem>
              rowKey={(p) => `${p.row}:${p.column}:${p.message}`}
              size="small"
              dataSource={job.problems}
              data-testid="roster-problems"
              locale={{ emptyText: <EmptyState /> }}
              pagination={{
                current: problemsPage.page,
                pageSize: problemsPage.pageSize,
                total: Math.min(job.problemsTotal, 10_000),
                onChange: (page, pageSize) => setProblemsPage({ page, pageSize }),
                size: 'small',
              }}
              columns={[
                { title: t('roster.problem.row'), dataIndex: 'row', width: 80, render: (r: number) => (r === 0 ? t('roster.problem.wholeFile') : r) },
                { title: t('roster.problem.column'), dataIndex: 'column', width: 160 },
                { title: t('roster.problem.message'), dataIndex: 'message' },
              ]}
            />
          </>
        )}

        {phase === 'clean' && job?.summary && (
          <>
            <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="roster-clean" title={t('roster.clean', { rows: job.summary.counts.rows })} description={t('roster.cleanHint')} />
            <RosterSummary summary={job.summary} />
            <Flex gap={8} style={{ marginTop: 16 }}>
              <Button type="primary" onClick={() => file && void start(file, false)} disabled={!file} data-testid="roster-import">{t('roster.import')}</Button>
            </Flex>
          </>
        )}

        {(phase === 'choose' || phase === 'problems' || phase === 'clean') && (
          <Flex vertical gap={12} style={{ marginBottom: 16, marginTop: phase === 'choose' ? 0 : 24 }}>
            <Checkbox checked={createBuildings} onChange={(e) => setCreateBuildings(e.target.checked)}>{t('roster.createBuildings')}</Checkbox>
            {chooser}
          </Flex>
        )}

        {phase === 'imported' && job?.summary && (
          <Result
            status="success"
            title={t('roster.imported')}
            subTitle={job.fileName}
            extra={<Link to={`/compounds/${compoundId}?tab=units`}><Button type="primary" data-testid="roster-view-units">{t('roster.viewUnits')}</Button></Link>}
          >
            <RosterSummary summary={job.summary} />
          </Result>
        )}
      </Card>
    </>
  );
}
