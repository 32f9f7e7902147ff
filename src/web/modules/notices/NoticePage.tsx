import { useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Popconfirm, Row, Typography, Upload } from 'antd';
import { GlobalOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { ErrorState, errorMessage, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { NoticeFiles, NoticePeriods, NoticeStateTag } from './NoticeBits.tsx';
import { publishNotice, uploadProof, useNotice, useNoticeChanged } from './notices.api.ts';
import type { NoticeView } from './notices.types.ts';
import { ObjectionsPanel } from './ObjectionsPanel.tsx';

// One notice for staff: its text and periods, publishing a draft, the photo proving it is posted,
// the objections with their answers, and the links to the public page and the printed sheet.

function subjectLink(n: NoticeView) {
  return n.subjectType === 'vote_result' ? `/votes/${n.subjectId}` : `/matters/${n.subjectId}`;
}

function ProofUpload({ notice }: { notice: NoticeView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useNoticeChanged();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await uploadProof(notice.id, file, note.trim() || undefined);
      setNote('');
      message.success(t('notices.proofUploaded'));
      await changed(notice.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('notices.uploadProof')}>
      <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('notices.proofNote')} style={{ marginBottom: 8 }} />
      <Upload accept="image/*" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }} data-testid="proof-upload">
        <Button icon={<UploadOutlined />} loading={busy}>{t('notices.chooseProof')}</Button>
      </Upload>
    </Card>
  );
}

export default function NoticePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const notice = useNotice(id);
  const changed = useNoticeChanged();
  useMarkCommunity(notice.data?.community.id);
  const crumbs = usePlaceCrumbs({ communityId: notice.data?.community.id }, { community: notice.data?.community }, [
    { key: 'notices', title: notice.data ? <Link to={`/communities/${notice.data.community.id}/notices`}>{t('notices.list.title')}</Link> : t('notices.list.title') },
  ]);
  if (notice.isPending) return <PageLoading />;
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  const publish = async () => {
    try {
      await publishNotice(n.id);
      await changed(n.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const published = n.state !== 'draft';
  return (
    <>
      <PageHeader
        title={<span data-testid="notice-title">{n.title}</span>}
        breadcrumb={crumbs}
        subtitle={<><NoticeStateTag state={n.state} /> <Link to={subjectLink(n)}>{t(`notices.subject.${n.subjectType}`, { defaultValue: n.subjectType })}</Link></>}
        extra={<>
          {n.abilities.publish && <Popconfirm title={t('notices.publishConfirm')} onConfirm={() => void publish()}><Button type="primary" data-testid="publish-notice">{t('notices.publish')}</Button></Popconfirm>}
          {published && <Link to={`/public/notices/${n.id}`} target="_blank"><Button icon={<GlobalOutlined />} data-testid="public-link">{t('notices.publicPage')}</Button></Link>}
          {published && <Link to={`/public/notices/${n.id}/print`} target="_blank"><Button icon={<PrinterOutlined />} data-testid="print-link">{t('notices.print.button')}</Button></Link>}
        </>}
      />
      {n.correctedBy && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('notices.correctedBy')} description={<Link to={`/notices/${n.correctedBy.id}`}>{n.correctedBy.title}</Link>} />}
      {n.corrects && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('notices.corrects')} description={<Link to={`/notices/${n.corrects.id}`}>{n.corrects.title}</Link>} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 16 }}><div className="notice-body" style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-body">{n.body}</div></Card>
          <Card size="small" style={{ marginBottom: 16 }}>
            <NoticePeriods notice={n} />
            <Typography.Text type="secondary">{t('notices.createdBy', { by: n.createdBy, publishedBy: n.publishedBy ?? '—' })}</Typography.Text>
          </Card>
          <NoticeFiles noticeId={n.id} files={n.attachments} title={t('notices.attachments')} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('notices.objections.title', n.objections)} style={{ marginBottom: 16 }}>
            {n.abilities.seeObjections ? <ObjectionsPanel noticeId={n.id} /> : <Typography.Text type="secondary">{t('notices.objections.notYours')}</Typography.Text>}
          </Card>
          <NoticeFiles noticeId={n.id} files={n.proofs} title={t('notices.proofs')} />
          {n.abilities.uploadProof && <div style={{ marginTop: 16 }}><ProofUpload notice={n} /></div>}
        </Col>
      </Row>
    </>
  );
}
