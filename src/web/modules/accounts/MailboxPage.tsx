import { Alert, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { can, useSession } from '../../shell/session.ts';
import { EmptyState, ErrorAlert, NotFoundPage } from '../../shell/states.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { useMailbox, type Mailbox } from './accounts.api.ts';

type Message = Mailbox['items'][number];

/** One-time codes the built-in sender "sent": the embedded-mode stand-in for an SMS gateway. */
export default function MailboxPage() {
  const me = useSession();
  const { t } = useTranslation();
  const allowed = can(me, 'mailbox.read');
  const mailbox = useMailbox(allowed);
  if (!allowed) return <NotFoundPage />;

  return (
    <>
      <PageHeader title={t('mailbox.title')} />
      <Alert type="info" showIcon title={t('mailbox.hint')} style={{ marginBottom: 16 }} />
      <Card>
        {mailbox.isError ? (
          <ErrorAlert error={mailbox.error} onRetry={() => void mailbox.refetch()} />
        ) : (
          <Table<Message>
            rowKey="id"
            size="middle"
            loading={mailbox.isPending}
            dataSource={mailbox.data?.items}
            locale={{ emptyText: <EmptyState description={t('mailbox.empty')} /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('mailbox.at'), dataIndex: 'createdAt', render: formatDateTime, width: 180 },
              { title: t('mailbox.channel'), dataIndex: 'channel', width: 100 },
              { title: t('mailbox.recipient'), dataIndex: 'recipient', width: 140 },
              { title: t('mailbox.code'), key: 'code', width: 100, render: (_, m) => <Typography.Text strong copyable>{/\b(\d{6})\b/.exec(m.body)?.[1] ?? '—'}</Typography.Text> },
              { title: t('mailbox.body'), dataIndex: 'body' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
