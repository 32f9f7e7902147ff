import { Alert, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingKind, MeetingView, Party } from './meetings.types.ts';

// Pieces the meeting pages share: kind and status tags, party names, and the quorum and parity
// warnings exactly as the server computed them.

const statusColour = { planned: 'default', scheduled: 'blue', held: 'orange', locked: 'green' } as const;
type Status = keyof typeof statusColour;

export function KindTag({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'joint' ? 'red' : 'purple'}>{t(`meetings.kind.${kind}`)}</Tag>;
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Tag color={statusColour[status]} data-testid="meeting-status">{t(`meetings.status.${status}`)}</Tag>;
}

export function usePartyName() {
  const { t } = useTranslation();
  return (party: Party | string) => t(`meetings.party.${party}`, { defaultValue: party });
}

/** Quorum (met or not, and who is missing) and the 1:1 parity warnings. */
export function QuorumAndWarnings({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const party = usePartyName();
  const q = meeting.quorum;
  const counts = (details: unknown) => {
    const c = (details as { counts?: Record<string, number> } | null)?.counts ?? {};
    return Object.entries(c).map(([p, n]) => `${party(p)} ${n}`).join('、');
  };
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {meeting.heldAt && (
        <Alert
          type={q.met ? 'success' : 'warning'}
          showIcon
          data-testid="quorum"
          title={q.met ? t('meetings.quorum.met') : t('meetings.quorum.notMet')}
          description={
            q.rule === 'parties'
              ? t('meetings.quorum.parties', { present: q.present, needed: q.needed, of: q.of, missing: q.missingParties.map(party).join('、') || '—' })
              : t('meetings.quorum.members', { present: q.present, needed: q.needed, of: q.of })
          }
        />
      )}
      {meeting.warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon data-testid="parity-warning"
          title={t(`meetings.warning.${w.code}`, { defaultValue: w.message })}
          description={t('meetings.warning.counts', { counts: counts(w.details) })} />
      ))}
    </Flex>
  );
}
