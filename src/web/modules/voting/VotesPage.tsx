import { Alert, Button, Card, Flex, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { serverPagination, useListParams } from '../../shell/listParams.ts';
import { ErrorAlert } from '../../shell/states.tsx';
import { CompoundPicker } from './CompoundPicker.tsx';
import { VoteStateTag } from './VoteBits.tsx';
import { useVoteSettings, useVotes } from './voting.api.ts';
import type { VoteState, VoteSummary } from './voting.types.ts';

const states: VoteState[] = ['draft', 'announced', 'open', 'closed', 'counted', 'published', 'cancelled'];

/** The votes a staff member may see, by compound and state; convening starts from a compound. */
export default function VotesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams('', ['compoundId', 'state']);
  const { compoundId, state } = list.filters;
  const votes = useVotes({ compoundId, state, page: list.page, pageSize: list.pageSize });
  // who may convene in a compound is the server's answer: the settings' edit ability
  const settings = useVoteSettings(compoundId);
  const mayConvene = settings.data?.abilities.edit === true;

  return (
    <>
      <PageHeader
        title={t('voting.list.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} disabled={!mayConvene} onClick={() => navigate(`/votes/new?compoundId=${compoundId}`)} data-testid="convene">
            {t('voting.list.convene')}
          </Button>
        }
      />
      <Card>
        <Flex vertical gap={12}>
          <Flex gap={8} wrap>
            <CompoundPicker value={compoundId} onChange={(id) => list.setFilter('compoundId', id)} />
            <Select allowClear style={{ minWidth: 120 }} placeholder={t('voting.list.allStates')} value={state} onChange={(s) => list.setFilter('state', s)}
              options={states.map((s) => ({ value: s, label: t(`voting.state.${s}`) }))} />
          </Flex>
          {!compoundId && <Alert type="info" showIcon title={t('voting.list.conveneHint')} />}
          {compoundId && settings.data && !mayConvene && <Alert type="warning" showIcon title={t('voting.list.cannotConvene')} />}
          {votes.isError && <ErrorAlert error={votes.error} onRetry={() => void votes.refetch()} />}
          <Table<VoteSummary>
            rowKey="id"
            size="middle"
            loading={votes.isFetching}
            dataSource={votes.data?.items}
            pagination={serverPagination(list, votes.data?.total)}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('voting.list.empty') }}
            data-testid="votes-table"
            columns={[
              { title: t('voting.form.title'), dataIndex: 'title', render: (title: string, v) => <Link to={`/votes/${v.id}`}>{title}</Link> },
              { title: t('voting.list.compound'), key: 'compound', render: (_, v) => v.compound.name },
              { title: t('voting.list.state'), dataIndex: 'state', render: (s: VoteState) => <VoteStateTag state={s} /> },
              { title: t('voting.times.opensAt'), dataIndex: 'opensAt', render: formatDateTime },
              { title: t('voting.times.closesAt'), dataIndex: 'closesAt', render: formatDateTime },
              { title: t('voting.list.questions'), dataIndex: 'questionCount', align: 'right' },
            ]}
          />
        </Flex>
      </Card>
    </>
  );
}
