import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Radio, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { EmptyState, errorMessage } from '../../shell/states.tsx';
import { usePartyName } from './bits.tsx';
import { concludeItem, recordPosition, useMeetingUpdated } from './meetings.api.ts';
import { positions, type AgendaItemView, type ConclusionView, type MeetingView, type Position } from './meetings.types.ts';

// Per agenda item: each party's position with its reason, taken in person by the party's linked
// representative; and the conclusion, computed by the server from the positions (consensus,
// majority with the dissent recorded, or no consensus → escalate).

const positionColour: Record<Position, string> = { support: 'green', object: 'red', abstain: 'default' };
const resultColour = { consensus: 'green', majority: 'blue', no_consensus: 'red' } as const;

export function ConclusionBox({ conclusion }: { conclusion: ConclusionView }) {
  const { t } = useTranslation();
  const c = conclusion;
  return (
    <Alert
      type={c.escalate ? 'error' : 'success'}
      showIcon
      data-testid="conclusion"
      title={<>{t(`meetings.conclusion.${c.result}`)}{c.direction && `：${t(`meetings.position.${c.direction}`)}`}</>}
      description={
        <>
          <div>{t('meetings.conclusion.tally', c.tally)}</div>
          {c.dissent.length > 0 && <div>{t('meetings.conclusion.dissent')}：{c.dissent.map((d) => `${d.voter}（${t(`meetings.position.${d.position}`)}${d.reason ? `：${d.reason}` : ''}）`).join('；')}</div>}
          {c.note && <div>{c.note}</div>}
          {c.escalate && <div>{t('meetings.conclusion.escalate')}</div>}
        </>
      }
    />
  );
}

function PositionForm({ meeting, item }: { meeting: MeetingView; item: AgendaItemView }) {
  const { t } = useTranslation();
  const updated = useMeetingUpdated();
  const mine = item.positions.find((p) => meeting.representatives.some((r) => r.isYou && r.id === p.representativeId));
  const [position, setPosition] = useState<Position | undefined>(mine?.position);
  const [reason, setReason] = useState(mine?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await recordPosition(meeting.id, item.id, { position: position!, reason: reason.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const you = meeting.representatives.find((r) => r.isYou);
  return (
    <Card size="small" type="inner" title={t('meetings.position.yours', { party: you ? t(`meetings.party.${you.party}`) : '' })} data-testid="position-form">
      <Flex vertical gap={8}>
        <Radio.Group value={position} onChange={(e) => setPosition(e.target.value as Position)} optionType="button" buttonStyle="solid"
          options={positions.map((p) => ({ value: p, label: t(`meetings.position.${p}`) }))} />
        <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('meetings.position.reason')} data-testid="position-reason" />
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
        <Button type="primary" disabled={!position || !reason.trim()} loading={busy} onClick={() => void submit()} style={{ alignSelf: 'flex-start' }} data-testid="position-submit">
          {mine ? t('meetings.position.change') : t('meetings.position.record')}
        </Button>
      </Flex>
    </Card>
  );
}

function ItemCard({ meeting, item }: { meeting: MeetingView; item: AgendaItemView }) {
  const { t } = useTranslation();
  const party = usePartyName();
  const updated = useMeetingUpdated();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const conclude = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await concludeItem(meeting.id, item.id, note.trim() || undefined));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      data-testid="item"
      title={<>{item.order}. {item.title}</>}
      extra={item.matterId && <Link to={`/matters/${item.matterId}`}>{t('meetings.agenda.toMatter')}</Link>}
    >
      <Flex vertical gap={12}>
        <Table
          rowKey="representativeId"
          size="small"
          pagination={false}
          dataSource={item.positions}
          locale={{ emptyText: t('meetings.position.none') }}
          data-testid="positions"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('meetings.reps.party'), dataIndex: 'party', render: (p: string) => party(p) },
            { title: t('meetings.reps.name'), dataIndex: 'name' },
            { title: t('meetings.position.label'), dataIndex: 'position', render: (p: Position) => <Tag color={positionColour[p]}>{t(`meetings.position.${p}`)}</Tag> },
            { title: t('meetings.position.reasonLabel'), dataIndex: 'reason' },
            { title: t('meetings.position.at'), dataIndex: 'recordedAt', render: formatDateTime },
          ]}
        />
        {item.abilities.recordPosition && <PositionForm meeting={meeting} item={item} />}
        {item.conclusion && <ConclusionBox conclusion={item.conclusion} />}
        {item.abilities.conclude && (
          <Flex gap={8} wrap align="center">
            <Input style={{ flex: 1, minWidth: 200 }} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('meetings.conclusion.note')} />
            <Button type={item.conclusion ? 'default' : 'primary'} loading={busy} onClick={() => void conclude()} data-testid="conclude">
              {item.conclusion ? t('meetings.conclusion.again') : t('meetings.conclusion.conclude')}
            </Button>
          </Flex>
        )}
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} data-testid="conclude-error" />}
      </Flex>
    </Card>
  );
}

export function ItemsPanel({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  if (meeting.agenda.length === 0) return <EmptyState description={t('meetings.agenda.empty')} />;
  return (
    <Flex vertical gap={12}>
      {!meeting.heldAt && <Alert type="info" showIcon title={t('meetings.position.notHeld')} />}
      {meeting.heldAt && !meeting.abilities.recordPosition && !meeting.minutes.lockedAt && (
        <Descriptions size="small" items={[{ key: 'who', label: t('meetings.position.whoLabel'), children: t('meetings.position.who') }]} />
      )}
      {meeting.agenda.map((item) => <ItemCard key={item.id} meeting={meeting} item={item} />)}
      <Typography.Text type="secondary">{t('meetings.conclusion.rule')}</Typography.Text>
    </Flex>
  );
}
