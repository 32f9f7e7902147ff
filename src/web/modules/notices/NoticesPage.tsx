import { useState } from 'react';
import { Button, Card, Flex, List, Select, Table, Tabs } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { formatDateTime } from '../../shell/format.ts';
import { serverPagination, useListParams } from '../../shell/listParams.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { EmptyState, ErrorAlert } from '../../shell/states.tsx';
import { CommunityNav } from '../consultation/CommunityNav.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { findCommunity, usePlaces } from '../registry/places.ts';
import { useCommunity, useCommunityCompounds } from '../registry/registry.api.ts';
import { NoticeStateTag } from './NoticeBits.tsx';
import { NoticeDraftModal, type DraftMode } from './NoticeDraftForm.tsx';
import { useCommunityNotices, useNoticeSettings, useOverdueObjections } from './notices.api.ts';
import { noticeStates, subjectTypes, type NoticeListItem, type NoticeState } from './notices.types.ts';
import { ObjectionItem } from './ObjectionsPanel.tsx';

// A community's notices as its staff see them (drafts first, then newest; filters in the URL),
// and the objections left unanswered past their reply deadline.

function NoticesTable({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const list = useListParams('', ['state', 'subjectType', 'compoundId', 'hasOverdueObjections']);
  const compounds = useCommunityCompounds(communityId, { pageSize: 200 });
  const notices = useCommunityNotices(communityId, { ...list.filters, q: undefined, page: list.page, pageSize: list.pageSize });
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('notices.list.state')} value={list.filters.state} onChange={(v) => list.setFilter('state', v)} options={noticeStates.map((s) => ({ value: s, label: t(`notices.state.${s}`) }))} style={{ minWidth: 120 }} />
        <Select allowClear placeholder={t('notices.list.subject')} value={list.filters.subjectType} onChange={(v) => list.setFilter('subjectType', v)} options={subjectTypes.map((s) => ({ value: s, label: t(`notices.subject.${s}`) }))} style={{ minWidth: 140 }} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('notices.compound')} value={list.filters.compoundId} onChange={(v) => list.setFilter('compoundId', v)} options={(compounds.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} style={{ minWidth: 180 }} />
        <Select allowClear placeholder={t('notices.list.overdue')} value={list.filters.hasOverdueObjections} onChange={(v) => list.setFilter('hasOverdueObjections', v)} options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} style={{ minWidth: 140 }} />
      </Flex>
      {notices.isError && <ErrorAlert error={notices.error} onRetry={() => void notices.refetch()} />}
      <Table<NoticeListItem>
        rowKey="id"
        size="middle"
        loading={notices.isFetching}
        dataSource={notices.data?.items}
        pagination={serverPagination(list, notices.data?.total)}
        locale={{ emptyText: notices.isPending ? ' ' : <EmptyState description={t('notices.list.empty')} /> }}
        scroll={{ x: 'max-content' }}
        data-testid="notices-table"
        columns={[
          { title: t('notices.list.titleCol'), dataIndex: 'title', render: (title: string, n) => <Link to={`/notices/${n.id}`}>{title}</Link> },
          { title: t('notices.list.subject'), dataIndex: 'subjectType', render: (s: string) => t(`notices.subject.${s}`, { defaultValue: s }) },
          { title: t('notices.compound'), key: 'compound', render: (_, n) => n.compound?.name ?? t('notices.communityWide') },
          { title: t('notices.list.state'), dataIndex: 'state', render: (s: NoticeState) => <NoticeStateTag state={s} /> },
          { title: t('notices.publishedAt'), dataIndex: 'publishedAt', render: formatDateTime },
          { title: t('notices.postingEndsAt'), dataIndex: 'postingEndsAt', render: formatDateTime },
          { title: t('notices.objectionCounts'), key: 'objections', render: (_, n) => t('notices.counts', n.objections) },
        ]}
      />
    </>
  );
}

function OverdueObjections({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const list = useListParams('overdue');
  const overdue = useOverdueObjections(communityId, { page: list.page, pageSize: list.pageSize });
  if (overdue.isError) return <ErrorAlert error={overdue.error} onRetry={() => void overdue.refetch()} />;
  return (
    <List
      loading={overdue.isPending}
      dataSource={overdue.data?.items ?? []}
      pagination={overdue.data && overdue.data.total > list.pageSize ? serverPagination(list, overdue.data.total) : false}
      locale={{ emptyText: <EmptyState description={t('notices.overdue.empty')} /> }}
      renderItem={(o) => <List.Item style={{ display: 'block', border: 0, padding: '4px 0' }}><Link to={`/notices/${o.noticeId}`}>{o.noticeTitle}</Link><ObjectionItem objection={o} /></List.Item>}
    />
  );
}

/**
 * "Draft a notice", for those the notices policy lets draft here (the settings say where): community
 * managers community-wide and in every compound, an owners' committee member in their compounds.
 */
function DraftButton({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const places = usePlaces();
  const settings = useNoticeSettings(communityId);
  const scope = settings.data?.abilities.draft ? settings.data.draftScope : null;
  const everyCompound = scope?.compoundIds === null;
  const listed = useCommunityCompounds(communityId, { pageSize: 200 }, everyCompound);
  const [open, setOpen] = useState(false);
  if (!scope) return null;
  const reached = findCommunity(places.data, communityId).community?.compounds ?? [];
  const compounds = everyCompound ? (listed.data?.items ?? []) : reached.filter((c) => scope.compoundIds?.includes(c.id));
  const mode: DraftMode = { kind: 'create', communityId, compounds: compounds.map((c) => ({ id: c.id, name: c.name })), communityWide: scope.communityWide };
  return (
    <>
      <Button type="primary" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="draft-notice">{t('notices.form.draftButton')}</Button>
      {open && <NoticeDraftModal mode={mode} onClose={() => setOpen(false)} onSaved={(n) => navigate(`/notices/${n.id}`)} />}
    </>
  );
}

export default function NoticesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const community = useCommunity(id);
  const places = usePlaces();
  const communityName = community.data?.name ?? findCommunity(places.data, id).community?.name ?? '';
  useMarkCommunity(id);
  const crumbs = usePlaceCrumbs({ communityId: id }, community.data ?? {}, [{ key: 'notices', title: t('notices.list.title') }]);
  return (
    <>
      <PageHeader title={`${communityName} · ${t('notices.list.title')}`} breadcrumb={crumbs} extra={<DraftButton communityId={id} />} />
      <CommunityNav communityId={id} />
      <Card>
        <Tabs destroyOnHidden items={[
          { key: 'notices', label: t('notices.list.tab'), children: <NoticesTable communityId={id} /> },
          { key: 'overdue', label: t('notices.overdue.tab'), children: <OverdueObjections communityId={id} /> },
        ]} />
      </Card>
    </>
  );
}
