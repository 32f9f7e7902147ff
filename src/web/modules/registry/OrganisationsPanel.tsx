import { Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shell/format.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../../shell/states.tsx';
import { useOrganisations } from './registry.api.ts';
import type { MemberView } from './registry.types.ts';

function Members({ members }: { members: MemberView[] }) {
  const { t } = useTranslation();
  return (
    <Table<MemberView>
      rowKey={(m) => `${m.personId}:${m.role}`}
      size="small"
      dataSource={members}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: <EmptyState description={t('organisations.noMembers')} /> }}
      columns={[
        { title: t('people.name'), dataIndex: 'name' },
        { title: t('organisations.role'), dataIndex: 'role', render: (r: string) => t(`memberRoles.${r}`, { defaultValue: r }) },
        { title: t('organisations.partyMember'), dataIndex: 'partyMember', render: (p: boolean) => (p ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')) },
        { title: t('people.since'), dataIndex: 'since', render: formatDate },
      ]}
    />
  );
}

const term = (start: string | null, end: string | null) => `${formatDate(start)} ~ ${end ? formatDate(end) : ''}`;

/** The four parties of a community: Party organisation, residents' committee, owners' committees, property companies. */
export function OrganisationsPanel({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const orgs = useOrganisations(communityId);
  if (orgs.isPending) return <PageLoading />;
  if (orgs.isError) return <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />;
  const { partyOrganisation, residentsCommittee, ownersCommittees, propertyCompanies } = orgs.data;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('organisations.party')}>
          {partyOrganisation ? (
            <>
              <Typography.Text strong>{partyOrganisation.name}</Typography.Text>
              <Members members={partyOrganisation.members} />
              <Typography.Title level={5}>{t('organisations.gridBranches', { count: partyOrganisation.gridBranches.length })}</Typography.Title>
              <Space wrap>
                {partyOrganisation.gridBranches.map((b) => (
                  <Tag key={b.id}>{b.name}{b.grid ? ` · ${b.grid.name}` : ''} · {t('organisations.memberCount', { count: b.members.length })}</Tag>
                ))}
              </Space>
            </>
          ) : <EmptyState description={t('organisations.none')} />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('organisations.residentsCommittee')}>
          {residentsCommittee ? (
            <>
              <Typography.Text strong>{residentsCommittee.name}</Typography.Text>{' '}
              <Typography.Text type="secondary">{term(residentsCommittee.termStart, residentsCommittee.termEnd)}</Typography.Text>
              <Members members={residentsCommittee.members} />
            </>
          ) : <EmptyState description={t('organisations.none')} />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('organisations.ownersCommittees')}>
          {ownersCommittees.length === 0 && <EmptyState description={t('organisations.none')} />}
          {ownersCommittees.map((oc) => (
            <div key={oc.id} style={{ marginBottom: 12 }}>
              <Space wrap>
                <Typography.Text strong>{oc.name}</Typography.Text>
                {oc.compound && <Link to={`/compounds/${oc.compound.id}`}>{oc.compound.name}</Link>}
                <Tag color={oc.current ? 'green' : 'default'}>{oc.current ? t('organisations.current') : t('organisations.ended')}</Tag>
                <Typography.Text type="secondary">{term(oc.termStart, oc.termEnd)}</Typography.Text>
                <Typography.Text type="secondary">{t('organisations.partyShare', { party: oc.partyMembers, total: oc.members.length })}</Typography.Text>
              </Space>
              <Members members={oc.members} />
            </div>
          ))}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('organisations.propertyCompanies')}>
          {propertyCompanies.length === 0 && <EmptyState description={t('organisations.none')} />}
          {propertyCompanies.map((pc) => (
            <div key={pc.id} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{pc.name}</Typography.Text>{' '}
              <Typography.Text type="secondary" copyable>{pc.creditCode}</Typography.Text>
              <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                {pc.contracts.map((k) => (
                  <li key={k.id}>
                    <Link to={`/compounds/${k.compound.id}`}>{k.compound.name}</Link> {term(k.startsOn, k.endsOn)}{' '}
                    {k.current && <Tag color="green">{t('organisations.current')}</Tag>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Card>
      </Col>
    </Row>
  );
}
