import { Card, Flex, Steps, Tag, Typography } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../http/client.ts';
import { formatDateTime } from '../../shell/format.ts';
import { errorMessage } from '../../shell/states.tsx';
import { useConsultationSettings } from './consultation.api.ts';
import { mainSteps, type MatterCard, type MatterStep } from './consultation.types.ts';

// Small pieces every matter page shares: the step's tag, the procedure's progress, the deadline,
// the category's name in the chosen language, and the card a list or board shows.

const stepColour: Record<MatterStep, string> = {
  propose: 'default', consult: 'blue', deliberate: 'purple', resolve: 'geekblue', publish_resolution: 'cyan', implement: 'orange',
  publish_results: 'cyan', closed: 'green', declined: 'red', withdrawn: 'default', escalated: 'volcano',
};

export function StepTag({ step }: { step: MatterStep }) {
  const { t } = useTranslation();
  return <Tag color={stepColour[step]} data-testid="matter-step">{t(`matters.step.${step}`)}</Tag>;
}

/** Where the matter stands on the main line; a side step (declined, escalated…) is shown as an error at the step it left. */
export function MatterProgress({ step, leftFrom, vertical = false }: { step: MatterStep; leftFrom?: MatterStep; vertical?: boolean }) {
  const { t } = useTranslation();
  const onLine = mainSteps.includes(step);
  const current = onLine ? mainSteps.indexOf(step) : Math.max(0, mainSteps.indexOf(leftFrom ?? 'propose'));
  return (
    <Steps
      size="small"
      orientation={vertical ? 'vertical' : 'horizontal'}
      current={current}
      status={onLine ? (step === 'closed' ? 'finish' : 'process') : 'error'}
      items={mainSteps.map((s, i) => ({ key: s, title: i === current && !onLine ? `${t(`matters.stepShort.${s}`)} → ${t(`matters.step.${step}`)}` : t(`matters.stepShort.${s}`) }))}
      style={{ marginBottom: 16 }}
    />
  );
}

/** The step's deadline and whether it has passed. */
export function DueLine({ card }: { card: Pick<MatterCard, 'stepDueAt' | 'overdue' | 'daysInStep'> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} wrap align="center">
      {card.stepDueAt && <Typography.Text type="secondary"><ClockCircleOutlined /> {t('matters.due', { at: formatDateTime(card.stepDueAt) })}</Typography.Text>}
      {card.overdue && <Tag color="red" icon={<WarningOutlined />} data-testid="overdue-tag">{t('matters.overdue')}</Tag>}
      <Typography.Text type="secondary">{t('matters.daysInStep', { count: card.daysInStep })}</Typography.Text>
    </Flex>
  );
}

/** The community's category names (they are configurable); the key when the settings are not readable. */
export function useCategoryName(communityId: string | undefined) {
  const { i18n } = useTranslation();
  const settings = useConsultationSettings(communityId);
  return (key: string) => {
    const c = settings.data?.categories.find((x) => x.key === key);
    return c ? (i18n.language === 'en' ? c.nameEn : c.nameZh) : key;
  };
}

export function urgencyTag(urgency: MatterCard['urgency'], t: (k: string) => string) {
  return urgency === 'urgent' ? <Tag color="red">{t('matters.urgency.urgent')}</Tag> : null;
}

/** One matter as a small card: board columns and the resident's list. */
export function MatterCardItem({ card, to, showCommunity = false }: { card: MatterCard; to: string; showCommunity?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="matter-card" style={{ marginBottom: 8 }}>
      <Link to={to} data-testid="matter-link"><Typography.Text strong>{card.title}</Typography.Text></Link>
      <Flex gap={4} wrap style={{ margin: '4px 0' }}>
        <StepTag step={card.step} />
        {urgencyTag(card.urgency, t)}
        {card.art278Item !== null && <Tag color="gold">{t('matters.art278Short', { item: card.art278Item })}</Tag>}
        {card.subState && <Tag>{t(`matters.subState.${card.subState}`)}</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {showCommunity ? `${card.community.name} · ` : ''}{card.compound?.name ?? t('matters.communityWide')}
      </Typography.Text>
      {card.step === 'propose' && card.signatures.required > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>{t('matters.signatures', card.signatures)}</Typography.Text>
      )}
      <DueLine card={card} />
    </Card>
  );
}

/** A refusal in words: the reason in the chosen language where the server named one, and the server's own message. */
export function useRefusal() {
  const { t } = useTranslation();
  return (error: unknown): { title: string; detail: string } => {
    const detail = errorMessage(error);
    const reason = error instanceof ApiError ? (error.details as { reason?: string } | undefined)?.reason : undefined;
    const title = reason ? t(`matters.errors.${reason}`, { defaultValue: '' }) : '';
    return { title: title || detail, detail: title ? detail : '' };
  };
}
