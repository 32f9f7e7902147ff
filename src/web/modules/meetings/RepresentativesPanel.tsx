import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { errorMessage } from '../../shell/states.tsx';
import { usePartyName } from './bits.tsx';
import { InviteForm } from './InviteForm.tsx';
import { recordAttendance, removeRepresentative, useMeetingUpdated } from './meetings.api.ts';
import type { MeetingView, RepresentativeView } from './meetings.types.ts';

// The representatives by party, with attendance. Marking attendance the first time holds the
// meeting; parity (1:1) and quorum warnings come from the server above this panel.

export function RepresentativesPanel({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const party = usePartyName();
  const updated = useMeetingUpdated();
  const initial = () => Object.fromEntries(meeting.representatives.map((r) => [r.id, r.present ?? false]));
  const [present, setPresent] = useState<Record<string, boolean>>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setPresent(initial()), [meeting]); // eslint-disable-line react-hooks/exhaustive-deps
  const a = meeting.abilities;
  const taken = meeting.heldAt !== null;
  const changed = meeting.representatives.some((r) => (r.present ?? false) !== present[r.id]) || (!taken && meeting.representatives.length > 0);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await updated(await recordAttendance(meeting.id, { entries: meeting.representatives.map((r) => ({ representativeId: r.id, present: present[r.id] ?? false })) }));
      message.success(t('meetings.attendance.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (r: RepresentativeView) => {
    try {
      await updated(await removeRepresentative(meeting.id, r.id));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Table<RepresentativeView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={meeting.representatives}
        data-testid="representatives"
        locale={{ emptyText: t('meetings.reps.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('meetings.reps.party'), dataIndex: 'party', render: (p: string, r) => <>{party(p)}{!r.voting && <Tag style={{ marginLeft: 4 }}>{t('meetings.reps.nonVoting')}</Tag>}</> },
          { title: t('meetings.reps.name'), dataIndex: 'name', render: (n: string, r) => <>{n}{r.isYou && <Tag color="gold" style={{ marginLeft: 4 }}>{t('meetings.reps.you')}</Tag>}</> },
          { title: t('meetings.reps.role'), dataIndex: 'role', render: (x: string | null, r) => [x, r.company?.name].filter(Boolean).join(' · ') || '—' },
          { title: t('meetings.reps.account'), dataIndex: 'userId', render: (u: string | null) => (u ? <Tag color="blue">{t('meetings.reps.linked')}</Tag> : <Typography.Text type="secondary">{t('meetings.reps.notLinked')}</Typography.Text>) },
          {
            title: t('meetings.attendance.present'), key: 'present',
            render: (_, r) => a.recordAttendance
              ? <Switch checked={present[r.id] ?? false} onChange={(v) => setPresent((p) => ({ ...p, [r.id]: v }))} data-testid="attendance-switch" />
              : r.present === null ? '—' : r.present ? <Tag color="green">{t('meetings.attendance.yes')}</Tag> : <Tag>{t('meetings.attendance.no')}</Tag>,
          },
          ...(a.invite ? [{
            title: '', key: 'remove',
            render: (_: unknown, r: RepresentativeView) => (
              <Popconfirm title={t('meetings.reps.removeConfirm')} onConfirm={() => void remove(r)}>
                <Button size="small" type="link" danger>{t('meetings.reps.remove')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
      {taken && <Typography.Text type="secondary">{t('meetings.attendance.heldAt', { at: formatDateTime(meeting.heldAt) })}</Typography.Text>}
      {a.recordAttendance && meeting.representatives.length > 0 && (
        <>
          {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
          <Button type="primary" disabled={!changed} loading={busy} onClick={() => void save()} style={{ alignSelf: 'flex-start' }} data-testid="attendance-save">
            {taken ? t('meetings.attendance.update') : t('meetings.attendance.record')}
          </Button>
        </>
      )}
      {a.invite && <InviteForm meeting={meeting} />}
    </Flex>
  );
}
