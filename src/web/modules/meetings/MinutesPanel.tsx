import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { LockOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { errorMessage } from '../../shell/states.tsx';
import { usePartyName } from './bits.tsx';
import { addAddendum, editMinutes, signMinutes, useMeetingUpdated } from './meetings.api.ts';
import type { MeetingView } from './meetings.types.ts';

// The minutes: the text and each item's notes until they lock; sign-off per party, in person,
// over the record's digest (an edit after signing makes a signature stale); once every party
// present signed, the minutes lock and a correction is an addendum, chained to the record.

function Editor({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updated = useMeetingUpdated();
  const [text, setText] = useState(meeting.minutes.text);
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries(meeting.agenda.map((i) => [i.id, i.notes])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setText(meeting.minutes.text);
    setNotes(Object.fromEntries(meeting.agenda.map((i) => [i.id, i.notes])));
  }, [meeting]);
  const dirty = text !== meeting.minutes.text || meeting.agenda.some((i) => (notes[i.id] ?? '') !== i.notes);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await editMinutes(meeting.id, { text, itemNotes: meeting.agenda.map((i) => ({ itemId: i.id, notes: notes[i.id] ?? '' })) }));
      message.success(t('meetings.minutes.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Input.TextArea rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('meetings.minutes.placeholder')} data-testid="minutes-text" />
      {meeting.agenda.map((i) => (
        <div key={i.id}>
          <Typography.Text type="secondary">{i.order}. {i.title}</Typography.Text>
          <Input.TextArea rows={2} value={notes[i.id] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [i.id]: e.target.value }))} placeholder={t('meetings.minutes.itemNotes')} />
        </div>
      ))}
      {meeting.minutes.signatures.length > 0 && <Alert type="warning" showIcon title={t('meetings.minutes.staleWarning')} />}
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Button type="primary" disabled={!dirty} loading={busy} onClick={() => void save()} style={{ alignSelf: 'flex-start' }} data-testid="minutes-save">{t('meetings.minutes.save')}</Button>
    </Flex>
  );
}

function SignOff({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const party = usePartyName();
  const updated = useMeetingUpdated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const m = meeting.minutes;
  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await signMinutes(meeting.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('meetings.minutes.signOff')} data-testid="sign-off">
      <Flex vertical gap={8}>
        <Flex gap={6} wrap>
          {m.signers.map((s) => (
            <Tag key={s.key} color={s.signed ? 'green' : 'default'} data-testid="signer">{party(s.party)}{s.party === 'owners_committee' && meeting.kind === 'owners_committee' ? ` ${s.key}` : ''}：{s.signed ? t('meetings.minutes.signed') : t('meetings.minutes.unsigned')}</Tag>
          ))}
          {m.signers.length === 0 && <Typography.Text type="secondary">{t('meetings.minutes.noSigners')}</Typography.Text>}
        </Flex>
        {m.signatures.map((s) => (
          <Typography.Text key={s.id} type={s.current ? undefined : 'secondary'} delete={!s.current}>
            {party(s.party)} · {s.name} · {formatDateTime(s.signedAt)} · <code>{s.digest.slice(0, 12)}</code>{!s.current && ` （${t('meetings.minutes.stale')}）`}
          </Typography.Text>
        ))}
        {meeting.abilities.signOff && (
          <Popconfirm title={t('meetings.minutes.signConfirm')} onConfirm={() => void sign()} okButtonProps={{ 'data-testid': 'sign-confirm' }}>
            <Button type="primary" loading={busy} style={{ alignSelf: 'flex-start' }} data-testid="sign-minutes">{t('meetings.minutes.sign')}</Button>
          </Popconfirm>
        )}
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} data-testid="sign-error" />}
      </Flex>
    </Card>
  );
}

function Addenda({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const updated = useMeetingUpdated();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await addAddendum(meeting.id, text.trim()));
      setText('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('meetings.minutes.addenda')}>
      <List
        dataSource={meeting.minutes.addenda}
        locale={{ emptyText: t('meetings.minutes.noAddenda') }}
        renderItem={(a) => (
          <List.Item data-testid="addendum">
            <List.Item.Meta title={`#${a.seq} · ${a.authorLabel} · ${formatDateTime(a.createdAt)}`} description={<><div style={{ whiteSpace: 'pre-wrap' }}>{a.text}</div><code>{a.digest.slice(0, 16)}</code></>} />
          </List.Item>
        )}
      />
      {meeting.abilities.addAddendum && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('meetings.minutes.addendumPlaceholder')} />
          {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
          <Button disabled={!text.trim()} loading={busy} onClick={() => void add()} style={{ alignSelf: 'flex-start' }}>{t('meetings.minutes.addAddendum')}</Button>
        </Flex>
      )}
    </Card>
  );
}

export function MinutesPanel({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const m = meeting.minutes;
  return (
    <Flex vertical gap={12} data-testid="minutes">
      <Flex justify="space-between" align="center" wrap gap={8}>
        {m.lockedAt
          ? <Tag icon={<LockOutlined />} color="green" data-testid="minutes-locked">{t('meetings.minutes.locked', { at: formatDateTime(m.lockedAt) })}</Tag>
          : <Typography.Text type="secondary">{m.updatedAt ? t('meetings.minutes.updated', { at: formatDateTime(m.updatedAt) }) : t('meetings.minutes.notWritten')}</Typography.Text>}
        <Link to={`/meetings/${meeting.id}/minutes/print`} target="_blank"><Button icon={<PrinterOutlined />} data-testid="print-minutes">{t('meetings.minutes.print')}</Button></Link>
      </Flex>
      {meeting.abilities.editMinutes
        ? <Editor meeting={meeting} />
        : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="minutes-shown">{m.text || t('meetings.minutes.notWritten')}</Typography.Paragraph>}
      <SignOff meeting={meeting} />
      {(m.lockedAt || m.addenda.length > 0) && <Addenda meeting={meeting} />}
    </Flex>
  );
}
