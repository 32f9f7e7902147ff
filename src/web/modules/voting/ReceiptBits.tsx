import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../http/client.ts';
import { formatDateTime } from '../../shell/format.ts';
import { errorMessage } from '../../shell/states.tsx';
import { checkReceipt } from './voting.api.ts';
import type { ReceiptView } from './voting.types.ts';

// Receipts: the code an accepted ballot returns, kept on the owner's own device (the server keeps
// only its hash), shown with a copy button, and checked against the ballot box and, once counted,
// the published Merkle root.

export interface KeptReceipt { questionId: string; subjectKey: string; code: string; castAt: string }
const storageKey = (voteId: string) => `siyi.receipts.${voteId}`;

export function keptReceipts(voteId: string): KeptReceipt[] {
  try {
    return JSON.parse(localStorage.getItem(storageKey(voteId)) ?? '[]') as KeptReceipt[];
  } catch {
    return [];
  }
}

export function keepReceipt(voteId: string, receipt: KeptReceipt) {
  try {
    const others = keptReceipts(voteId).filter((r) => r.code !== receipt.code);
    localStorage.setItem(storageKey(voteId), JSON.stringify([...others, receipt]));
  } catch {
    // storage unavailable (private mode): the code is still on screen to copy
  }
}

export function ReceiptCode({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text code copyable={{ text: code, tooltips: [t('voting.receipt.copy'), '✓'] }} data-testid="receipt-code" style={{ fontSize: 15, wordBreak: 'break-all' }}>
      {code}
    </Typography.Text>
  );
}

const statusColor = { recorded: 'blue', counted: 'green', superseded: 'default' } as const;

export function ReceiptStatus({ view }: { view: ReceiptView }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} data-testid="receipt-status">
      <Space wrap>
        <Tag color={statusColor[view.status]}>{t(`voting.receipt.status.${view.status}`)}</Tag>
        <Typography.Text type="secondary">{formatDateTime(view.issuedAt)}</Typography.Text>
      </Space>
      {view.status === 'counted' && (
        <Typography.Text type={view.verified ? 'success' : 'danger'}>
          <SafetyCertificateOutlined /> {view.verified ? t('voting.receipt.verified') : t('voting.receipt.notVerified')}
        </Typography.Text>
      )}
      {view.root && <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>{t('voting.receipt.root')}: {view.root}</Typography.Text>}
    </Flex>
  );
}

/** Check a receipt code: anyone may, without login. */
export function ReceiptCheck({ voteId, initialCode = '' }: { voteId: string; initialCode?: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<ReceiptView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    if (!code.trim()) return;
    setBusy(true);
    setError(null);
    setView(null);
    try {
      setView(await checkReceipt(voteId, code));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('voting.receipt.check')} className="no-print" data-testid="receipt-check">
      <Space.Compact style={{ width: '100%' }}>
        <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('voting.receipt.codePlaceholder')} onPressEnter={() => void run()} aria-label={t('voting.receipt.code')} />
        <Button type="primary" loading={busy} onClick={() => void run()} data-testid="receipt-check-button">{t('voting.receipt.checkButton')}</Button>
      </Space.Compact>
      <div style={{ marginTop: 8 }}>
        {view && <ReceiptStatus view={view} />}
        {error !== null && <Alert type="error" showIcon title={error instanceof ApiError && error.status === 404 ? t('voting.receipt.notFound') : errorMessage(error)} />}
      </div>
    </Card>
  );
}

/** The receipts this device kept for a vote, each with its check. */
export function KeptReceiptsList({ voteId, questionTitle }: { voteId: string; questionTitle: (id: string) => string }) {
  const { t } = useTranslation();
  const receipts = keptReceipts(voteId);
  if (receipts.length === 0) return null;
  return (
    <Card size="small" title={t('voting.receipt.saved')} data-testid="kept-receipts">
      <List
        size="small"
        dataSource={receipts}
        renderItem={(r) => (
          <List.Item>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text type="secondary">{questionTitle(r.questionId)} · {formatDateTime(r.castAt)}</Typography.Text>
              <ReceiptCode code={r.code} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
