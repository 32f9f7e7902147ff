import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Segmented, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { EmptyState, ErrorState, errorMessage, PageLoading } from '../../shell/states.tsx';
import { NoticeFiles, NoticePeriods, NoticeStateTag } from './NoticeBits.tsx';
import { raiseObjection, useMyNotices, useMyObjections, useNotice, useNoticeChanged } from './notices.api.ts';
import { ObjectionItem } from './ObjectionsPanel.tsx';

// A resident's notices on a phone: the notices of my compound(s) and community, one notice with
// the objection form while its window is open, and the objections I raised with their answers.

export function MyNoticesPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<'current' | 'all' | 'objections'>('current');
  const notices = useMyNotices({ current: view === 'current' ? true : undefined, pageSize: 50 });
  const objections = useMyObjections();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 4 }}>{t('notices.my.title')}</Typography.Title>
      <Segmented block value={view} onChange={(v) => setView(v as typeof view)} style={{ marginBottom: 12 }}
        options={[{ value: 'current', label: t('notices.my.current') }, { value: 'all', label: t('notices.my.all') }, { value: 'objections', label: t('notices.my.objections') }]} />
      {view !== 'objections' && (
        <>
          {notices.isPending && <PageLoading />}
          {notices.isError && <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />}
          {notices.data?.items.length === 0 && <Card><EmptyState description={t('notices.my.empty')} /></Card>}
          <Flex vertical gap={8}>
            {notices.data?.items.map((n) => (
              <Card key={n.id} size="small" data-testid="my-notice">
                <Link to={`/my/notices/${n.id}`}><Typography.Text strong>{n.title}</Typography.Text></Link>
                <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
                  <NoticeStateTag state={n.state} />
                  <Typography.Text type="secondary">{n.compound?.name ?? t('notices.communityWide')}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary">{t('notices.postingUntil', { at: formatDateTime(n.postingEndsAt) })}</Typography.Text>
              </Card>
            ))}
          </Flex>
        </>
      )}
      {view === 'objections' && (
        <>
          {objections.isPending && <PageLoading />}
          {objections.isError && <ErrorState error={objections.error} onRetry={() => void objections.refetch()} />}
          {objections.data?.items.length === 0 && <Card><EmptyState description={t('notices.my.noObjections')} /></Card>}
          <Flex vertical gap={8}>{objections.data?.items.map((o) => <ObjectionItem key={o.id} objection={o} showNotice />)}</Flex>
        </>
      )}
    </>
  );
}

export function OwnerNoticePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const notice = useNotice(id);
  const objections = useMyObjections();
  const changed = useNoticeChanged();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (notice.isPending) return <PageLoading />;
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  const mine = (objections.data?.items ?? []).filter((o) => o.noticeId === n.id);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await raiseObjection(n.id, text.trim());
      setText('');
      message.success(t('notices.objections.raised'));
      await changed(n.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={12} data-testid="owner-notice">
      <div>
        <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="notice-title">{n.title}</Typography.Title>
        <Flex gap={6} align="center" wrap>
          <NoticeStateTag state={n.state} />
          <Link to={`/public/notices/${n.id}/print`}><Button size="small" icon={<PrinterOutlined />}>{t('notices.print.button')}</Button></Link>
        </Flex>
      </div>
      <Card size="small"><div style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-body">{n.body}</div></Card>
      <Card size="small"><NoticePeriods notice={n} /></Card>
      <NoticeFiles noticeId={n.id} files={n.attachments} title={t('notices.attachments')} />
      <NoticeFiles noticeId={n.id} files={n.proofs} title={t('notices.proofs')} />
      {mine.length > 0 && (
        <Card size="small" title={t('notices.my.yourObjections')}>
          <Flex vertical gap={8}>{mine.map((o) => <ObjectionItem key={o.id} objection={o} />)}</Flex>
        </Card>
      )}
      {n.abilities.object ? (
        <Card size="small" title={t('notices.objections.raiseTitle')} data-testid="objection-form">
          <Typography.Paragraph type="secondary">{t('notices.objections.raiseHint', { until: formatDateTime(n.objectionEndsAt), days: n.replyDays })}</Typography.Paragraph>
          <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} data-testid="objection-text" />
          {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginTop: 8 }} />}
          <Button type="primary" block disabled={!text.trim()} loading={busy} onClick={() => void submit()} style={{ marginTop: 8 }} data-testid="objection-submit">{t('notices.objections.raise')}</Button>
        </Card>
      ) : (
        <Typography.Text type="secondary">{n.objectionWindowOpen ? t('notices.objections.cannot') : t('notices.objections.windowClosed')}</Typography.Text>
      )}
    </Flex>
  );
}
