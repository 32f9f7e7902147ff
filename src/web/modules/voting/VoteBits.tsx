import { Descriptions, List, Steps, Tag, Typography } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../shell/format.ts';
import { EmptyState } from '../../shell/states.tsx';
import type { DocumentView, QuestionView, VoteState, VoteView } from './voting.types.ts';

// Small pieces every voting page shows the same way: the state, the steps, times, thresholds,
// Art. 278 items and documents.

const stateColor: Record<VoteState, string> = {
  draft: 'default', announced: 'gold', open: 'green', closed: 'orange', counted: 'blue', published: 'purple', cancelled: 'red',
};

export function VoteStateTag({ state }: { state: VoteState }) {
  const { t } = useTranslation();
  return <Tag color={stateColor[state]} data-testid="vote-state">{t(`voting.state.${state}`)}</Tag>;
}

const stepOrder = ['draft', 'announced', 'open', 'closed', 'counted', 'published'] as const;

/** Where the vote is in its life; a cancelled vote shows where it stopped. */
export function VoteSteps({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const at = vote.state === 'cancelled'
    ? (vote.openedAt ? 2 : vote.announcedAt ? 1 : 0)
    : stepOrder.indexOf(vote.state as (typeof stepOrder)[number]);
  return (
    <Steps
      size="small"
      current={at}
      status={vote.state === 'cancelled' ? 'error' : vote.state === 'published' ? 'finish' : 'process'}
      responsive
      items={stepOrder.map((s) => ({ title: t(`voting.steps.${s}`) }))}
    />
  );
}

/** "at least 2/3" → 不少于 2/3: the server writes thresholds in English. */
export function thresholdText(t: TFunction, threshold: string): string {
  const m = /^(at least|more than) (\d+\/\d+)$/.exec(threshold);
  if (!m) return threshold === 'none' ? t('voting.threshold.none') : threshold;
  return t(m[1] === 'at least' ? 'voting.threshold.atLeast' : 'voting.threshold.moreThan', { fraction: m[2] });
}

export function ItemTag({ question }: { question: Pick<QuestionView, 'item' | 'class'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={question.class === 'special' ? 'red' : 'blue'} title={t(`voting.item.${question.item}`)}>
      {t('voting.itemLabel', { item: question.item })} · {t(`voting.class.${question.class}`)}
    </Tag>
  );
}

export function VoteTimes({ vote, column = 1 }: { vote: Pick<VoteView, 'noticeAt' | 'opensAt' | 'closesAt'>; column?: number }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={column} items={(['noticeAt', 'opensAt', 'closesAt'] as const).map((k) => ({
      key: k, label: t(`voting.times.${k}`), children: formatDateTime(vote[k]),
    }))} />
  );
}

export function DocumentsList({ documents }: { documents: DocumentView[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <EmptyState description={t('voting.detail.noDocuments')} />;
  return (
    <List
      size="small"
      dataSource={documents}
      renderItem={(d) => (
        <List.Item data-testid="vote-document">
          <a href={d.url} download={d.name}><FileOutlined /> {d.name}</a>
          <Typography.Text type="secondary"> · {t(`voting.docKind.${d.kind}`)} · {Math.ceil(d.size / 1024)} KB</Typography.Text>
        </List.Item>
      )}
    />
  );
}

export function QuestionsList({ questions }: { questions: QuestionView[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={questions}
      renderItem={(q) => (
        <List.Item>
          <div>
            <Typography.Text strong>{q.position}. {q.title}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              <ItemTag question={q} />
              <Tag>{t(`voting.kind.${q.kind}`)}</Tag>
              {q.kind === 'election' && <Typography.Text type="secondary">{q.seats} · {q.candidates.map((c) => c.name).join('、')}</Typography.Text>}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
