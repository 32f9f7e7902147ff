import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, List, Table, Tag, Typography } from 'antd';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { formatDateTime } from '../../shell/format.ts';
import { useListParams } from '../../shell/listParams.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { EmptyState, ErrorAlert, ErrorState, errorMessage, PageLoading } from '../../shell/states.tsx';
import { CommunityNav } from '../consultation/CommunityNav.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { findCommunity, usePlaces } from '../registry/places.ts';
import { useCommunity, useCommunityCompounds } from '../registry/registry.api.ts';
import { KindTag, StatusTag } from './bits.tsx';
import { AdHocModal, SeriesModal } from './MeetingForms.tsx';
import { scheduleOccurrence, useCalendar, useCalendarChanged, useMeetingSettings, useSeries } from './meetings.api.ts';
import type { CalendarEntry, SeriesView } from './meetings.types.ts';

// The community's meeting calendar: the standing series with their next occurrence, and the
// window's meetings — stored ones and the series' planned occurrences, which an organiser
// schedules to prepare them. An ad-hoc meeting is convened from here too.

function SeriesCard({ communityId, canSetUp, onNew }: { communityId: string; canSetUp: boolean; onNew: () => void }) {
  const { t } = useTranslation();
  const series = useSeries(communityId);
  return (
    <Card size="small" title={t('meetings.series.title')} style={{ marginBottom: 16 }} extra={canSetUp && <Button size="small" icon={<PlusOutlined />} onClick={onNew} data-testid="new-series">{t('meetings.series.create')}</Button>}>
      {series.isError && <ErrorAlert error={series.error} onRetry={() => void series.refetch()} />}
      <Table<SeriesView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={series.isPending}
        dataSource={series.data?.items}
        locale={{ emptyText: series.isPending ? ' ' : <EmptyState description={t('meetings.series.empty')} /> }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('meetings.form.title'), dataIndex: 'title', render: (title: string, s) => <><KindTag kind={s.kind} />{title}{s.compound ? `（${s.compound.name}）` : ''}</> },
          { title: t('meetings.series.rule'), key: 'rule', render: (_, s) => t('meetings.series.every', { weekday: t(`meetings.weekday.${s.weekday}`), time: s.time }) },
          { title: t('meetings.form.location'), dataIndex: 'location', render: (l: string | null) => l ?? '—' },
          { title: t('meetings.series.next'), dataIndex: 'nextOccurrence', render: formatDateTime },
        ]}
      />
    </Card>
  );
}

export default function MeetingCalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const list = useListParams('', ['from', 'to']);
  const community = useCommunity(id);
  const places = usePlaces();
  const communityName = community.data?.name ?? findCommunity(places.data, id).community?.name ?? '';
  const compounds = useCommunityCompounds(id, { pageSize: 200 });
  const settings = useMeetingSettings(id);
  const calendar = useCalendar(id, { from: list.filters.from, to: list.filters.to });
  const changed = useCalendarChanged();
  const [dialog, setDialog] = useState<'series' | 'adhoc' | null>(null);
  const [scheduling, setScheduling] = useState<string | null>(null);
  useMarkCommunity(id);
  const crumbs = usePlaceCrumbs({ communityId: id }, community.data ?? {}, [{ key: 'calendar', title: t('meetings.calendar.title') }]);
  if (calendar.isPending) return <PageLoading />;
  if (calendar.isError) return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const compoundList = (compounds.data?.items ?? []).map((c) => ({ id: c.id, name: c.name }));
  // organisers of the community's meetings are its overseers: the same people who may change its meeting rules
  const canOrganise = settings.data?.abilities.edit === true;

  const schedule = async (entry: CalendarEntry) => {
    const key = `${entry.seriesId}-${entry.scheduledAt}`;
    setScheduling(key);
    try {
      const meeting = await scheduleOccurrence(entry.seriesId!, entry.scheduledAt);
      await changed();
      navigate(`/meetings/${meeting.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setScheduling(null);
    }
  };

  return (
    <>
      <PageHeader
        title={`${communityName} · ${t('meetings.calendar.title')}`}
        breadcrumb={crumbs}
        extra={canOrganise && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('adhoc')} data-testid="new-meeting">{t('meetings.adHoc.create')}</Button>}
      />
      <CommunityNav communityId={id} />
      <SeriesCard communityId={id} canSetUp={canOrganise} onNew={() => setDialog('series')} />
      <Card
        size="small"
        title={<><CalendarOutlined /> {t('meetings.calendar.window', { from: formatDateTime(calendar.data.from), to: formatDateTime(calendar.data.to) })}</>}
        extra={
          <DatePicker.RangePicker
            size="small"
            value={list.filters.from && list.filters.to ? [dayjs(list.filters.from), dayjs(list.filters.to)] : null}
            onChange={(range) => list.setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
        }
      >
        <List<CalendarEntry>
          dataSource={calendar.data.items}
          locale={{ emptyText: <EmptyState description={t('meetings.calendar.empty')} /> }}
          data-testid="calendar"
          renderItem={(entry) => {
            const key = `${entry.seriesId}-${entry.scheduledAt}`;
            return (
              <List.Item
                data-testid="calendar-entry"
                actions={[
                  entry.id
                    ? <Link key="open" to={`/meetings/${entry.id}`} data-testid="open-meeting">{t('meetings.calendar.open')}</Link>
                    : entry.abilities.schedule && <Button key="schedule" size="small" type="primary" loading={scheduling === key} onClick={() => void schedule(entry)} data-testid="schedule-occurrence">{t('meetings.calendar.schedule')}</Button>,
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={<Flex gap={6} wrap align="center"><Typography.Text strong>{formatDateTime(entry.scheduledAt)}</Typography.Text><KindTag kind={entry.kind} /><StatusTag status={entry.status} />{entry.title}</Flex>}
                  description={<>
                    {entry.compound && <Tag>{entry.compound.name}</Tag>}
                    {entry.location ?? ''}{entry.id ? ` · ${t('meetings.calendar.items', { count: entry.agendaItems })}` : ''}
                  </>}
                />
              </List.Item>
            );
          }}
        />
      </Card>
      {dialog === 'series' && <SeriesModal communityId={id} compounds={compoundList} onClose={() => setDialog(null)} />}
      {dialog === 'adhoc' && <AdHocModal communityId={id} compounds={compoundList} onClose={() => setDialog(null)} onCreated={(m) => navigate(`/meetings/${m.id}`)} />}
    </>
  );
}
