import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Input, List, Select, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shell/states.tsx';
import { useMatters } from '../consultation/consultation.api.ts';
import { setAgenda, useMeetingUpdated } from './meetings.api.ts';
import type { MeetingView } from './meetings.types.ts';

// The agenda: matters of the procedure that wait for deliberation, and free-text topics, in order.
// Items that already carry positions can be moved and re-titled but not removed (the server says so).

interface Draft { id?: string; matterId: string | null; title: string; inUse: boolean }

export function AgendaPanel({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const updated = useMeetingUpdated();
  const editable = meeting.abilities.edit;
  const toDrafts = () => meeting.agenda.map((i) => ({ id: i.id, matterId: i.matterId, title: i.title, inUse: i.positions.length > 0 || i.conclusion !== null }));
  const [items, setItems] = useState<Draft[]>(toDrafts);
  const [topic, setTopic] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // matters waiting for the four parties (only when the agenda can change)
  const waiting = useMatters({ communityId: meeting.communityId, step: 'deliberate', pageSize: 200 }, editable);
  useEffect(() => setItems(toDrafts()), [meeting]); // eslint-disable-line react-hooks/exhaustive-deps
  const dirty = JSON.stringify(items.map(({ inUse: _, ...x }) => x)) !== JSON.stringify(toDrafts().map(({ inUse: _, ...x }) => x));

  const move = (i: number, by: number) => setItems((list) => {
    const next = [...list];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item);
    return next;
  });
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await setAgenda(meeting.id, { items: items.map((i) => ({ id: i.id, matterId: i.matterId, title: i.title })) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const available = (waiting.data?.items ?? []).filter((m) => !items.some((i) => i.matterId === m.id));

  return (
    <Flex vertical gap={12} data-testid="agenda">
      <List
        bordered
        dataSource={items}
        locale={{ emptyText: t('meetings.agenda.empty') }}
        renderItem={(item, i) => (
          <List.Item
            data-testid="agenda-item"
            actions={editable ? [
              <Button key="up" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('meetings.agenda.up')} />,
              <Button key="down" size="small" icon={<ArrowDownOutlined />} disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={t('meetings.agenda.down')} />,
              <Button key="remove" size="small" danger icon={<DeleteOutlined />} disabled={item.inUse} onClick={() => setItems((l) => l.filter((_, j) => j !== i))} aria-label={t('meetings.agenda.remove')} />,
            ] : []}
          >
            <Flex gap={8} align="center" style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text type="secondary">{i + 1}.</Typography.Text>
              {editable
                ? <Input value={item.title} onChange={(e) => setItems((l) => l.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
                : <Typography.Text>{item.title}</Typography.Text>}
              {item.matterId && <Link to={`/matters/${item.matterId}`}><Tag color="blue">{t('meetings.agenda.matter')}</Tag></Link>}
            </Flex>
          </List.Item>
        )}
      />
      {editable && (
        <>
          <Flex gap={8} wrap>
            <Select
              style={{ minWidth: 280, flex: 1 }}
              placeholder={t('meetings.agenda.addMatter')}
              value={null}
              loading={waiting.isPending}
              notFoundContent={t('meetings.agenda.noWaiting')}
              onChange={(matterId: string) => {
                const m = available.find((x) => x.id === matterId);
                if (m) setItems((l) => [...l, { matterId: m.id, title: m.title, inUse: false }]);
              }}
              options={available.map((m) => ({ value: m.id, label: `${m.title}${m.compound ? `（${m.compound.name}）` : ''}` }))}
              data-testid="agenda-add-matter"
            />
            <Input style={{ minWidth: 200, flex: 1 }} placeholder={t('meetings.agenda.topic')} value={topic} onChange={(e) => setTopic(e.target.value)} />
            <Button icon={<PlusOutlined />} disabled={!topic.trim()} onClick={() => { setItems((l) => [...l, { matterId: null, title: topic.trim(), inUse: false }]); setTopic(''); }}>{t('meetings.agenda.addTopic')}</Button>
          </Flex>
          {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
          <Button type="primary" disabled={!dirty} loading={busy} onClick={() => void save()} style={{ alignSelf: 'flex-start' }} data-testid="agenda-save">{t('meetings.agenda.save')}</Button>
        </>
      )}
    </Flex>
  );
}
