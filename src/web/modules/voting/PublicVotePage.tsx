import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shell/AppHeader.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { ErrorState, PageLoading } from '../../shell/states.tsx';
import { ReceiptCheck } from './ReceiptBits.tsx';
import { QuestionResult } from './ResultPanel.tsx';
import { DocumentsList } from './VoteBits.tsx';
import { usePublicVote } from './voting.api.ts';
import './public-notice.css';

/**
 * The public notice of a published vote, without login: what the notice board shows, with a QR
 * code to this page. It prints on A4 (print styles hide the buttons and the receipt check).
 */
export default function PublicVotePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = usePublicVote(id);
  if (notice.isPending) return <PageLoading />;
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  return (
    <div className="public-notice" data-testid="public-notice">
      <Flex justify="space-between" className="no-print" style={{ marginBottom: 8 }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">{t('voting.public.print')}</Button>
        <LanguageSwitch />
      </Flex>
      <Typography.Title level={2}>{t('voting.public.heading')}</Typography.Title>
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }} data-testid="public-title">{n.title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }} items={[
        { key: 'community', label: t('voting.public.community'), children: n.community.name },
        { key: 'compound', label: t('voting.public.compound'), children: n.compound.name },
        { key: 'opens', label: t('voting.times.opensAt'), children: formatDateTime(n.opensAt) },
        { key: 'closes', label: t('voting.times.closesAt'), children: formatDateTime(n.closesAt) },
        { key: 'counted', label: t('voting.times.countedAt'), children: formatDateTime(n.countedAt) },
        { key: 'published', label: t('voting.times.publishedAt'), children: formatDateTime(n.publishedAt) },
        { key: 'rule', label: t('voting.form.preset'), children: t(`voting.preset.${n.preset}`) },
        { key: 'ballots', label: '', children: t('voting.public.ballots', { count: n.ballots }) },
      ]} />
      <Flex vertical gap={12}>
        {n.questions.map((q) => <QuestionResult key={q.questionId} question={q} />)}
        <Card size="small" title={t('voting.detail.notice')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.noticeText}</Typography.Paragraph>
        </Card>
        {n.documents.length > 0 && <Card size="small" title={t('voting.public.documents')}><DocumentsList documents={n.documents} /></Card>}
        <Card size="small">
          <Flex gap={16} align="center" wrap>
            <div className="notice-qr"><img src={n.qrCode} alt={n.webUrl} data-testid="notice-qr" /></div>
            <Flex vertical gap={4} style={{ flex: 1, minWidth: 200 }}>
              <Typography.Text>{t('voting.public.scan')}</Typography.Text>
              <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>{n.webUrl}</Typography.Text>
              {n.merkleRoot && <><Typography.Text type="secondary">{t('voting.public.merkleRoot')}</Typography.Text><span className="notice-root">{n.merkleRoot}</span></>}
            </Flex>
          </Flex>
        </Card>
        <ReceiptCheck voteId={n.id} />
      </Flex>
    </div>
  );
}
