import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Select } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../http/client.ts';
import { can, useSession } from '../../shell/session.ts';
import { errorMessage } from '../../shell/states.tsx';
import { useCommunityCompounds, useOrganisations, useOwners } from '../registry/registry.api.ts';
import type { OrganisationsView } from '../registry/registry.types.ts';
import { usePartyName } from './bits.tsx';
import { inviteRepresentative, useMeetingUpdated } from './meetings.api.ts';
import type { MeetingView, Party } from './meetings.types.ts';

// Inviting a representative: a person of the community's registry who belongs to the party's body
// today (the server checks eligibility and names the person when it refuses). The Party
// organisation, residents' and owners' committees come from the registry's bodies; the property
// company's person and owners' representatives are found among a compound's owners, since the
// registry keeps no staff lists of companies. Linking the staff account lets that person take
// the party's position and sign in person: "me", or (for user administrators) any account.

const PARTIES_BY_KIND: Record<MeetingView['kind'], Party[]> = {
  joint: ['party_org', 'residents_committee', 'owners_committee', 'property_company', 'owners_representative'],
  two_committees: ['party_org', 'residents_committee'],
  owners_committee: ['owners_committee'],
};

interface Person { value: string; label: string }

function bodyMembers(orgs: OrganisationsView | undefined, party: Party, compoundId: string | null, roleName: (r: string) => string): Person[] {
  if (!orgs) return [];
  const seen = new Map<string, Person>();
  const add = (list: { personId: string; name: string; role: string }[], body: string) => {
    for (const m of list) if (!seen.has(m.personId)) seen.set(m.personId, { value: m.personId, label: `${m.name} · ${body} ${roleName(m.role)}` });
  };
  if (party === 'party_org' && orgs.partyOrganisation) {
    add(orgs.partyOrganisation.members, orgs.partyOrganisation.name);
    for (const b of orgs.partyOrganisation.gridBranches) add(b.members, b.name);
  }
  if (party === 'residents_committee' && orgs.residentsCommittee) add(orgs.residentsCommittee.members, orgs.residentsCommittee.name);
  if (party === 'owners_committee') {
    for (const c of orgs.ownersCommittees) if (c.current && (!compoundId || c.compound?.id === compoundId)) add(c.members, c.name);
  }
  return [...seen.values()];
}

interface Fields { party: Party; personId: string; companyId?: string; userId?: string; role?: string }

export function InviteForm({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const me = useSession();
  const party = usePartyName();
  const updated = useMeetingUpdated();
  const [form] = Form.useForm<Fields>();
  const chosenParty = Form.useWatch('party', form);
  const [compoundId, setCompoundId] = useState<string | undefined>(meeting.compound?.id);
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const orgs = useOrganisations(meeting.communityId);
  const compounds = useCommunityCompounds(meeting.communityId, { pageSize: 200 });
  const fromOwners = chosenParty === 'property_company' || chosenParty === 'owners_representative';
  const owners = useOwners(compoundId ?? '', { q: q || undefined, pageSize: 50 }, fromOwners && !!compoundId);
  const users = useQuery({
    queryKey: ['users', 'for-representatives'],
    queryFn: () => api<Page<{ id: string; username: string; displayName: string }>>('/api/users', { query: { pageSize: 200 } }),
    enabled: can(me, 'users.manage'),
  });
  const roleName = (r: string) => t(`meetings.role.${r}`, { defaultValue: r });
  const people: Person[] = useMemo(
    () => (fromOwners
      ? (owners.data?.items ?? []).filter((o) => o.kind === 'person').map((o) => ({ value: o.personId, label: `${o.name} · ${o.units.map((u) => `${u.buildingName} ${u.number}`).join('、')}` }))
      : bodyMembers(orgs.data, chosenParty ?? 'party_org', meeting.kind === 'owners_committee' ? meeting.compound?.id ?? null : null, roleName)),
    [fromOwners, owners.data, orgs.data, chosenParty], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const companies = (orgs.data?.propertyCompanies ?? []).filter((c) => c.contracts.some((x) => x.current));
  const userOptions = [
    ...(me.kind === 'staff' ? [{ value: me.userId, label: t('meetings.invite.me', { name: me.displayName }) }] : []),
    ...(users.data?.items ?? []).filter((u) => me.kind !== 'staff' || u.id !== me.userId).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
  ];

  const submit = async (v: Fields) => {
    setBusy(true);
    setError(null);
    try {
      await updated(await inviteRepresentative(meeting.id, { ...v, role: v.role || undefined }));
      form.resetFields(['personId', 'userId', 'role']);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <Card size="small" title={t('meetings.invite.title')} data-testid="invite-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ party: PARTIES_BY_KIND[meeting.kind][0] }}>
        <Flex gap={12} wrap>
          <Form.Item name="party" label={t('meetings.invite.party')} rules={required} style={{ minWidth: 160 }}>
            <Select data-testid="invite-party" onChange={() => form.resetFields(['personId', 'companyId'])} options={PARTIES_BY_KIND[meeting.kind].map((p) => ({ value: p, label: party(p) }))} />
          </Form.Item>
          {chosenParty === 'property_company' && (
            <Form.Item name="companyId" label={t('meetings.invite.company')} rules={required} style={{ minWidth: 220 }}>
              <Select options={companies.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
          {fromOwners && (
            <Form.Item label={t('meetings.invite.compound')} style={{ minWidth: 200 }}>
              <Select showSearch optionFilterProp="label" value={compoundId} onChange={setCompoundId} options={(compounds.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="personId" label={t('meetings.invite.person')} rules={required} extra={fromOwners ? t('meetings.invite.ownersHint') : t('meetings.invite.bodyHint')}>
          <Select
            showSearch
            data-testid="invite-person"
            optionFilterProp="label"
            onSearch={fromOwners ? setQ : undefined}
            filterOption={fromOwners ? false : undefined}
            loading={orgs.isPending || owners.isFetching}
            options={people}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="userId" label={t('meetings.invite.user')} extra={t('meetings.invite.userHint')} style={{ minWidth: 240, flex: 1 }}>
            <Select allowClear showSearch optionFilterProp="label" options={userOptions} data-testid="invite-user" />
          </Form.Item>
          <Form.Item name="role" label={t('meetings.invite.role')} style={{ minWidth: 160 }}>
            <Input placeholder={t('meetings.invite.rolePlaceholder')} />
          </Form.Item>
        </Flex>
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={busy} data-testid="invite-submit">{t('meetings.invite.submit')}</Button>
      </Form>
    </Card>
  );
}
