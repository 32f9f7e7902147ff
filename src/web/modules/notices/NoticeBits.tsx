import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { ErrorAlert } from '../../shell/states.tsx';
import { fileUrl, useNotice } from './notices.api.ts';
import type { NoticeFileView, NoticeState, ObjectionStatus, PublicNoticeView } from './notices.types.ts';

// Pieces the notice pages share: the state and objection-status tags, the posting periods, the
// files, and a short card of one notice for the matter pages.

const stateColour: Record<NoticeState, string> = { draft: 'default', published: 'green', posting_ended: 'blue' };
const statusColour: Record<ObjectionStatus, string> = { open: 'orange', overdue: 'red', answered: 'green', answered_late: 'gold' };

export function NoticeStateTag({ state }: { state: NoticeState }) {
  const { t } = useTranslation();
  return <Tag color={stateColour[state]} data-testid="notice-state">{t(`notices.state.${state}`)}</Tag>;
}

export function ObjectionStatusTag({ status }: { status: ObjectionStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColour[status]} data-testid="objection-status">{t(`notices.objectionStatus.${status}`)}</Tag>;
}

/** Posting period, objection window and reply deadline, as the public page and the staff page show them. */
export function NoticePeriods({ notice }: { notice: PublicNoticeView }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
      { key: 'community', label: t('notices.community'), children: notice.community.name },
      { key: 'compound', label: t('notices.compound'), children: notice.compound?.name ?? t('notices.communityWide') },
      { key: 'published', label: t('notices.publishedAt'), children: formatDateTime(notice.publishedAt) },
      { key: 'posting', label: t('notices.postingEndsAt'), children: `${formatDateTime(notice.postingEndsAt)}（${t('notices.days', { count: notice.postingDays })}）` },
      { key: 'objections', label: t('notices.objectionEndsAt'), children: <>{formatDateTime(notice.objectionEndsAt)} {notice.objectionWindowOpen ? <Tag color="orange">{t('notices.windowOpen')}</Tag> : <Tag>{t('notices.windowClosed')}</Tag>}</> },
      { key: 'reply', label: t('notices.replyDays'), children: t('notices.days', { count: notice.replyDays }) },
      { key: 'counts', label: t('notices.objectionCounts'), children: t('notices.counts', notice.objections) },
      { key: 'issuer', label: t('notices.issuer'), children: t(`notices.issuerKind.${notice.issuerKind}`) },
    ]} />
  );
}

/**
 * The two links of a correction: an old notice names the notice that corrected it (and takes no
 * more objections); a correction names the notice it corrects, with when that was published.
 */
export function CorrectionLinks({ notice, linkTo }: { notice: PublicNoticeView; linkTo: (id: string) => string }) {
  const { t } = useTranslation();
  const published = (at: string | null) => (at ? t('notices.publishedOn', { at: formatDateTime(at) }) : t('notices.state.draft'));
  return (
    <>
      {notice.correctedBy && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('notices.correctedBy')} data-testid="corrected-by"
          description={<><Link to={linkTo(notice.correctedBy.id)}>{notice.correctedBy.title}</Link> <Typography.Text type="secondary">{published(notice.correctedBy.publishedAt)}</Typography.Text><br />{t('notices.correctedHint')}</>} />
      )}
      {notice.corrects && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('notices.corrects')} data-testid="corrects"
          description={<><Link to={linkTo(notice.corrects.id)}>{notice.corrects.title}</Link> <Typography.Text type="secondary">{published(notice.corrects.publishedAt)}</Typography.Text></>} />
      )}
    </>
  );
}

export function NoticeFiles({ noticeId, files, title }: { noticeId: string; files: NoticeFileView[]; title: string }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Card size="small" title={title}>
      <Flex vertical gap={4}>
        {files.map((f) => (
          <span key={f.id}>
            <a href={fileUrl(noticeId, f.id)} target="_blank" rel="noreferrer">{f.name}</a>
            <Typography.Text type="secondary"> · {formatDateTime(f.uploadedAt)}{f.uploadedBy ? ` · ${f.uploadedBy}` : ''}{f.note ? ` · ${f.note}` : ''}</Typography.Text>
          </span>
        ))}
        {files.some((f) => f.kind === 'proof') && <Typography.Text type="secondary">{t('notices.proofHint')}</Typography.Text>}
      </Flex>
    </Card>
  );
}

/** A time as people in China read it on paper, whatever the printing computer's zone: "2025-03-10 18:00" (UTC+8). */
export function chinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** One notice in brief, linked to its page (staff: /notices/:id; residents: /my/notices/:id). */
export function NoticeBrief({ id, to, label }: { id: string; to: string; label: string }) {
  const { t } = useTranslation();
  const notice = useNotice(id);
  if (notice.isError) return <ErrorAlert error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  return (
    <Card size="small" loading={notice.isPending} data-testid="notice-brief" title={label} extra={n && <NoticeStateTag state={n.state} />}>
      {n && (
        <Flex vertical gap={4}>
          <Link to={to} data-testid="notice-link"><Typography.Text strong>{n.title}</Typography.Text></Link>
          <Typography.Text type="secondary">{t('notices.postingUntil', { at: formatDateTime(n.postingEndsAt) })}</Typography.Text>
          <Typography.Text type="secondary">{t('notices.counts', n.objections)}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
