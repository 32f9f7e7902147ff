import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Select } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../http/client.ts';
import { errorMessage } from '../../shell/states.tsx';
import { useCommunityCompounds, useOrganisations, useOwners } from '../registry/registry.api.ts';
import type { OrganisationsView } from '../registry/registry.types.ts';
import { AccountPicker } from './AccountPicker.tsx';
import { usePartyName } from './bits.tsx';
import { inviteRepresentative, useMeetingUpdated } from './meetings.api.ts';
import type { MeetingView, Party, RepresentativeAccount } from './meetings.types.ts';

// Inviting a representative: a person of the community's registry who belongs to the party's body
// today (the server checks eligibility and names the person when it refuses). The Party
// organisation, residents' and owners' committees come from the registry's bodies; the property
// company's person and owners' representatives are found among a compound's owners, since the
// registry keeps no staff lists of companies. Linking the staff account lets that person take
// the party's position and sign in person; picking the account (searched among the community's
// staff, AccountPicker) fills in the party, the person and the company the server suggests.

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

const FIELDS = ['party', 'personId', 'companyId', 'userId', 'role'] as const;

/** The form field the server's refusal names (details.issues[0].path or details.field), if it is one of ours. */
function fieldAtFault(e: unknown): (typeof FIELDS)[number] | null {
  const details = e instanceof ApiError ? (e.details as { field?: string; issues?: { path: string }[] } | undefined) : undefined;
  const path = (details?.issues?.[0]?.path ?? details?.field ?? '').replace(/^body\./, '');
  return FIELDS.find((f) => f === path) ?? null;
}

interface Fields { party: Party; personId: string; companyId?: string; userId?: string; role?: string }

export function InviteForm({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
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
  // the person of a picked account, shown even when the party's list does not hold them
  const [accountPerson, setAccountPerson] = useState<Person | null>(null);
  const roleName = (r: string) => t(`meetings.role.${r}`, { defaultValue: r });
  const listed: Person[] = useMemo(
    () => (fromOwners
      ? (owners.data?.items ?? []).filter((o) => o.kind === 'person').map((o) => ({ value: o.personId, label: `${o.name} · ${o.units.map((u) => `${u.buildingName} ${u.number}`).join('、')}` }))
      : bodyMembers(orgs.data, chosenParty ?? 'party_org', meeting.kind === 'owners_committee' ? meeting.compound?.id ?? null : null, roleName)),
    [fromOwners, owners.data, orgs.data, chosenParty], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const people = accountPerson && !listed.some((p) => p.value === accountPerson.value) ? [accountPerson, ...listed] : listed;
  const companies = (orgs.data?.propertyCompanies ?? []).filter((c) => c.contracts.some((x) => x.current));

  /**
   * A picked account brings its party (the one chosen by hand if the account may sit for it, else
   * the likeliest the server names), its registry person and its company.
   */
  const pickAccount = (account?: RepresentativeAccount) => {
    if (!account) return;
    const current = form.getFieldValue('party') as Party | undefined;
    const invited = PARTIES_BY_KIND[meeting.kind];
    const kept = current && form.isFieldTouched('party') && account.parties.includes(current);
    const next = kept ? current : account.parties.find((p) => invited.includes(p)) ?? current;
    const patch: Partial<Fields> = { party: next };
    if (next !== current) Object.assign(patch, { personId: undefined, companyId: undefined });
    if (account.person) {
      setAccountPerson({ value: account.person.id, label: account.person.name });
      patch.personId = account.person.id;
    }
    if (next === 'property_company' && account.company) patch.companyId = account.company.id;
    form.setFieldsValue(patch);
  };

  const submit = async (v: Fields) => {
    setBusy(true);
    setError(null);
    try {
      await updated(await inviteRepresentative(meeting.id, { ...v, role: v.role || undefined }));
      form.resetFields(['personId', 'userId', 'role']);
      setAccountPerson(null);
    } catch (e) {
      setError(e);
      const field = fieldAtFault(e);
      if (field) form.setFields([{ name: field, errors: [errorMessage(e)] }]);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <Card size="small" title={t('meetings.invite.title')} data-testid="invite-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ party: PARTIES_BY_KIND[meeting.kind][0] }}>
        <Flex gap={12} wrap>
          <Form.Item name="userId" label={t('meetings.invite.user')} extra={t('meetings.invite.userHint')} style={{ minWidth: 240, flex: 1 }}>
            <AccountPicker meetingId={meeting.id} onChange={(_, account) => pickAccount(account)} />
          </Form.Item>
          <Form.Item name="role" label={t('meetings.invite.role')} style={{ minWidth: 160 }}>
            <Input placeholder={t('meetings.invite.rolePlaceholder')} />
          </Form.Item>
        </Flex>
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
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={busy} data-testid="invite-submit">{t('meetings.invite.submit')}</Button>
      </Form>
    </Card>
  );
}
