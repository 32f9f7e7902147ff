import { Alert, Card, Col, Descriptions, Flex, Row, Statistic, Tabs, Tag, Timeline, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { formatDateTime } from '../../shell/format.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { ErrorState, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { NoticeBrief } from '../notices/NoticeBits.tsx';
import { AcceptancePanel, RatingsPanel } from './AcceptanceRatings.tsx';
import { DueLine, MatterProgress, StepTag, urgencyTag, useCategoryName } from './bits.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';
import { useMatter } from './consultation.api.ts';
import type { MatterView } from './consultation.types.ts';
import { MatterActions } from './MatterActions.tsx';
import { ResolutionPanel } from './ResolutionPanel.tsx';
import { SurveyPanel } from './SurveyPanel.tsx';
import { TasksPanel } from './TasksPanel.tsx';

// One matter for staff: where it stands, the moves the server allows this person, and each
// step's record — consultation, resolution, the two notices, implementation and satisfaction.

function Overview({ matter: m }: { matter: MatterView }) {
  const { t } = useTranslation();
  const category = useCategoryName(m.community.id);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="matter-description">{m.description}</Typography.Paragraph>
        <Descriptions size="small" column={1} bordered items={[
          { key: 'community', label: t('matters.community'), children: <Link to={`/communities/${m.community.id}/matters`}>{m.community.name}</Link> },
          { key: 'compound', label: t('matters.compound'), children: m.compound?.name ?? t('matters.communityWide') },
          { key: 'category', label: t('matters.category'), children: category(m.category) },
          { key: 'source', label: t('matters.source'), children: `${t(`matters.sources.${m.source}`)}${m.sourceRef ? `（${m.sourceRef}）` : ''}` },
          { key: 'by', label: t('matters.raisedBy'), children: `${m.raisedBy} · ${formatDateTime(m.raisedAt)}` },
          { key: 'body', label: t('matters.decider'), children: <>{t(`matters.decidingBody.${m.decidingBody}`)}{m.art278Item !== null && <Tag color="gold" style={{ marginLeft: 8 }}>{t('matters.art278', { item: m.art278Item })}</Tag>}</> },
          ...(m.step === 'propose' ? [{ key: 'sig', label: t('matters.signaturesLabel'), children: t('matters.signatures', m.signatures) }] : []),
          ...(m.direction ? [{ key: 'direction', label: t('matters.direction'), children: m.direction }] : []),
          ...(m.consultDays !== null ? [{ key: 'consult', label: t('matters.consultDays'), children: `${t('matters.days', { count: m.consultDays })}${m.consultShortenedReason ? `（${t('matters.shortened')}：${m.consultShortenedReason}）` : ''}` }] : []),
          ...(m.outcomeReason ? [{ key: 'outcome', label: t('matters.outcomeReason'), children: m.outcomeReason }] : []),
        ]} />
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('matters.history')}>
          <Timeline data-testid="step-history" items={m.history.map((h, i) => ({
            key: i,
            color: h.leftAt ? 'gray' : 'blue',
            title: <><StepTag step={h.step} /> {formatDateTime(h.enteredAt)}</>,
            content: <><Typography.Text type="secondary">{h.by}</Typography.Text>{h.reason && <div>{h.reason}</div>}</>,
          }))} />
        </Card>
      </Col>
    </Row>
  );
}

function Consultation({ matter: m }: { matter: MatterView }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('matters.comments.title')}><CommentsPanel matter={m} /></Card>
      </Col>
      <Col xs={24} lg={10}>
        <Flex vertical gap={16}>
          <Card size="small">
            <Flex gap={24} wrap>
              <Statistic title={t('matters.supports')} value={m.supports} data-testid="support-count" />
              <Statistic title={t('matters.signaturesLabel')} value={`${m.signatures.collected} / ${m.signatures.required}`} />
            </Flex>
          </Card>
          <Card size="small" title={t('matters.survey.title')}><SurveyPanel matter={m} /></Card>
        </Flex>
      </Col>
    </Row>
  );
}

function Notices({ matter: m }: { matter: MatterView }) {
  const { t } = useTranslation();
  const { resolution, results } = m.notices;
  if (!resolution && !results) return <Typography.Text type="secondary">{t('matters.noticesNone')}</Typography.Text>;
  return (
    <Row gutter={[16, 16]}>
      {resolution && <Col xs={24} md={12}><NoticeBrief id={resolution} to={`/notices/${resolution}`} label={t('matters.resolutionNotice')} /></Col>}
      {results && <Col xs={24} md={12}><NoticeBrief id={results} to={`/notices/${results}`} label={t('matters.resultsNotice')} /></Col>}
    </Row>
  );
}

/** What the current step waits for, in one sentence. */
function StepHint({ matter: m }: { matter: MatterView }) {
  const { t } = useTranslation();
  const text = t(`matters.hint.${m.step}`, { defaultValue: '' });
  if (!text) return null;
  const extra = m.step === 'deliberate' ? <> <Link to={`/communities/${m.community.id}/meetings`}>{t('matters.toCalendar')}</Link></> : null;
  return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={<>{text}{extra}</>} data-testid="step-hint" />;
}

export default function MatterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const matter = useMatter(id);
  useMarkCommunity(matter.data?.community.id);
  const crumbs = usePlaceCrumbs({ communityId: matter.data?.community.id }, { community: matter.data?.community }, [
    { key: 'board', title: matter.data ? <Link to={`/communities/${matter.data.community.id}/matters`}>{t('matters.board.title')}</Link> : t('matters.board.title') },
  ]);
  if (matter.isPending) return <PageLoading />;
  if (matter.isError) return <ErrorState error={matter.error} onRetry={() => void matter.refetch()} />;
  const m = matter.data;
  const leftFrom = m.history.length > 1 ? m.history[m.history.length - 2].step : undefined;
  const tab = params.get('tab') ?? 'overview';
  return (
    <>
      <PageHeader
        title={<span data-testid="matter-title">{m.title}</span>}
        breadcrumb={crumbs}
        subtitle={<Flex gap={4} wrap align="center"><StepTag step={m.step} />{urgencyTag(m.urgency, t)}<DueLine card={m} /></Flex>}
        extra={<MatterActions matter={m} />}
      />
      <MatterProgress step={m.step} leftFrom={leftFrom} />
      <StepHint matter={m} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', key); return n; }, { replace: true })}
          items={[
            { key: 'overview', label: t('matters.tabs.overview'), children: <Overview matter={m} /> },
            { key: 'consult', label: t('matters.tabs.consult'), children: <Consultation matter={m} /> },
            { key: 'resolution', label: t('matters.tabs.resolution'), children: <ResolutionPanel matter={m} /> },
            { key: 'notices', label: t('matters.tabs.notices'), children: <Notices matter={m} /> },
            {
              key: 'implementation', label: t('matters.tabs.implementation'),
              children: (
                <Row gutter={[16, 16]}>
                  <Col xs={24} lg={14}><TasksPanel matter={m} /></Col>
                  <Col xs={24} lg={10}><Card size="small" title={t('matters.acceptance.title')}><AcceptancePanel matter={m} /></Card></Col>
                </Row>
              ),
            },
            { key: 'ratings', label: t('matters.tabs.ratings'), children: <RatingsPanel matter={m} /> },
          ]}
        />
      </Card>
    </>
  );
}
