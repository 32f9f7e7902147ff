import { useState } from 'react';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shell/format.ts';
import { ErrorState, PageLoading } from '../../shell/states.tsx';
import { NoticeBrief } from '../notices/NoticeBits.tsx';
import { RatingsPanel } from './AcceptanceRatings.tsx';
import { DueLine, StepTag, urgencyTag, useCategoryName } from './bits.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';
import { useMatter } from './consultation.api.ts';
import { MatterActions } from './MatterActions.tsx';
import { HouseholdPicker, PhoneProgress, SupportButtons, useHouseholds } from './OwnerMatterPages.tsx';
import { ResolutionPanel } from './ResolutionPanel.tsx';
import { SurveyPanel } from './SurveyPanel.tsx';

/**
 * One matter on a resident's phone: what it is and where it stands, and what this household may
 * do now (co-sign, support, answer the survey, comment, object to its notices, rate the results).
 */
export default function OwnerMatterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const matter = useMatter(id);
  const households = useHouseholds(matter.data);
  const [unitId, setUnitId] = useState<string | undefined>();
  const category = useCategoryName(matter.data?.community.id);
  if (matter.isPending) return <PageLoading />;
  if (matter.isError) return <ErrorState error={matter.error} onRetry={() => void matter.refetch()} />;
  const m = matter.data;
  const chosen = households.length > 1 ? unitId : undefined;
  const { resolution, results } = m.notices;

  return (
    <Flex vertical gap={12} data-testid="owner-matter">
      <div>
        <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="matter-title">{m.title}</Typography.Title>
        <Flex gap={4} wrap>
          <StepTag step={m.step} />
          {urgencyTag(m.urgency, t)}
          <Tag>{category(m.category)}</Tag>
          {m.art278Item !== null && <Tag color="gold">{t('matters.art278Short', { item: m.art278Item })}</Tag>}
        </Flex>
        <Typography.Text type="secondary">{m.compound?.name ?? m.community.name}</Typography.Text>
      </div>
      <PhoneProgress matter={m} />
      <DueLine card={m} />
      <Card size="small" title={t('matters.my.what')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.description}</Typography.Paragraph>
        {m.direction && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}><Typography.Text strong>{t('matters.direction')}：</Typography.Text>{m.direction}</Typography.Paragraph>}
      </Card>
      <HouseholdPicker households={households} value={unitId} onChange={setUnitId} />
      {(m.step === 'propose' || m.step === 'consult') && <Card size="small"><SupportButtons matter={m} unitId={chosen} /></Card>}
      {m.survey && <Card size="small" title={t('matters.survey.title')}><SurveyPanel matter={m} unitId={chosen} /></Card>}
      {m.step !== 'propose' && <Card size="small" title={t('matters.comments.title')}><CommentsPanel matter={m} unitId={chosen} /></Card>}
      {m.resolution && <Card size="small" title={t('matters.tabs.resolution')}><ResolutionPanel matter={m} staff={false} /></Card>}
      {resolution && <NoticeBrief id={resolution} to={`/my/notices/${resolution}`} label={t('matters.resolutionNotice')} />}
      {m.tasks.length > 0 && (
        <Card size="small" title={t('matters.tabs.implementation')}>
          {m.tasks.map((task) => (
            <div key={task.id} data-testid="task">
              <Typography.Text>{task.title}</Typography.Text>
              <Typography.Text type="secondary"> · {task.responsibleName} · {t('matters.tasks.by', { date: formatDate(task.deadline) })}</Typography.Text>
              <Progress percent={task.progress} size="small" />
            </div>
          ))}
          {m.acceptance && <Tag color="green">{t('matters.my.accepted', { by: t(`matters.party.${m.acceptance.party}`, { defaultValue: m.acceptance.party }) })}</Tag>}
        </Card>
      )}
      {results && <NoticeBrief id={results} to={`/my/notices/${results}`} label={t('matters.resultsNotice')} />}
      {(m.step === 'publish_results' || m.step === 'closed') && <Card size="small" title={t('matters.tabs.ratings')}><RatingsPanel matter={m} unitId={chosen} /></Card>}
      {m.abilities.moves.length > 0 && <Flex vertical gap={8}><MatterActions matter={m} block /></Flex>}
    </Flex>
  );
}
