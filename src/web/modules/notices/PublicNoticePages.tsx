import { Alert, Button, Card, Flex, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shell/AppHeader.tsx';
import { ErrorState, PageLoading } from '../../shell/states.tsx';
import { chinaDateTime, CorrectionLinks, NoticeFiles, NoticePeriods, NoticeStateTag } from './NoticeBits.tsx';
import { useNoticePrint, usePublicNotice } from './notices.api.ts';
import './notice-print.css';

// What anyone reads without logging in: the published notice (the QR code on the paper leads
// here), and the printable A4 sheet with that QR code. Objection texts are not public; counts are.

export function PublicNoticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = usePublicNotice(id);
  if (notice.isPending) return <PageLoading />;
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  return (
    <div className="notice-page" data-testid="public-notice">
      <Flex justify="space-between" className="no-print" style={{ marginBottom: 8 }} gap={8} wrap>
        <Link to={`/public/notices/${n.id}/print`}><Button icon={<PrinterOutlined />} data-testid="to-print">{t('notices.print.button')}</Button></Link>
        <LanguageSwitch />
      </Flex>
      <Typography.Title level={2} style={{ textAlign: 'center', letterSpacing: '0.3em' }}>{t('notices.print.heading')}</Typography.Title>
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }} data-testid="public-title">{n.title}</Typography.Title>
      <Flex justify="center" style={{ marginBottom: 12 }}><NoticeStateTag state={n.state} /></Flex>
      <CorrectionLinks notice={n} linkTo={(noticeId) => `/public/notices/${noticeId}`} />
      <Card size="small" style={{ marginBottom: 12 }}><div className="notice-body" data-testid="notice-body">{n.body}</div></Card>
      <Card size="small" style={{ marginBottom: 12 }}><NoticePeriods notice={n} /></Card>
      <Flex vertical gap={12}>
        <NoticeFiles noticeId={n.id} files={n.attachments} title={t('notices.attachments')} />
        <NoticeFiles noticeId={n.id} files={n.proofs} title={t('notices.proofs')} />
        {n.objectionWindowOpen && (
          <Alert type="info" showIcon className="no-print" title={t('notices.public.howToObject')}
            description={<Link to={`/login?next=${encodeURIComponent(`/my/notices/${n.id}`)}`}>{t('notices.public.loginToObject')}</Link>} />
        )}
      </Flex>
    </div>
  );
}

export function NoticePrintPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const print = useNoticePrint(id);
  if (print.isPending) return <PageLoading />;
  if (print.isError) return <ErrorState error={print.error} onRetry={() => void print.refetch()} />;
  const { notice: n, qrSvg, pageUrl, howToObject } = print.data;
  const issuer = n.issuerKind === 'owners_committee' ? `${n.compound?.name ?? ''}${t('notices.print.ownersCommittee')}` : `${n.community.name}${t('notices.print.residentsCommittee')}`;
  return (
    <>
      <Flex justify="center" gap={8} className="no-print" style={{ padding: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">{t('notices.print.print')}</Button>
        <Link to={`/public/notices/${n.id}`}><Button>{t('notices.print.back')}</Button></Link>
        <LanguageSwitch />
      </Flex>
      <article className="notice-sheet" data-testid="notice-sheet">
        <h1>{t('notices.print.heading')}</h1>
        <h2 data-testid="print-title">{n.title}</h2>
        <div className="notice-body">{n.body}</div>
        <table className="notice-meta">
          <tbody>
            <tr><td>{t('notices.compound')}</td><td>{n.compound?.name ?? `${n.community.name}（${t('notices.communityWide')}）`}</td></tr>
            <tr><td>{t('notices.postingPeriod')}</td><td>{chinaDateTime(n.publishedAt)} — {chinaDateTime(n.postingEndsAt)}（{t('notices.days', { count: n.postingDays })}，{t('notices.print.timezone')}）</td></tr>
            <tr><td>{t('notices.objectionEndsAt')}</td><td>{chinaDateTime(n.objectionEndsAt)}</td></tr>
            {n.corrects && <tr><td>{t('notices.corrects')}</td><td>{n.corrects.title}（{t('notices.publishedOn', { at: chinaDateTime(n.corrects.publishedAt) })}）</td></tr>}
          </tbody>
        </table>
        <div className="notice-qr">
          <img src={`data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}`} alt={pageUrl} data-testid="notice-qr" />
          <div>
            <p style={{ margin: 0 }}>{i18n.language === 'en' ? howToObject.en : howToObject.zh}</p>
            <p style={{ margin: '8px 0 0', wordBreak: 'break-all', fontSize: '10pt' }}>{pageUrl}</p>
          </div>
        </div>
        <div className="notice-issuer">
          <div>{issuer}</div>
          <div>{chinaDateTime(n.publishedAt).slice(0, 10)}</div>
        </div>
      </article>
    </>
  );
}
