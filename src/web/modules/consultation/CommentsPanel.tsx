import { useState } from 'react';
import { Alert, App, Button, Flex, Input, List, Modal, Pagination, Tag, Typography } from 'antd';
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { EmptyState, ErrorAlert, errorMessage } from '../../shell/states.tsx';
import { hideComment, postComment, useComments } from './consultation.api.ts';
import type { CommentView, MatterView } from './consultation.types.ts';

// The matter's comments, oldest first. Residents and staff comment while the matter is consulted;
// moderators hide a comment with a reason, and it keeps its place (its text stays in the audit trail).

const PAGE_SIZE = 20;

export function CommentsPanel({ matter, unitId }: { matter: MatterView; unitId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const comments = useComments(matter.id, { page, pageSize: PAGE_SIZE });
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [hiding, setHiding] = useState<CommentView | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['matter', matter.id, 'comments'] });

  const post = async () => {
    setBusy(true);
    setError(null);
    try {
      await postComment(matter.id, text.trim(), unitId);
      setText('');
      message.success(t('matters.comments.posted'));
      // the newest comment is on the last page
      const total = (comments.data?.total ?? 0) + 1;
      setPage(Math.max(1, Math.ceil(total / PAGE_SIZE)));
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const hide = async () => {
    if (!hiding) return;
    try {
      await hideComment(matter.id, hiding.id, reason.trim());
      setHiding(null);
      setReason('');
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div data-testid="comments">
      {comments.isError && <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />}
      <List<CommentView>
        loading={comments.isPending}
        dataSource={comments.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('matters.comments.empty')} /> }}
        renderItem={(c) => (
          <List.Item
            data-testid="comment"
            actions={c.abilities.hide ? [<Button key="hide" size="small" icon={<EyeInvisibleOutlined />} onClick={() => setHiding(c)} data-testid="hide-comment">{t('matters.comments.hide')}</Button>] : []}
          >
            <List.Item.Meta
              title={<Flex gap={8} wrap><Typography.Text>{c.author}</Typography.Text><Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text></Flex>}
              description={c.hidden
                ? <><Tag>{t('matters.comments.hidden')}</Tag>{c.hiddenReason}</>
                : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.body}</Typography.Paragraph>}
            />
          </List.Item>
        )}
      />
      {(comments.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={comments.data?.total} onChange={setPage} style={{ marginTop: 8 }} />
      )}
      {matter.abilities.comment ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('matters.comments.placeholder')} maxLength={2000} data-testid="comment-input" />
          {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
          <Button type="primary" disabled={!text.trim()} loading={busy} onClick={() => void post()} data-testid="comment-submit" style={{ alignSelf: 'flex-end' }}>
            {t('matters.comments.post')}
          </Button>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('matters.comments.closed')}</Typography.Text>
      )}
      <Modal open={hiding !== null} title={t('matters.comments.hideTitle')} onCancel={() => setHiding(null)} onOk={() => void hide()} okButtonProps={{ disabled: !reason.trim() }}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('matters.comments.hideReason')} />
      </Modal>
    </div>
  );
}
