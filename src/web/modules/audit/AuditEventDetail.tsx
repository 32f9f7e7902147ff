import { Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from './audit.api.ts';

const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));
const pre = { margin: 0, maxHeight: 320, overflow: 'auto', background: '#fff', padding: 8, borderRadius: 6, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;
const wrap = { wordBreak: 'break-all' } as const;

/** The state before and after, and the hashes that chain this event to the one before it. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <div data-testid="audit-detail" style={{ maxWidth: '100%', overflow: 'hidden' }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre style={pre}>{json(event.before)}</pre>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <pre style={pre}>{json(event.after)}</pre>
        </Col>
      </Row>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }} items={[
        { key: 'id', label: t('audit.eventId'), children: <Typography.Text code copyable style={wrap}>{event.id}</Typography.Text> },
        { key: 'object', label: t('audit.object'), children: <Typography.Text code copyable style={wrap}>{`${event.objectType}:${event.objectId}`}</Typography.Text> },
        { key: 'request', label: t('audit.requestId'), children: event.requestId ?? '—' },
        { key: 'prev', label: t('audit.prevHash'), children: <Typography.Text code copyable style={wrap}>{event.prevHash}</Typography.Text> },
        { key: 'hash', label: t('audit.hash'), children: <Typography.Text code copyable style={wrap}>{event.hash}</Typography.Text> },
      ]} />
    </div>
  );
}
