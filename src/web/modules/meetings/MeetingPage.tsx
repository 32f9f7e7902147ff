import { Card, Descriptions, Tabs } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { formatDateTime } from '../../shell/format.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { ErrorState, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { KindTag, QuorumAndWarnings, StatusTag } from './bits.tsx';
import { ItemsPanel } from './ItemsPanel.tsx';
import { useMeeting } from './meetings.api.ts';
import { MinutesPanel } from './MinutesPanel.tsx';
import { RepresentativesPanel } from './RepresentativesPanel.tsx';

/**
 * The meeting console: agenda, representatives per party with attendance (parity and quorum as
 * the server warns), each party's position per item and the computed conclusion, the minutes and
 * their sign-off, and addenda after the lock. Every control follows the meeting's abilities.
 */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const meeting = useMeeting(id);
  useMarkCommunity(meeting.data?.communityId);
  const crumbs = usePlaceCrumbs({ communityId: meeting.data?.communityId }, {}, [
    { key: 'calendar', title: meeting.data ? <Link to={`/communities/${meeting.data.communityId}/meetings`}>{t('meetings.calendar.title')}</Link> : t('meetings.calendar.title') },
  ]);
  if (meeting.isPending) return <PageLoading />;
  if (meeting.isError) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const tab = params.get('tab') ?? 'agenda';
  return (
    <>
      <PageHeader title={<span data-testid="meeting-title">{m.title}</span>} breadcrumb={crumbs} subtitle={<><KindTag kind={m.kind} /><StatusTag status={m.status} /></>} />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }} items={[
        { key: 'at', label: t('meetings.form.scheduledAt'), children: formatDateTime(m.scheduledAt) },
        { key: 'held', label: t('meetings.heldAt'), children: formatDateTime(m.heldAt) },
        { key: 'location', label: t('meetings.form.location'), children: m.location ?? '—' },
        { key: 'place', label: t('meetings.form.compound'), children: m.compound?.name ?? '—' },
      ]} />
      <QuorumAndWarnings meeting={m} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', key); return n; }, { replace: true })}
          items={[
            { key: 'agenda', label: t('meetings.tabs.agenda', { count: m.agenda.length }), children: <AgendaPanel meeting={m} /> },
            { key: 'people', label: t('meetings.tabs.people', { count: m.representatives.length }), children: <RepresentativesPanel meeting={m} /> },
            { key: 'items', label: t('meetings.tabs.items'), children: <ItemsPanel meeting={m} /> },
            { key: 'minutes', label: t('meetings.tabs.minutes'), children: <MinutesPanel meeting={m} /> },
          ]}
        />
      </Card>
    </>
  );
}
