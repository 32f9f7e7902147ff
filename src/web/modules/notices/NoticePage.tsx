import { useState } from 'react';
import { App, Button, Card, Col, Input, Popconfirm, Row, Typography, Upload } from 'antd';
import { DiffOutlined, EditOutlined, GlobalOutlined, PaperClipOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../http/client.ts';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { ErrorState, errorMessage, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { CorrectionLinks, NoticeFiles, NoticePeriods, NoticeStateTag } from './NoticeBits.tsx';
import { NoticeDraftModal } from './NoticeDraftForm.tsx';
import { publishNotice, uploadAttachment, uploadProof, useNotice, useNoticeChanged } from './notices.api.ts';
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

/** A refusal of the notices module in words: the reason in the chosen language, then the server's message. */
function useRefusal() {
  const { t } = useTranslation();
  return (e: unknown) => {
    const details = e instanceof ApiError ? (e.details as { reason?: string; minimum?: number } | undefined) : undefined;
    const reason = details?.reason ? t(`notices.errors.${details.reason}`, { defaultValue: '', minimum: details.minimum }) : '';
    return reason ? `${reason}（${errorMessage(e)}）` : errorMessage(e);
  };
}

function AttachmentUpload({ notice }: { notice: NoticeView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useNoticeChanged();
  const refusal = useRefusal();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await uploadAttachment(notice.id, file);
      message.success(t('notices.form.attached', { name: file.name }));
      await changed(notice.id);
    } catch (e) {
      message.error(refusal(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload accept="application/pdf,image/*" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }} data-testid="attachment-upload">
      <Button icon={<PaperClipOutlined />} loading={busy}>{t('notices.form.attach')}</Button>
    </Upload>
  );
}

export default function NoticePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const notice = useNotice(id);
  const changed = useNoticeChanged();
  const refusal = useRefusal();
  const [dialog, setDialog] = useState<'edit' | 'correct' | null>(null);
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
      message.success(t('notices.form.published'));
      await changed(n.id);
      // the corrected notice now shows its correction
      if (n.corrects) await changed(n.corrects.id);
    } catch (e) {
      message.error(refusal(e));
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
          {n.abilities.edit && <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="edit-notice">{t('notices.form.editButton')}</Button>}
          {n.abilities.publish && <Popconfirm title={t('notices.publishConfirm')} onConfirm={() => void publish()}><Button type="primary" data-testid="publish-notice">{t('notices.publish')}</Button></Popconfirm>}
          {n.abilities.correct && <Button icon={<DiffOutlined />} onClick={() => setDialog('correct')} data-testid="correct-notice">{t('notices.form.correctButton')}</Button>}
          {published && <Link to={`/public/notices/${n.id}`} target="_blank"><Button icon={<GlobalOutlined />} data-testid="public-link">{t('notices.publicPage')}</Button></Link>}
          {published && <Link to={`/public/notices/${n.id}/print`} target="_blank"><Button icon={<PrinterOutlined />} data-testid="print-link">{t('notices.print.button')}</Button></Link>}
        </>}
      />
      {dialog && (
        <NoticeDraftModal
          mode={dialog === 'edit' ? { kind: 'edit', notice: n } : { kind: 'correct', notice: n }}
          onClose={() => setDialog(null)}
          onSaved={(saved) => { setDialog(null); if (saved.id !== n.id) navigate(`/notices/${saved.id}`); }}
        />
      )}
      <CorrectionLinks notice={n} linkTo={(noticeId) => `/notices/${noticeId}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 16 }}><div className="notice-body" style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-body">{n.body}</div></Card>
          <Card size="small" style={{ marginBottom: 16 }}>
            <NoticePeriods notice={n} />
            <Typography.Text type="secondary">{t('notices.createdBy', { by: n.createdBy, publishedBy: n.publishedBy ?? '—' })}</Typography.Text>
          </Card>
          <NoticeFiles noticeId={n.id} files={n.attachments} title={t('notices.attachments')} />
          {n.abilities.uploadAttachment && <div style={{ marginTop: 8 }}><AttachmentUpload notice={n} /></div>}
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
