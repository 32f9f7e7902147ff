import { useEffect, useState } from 'react';
import { Flex, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePartyName } from './bits.tsx';
import { useRepresentativeAccounts } from './meetings.api.ts';
import type { RepresentativeAccount } from './meetings.types.ts';

// Picking the staff account to link to a representative: the server lists the accounts working
// in the meeting's community (never another community's) with the parties each may sit for; the
// search waits for a pause in typing before it asks.

const DEBOUNCE_MS = 300;

function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

function AccountOption({ account }: { account: RepresentativeAccount }) {
  const { t } = useTranslation();
  const party = usePartyName();
  const roles = account.roles.map((r) => `${t(`meetings.invite.roles.${r.role}`, { defaultValue: r.role })}·${r.scopeName}`).join('，');
  return (
    <Flex vertical>
      <span>
        {account.isYou ? t('meetings.invite.me', { name: account.displayName }) : account.displayName}
        <Typography.Text type="secondary">（{account.username}）</Typography.Text>
        {account.linkedRepresentativeId && <Typography.Text type="warning"> {t('meetings.invite.alreadyLinked')}</Typography.Text>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {account.parties.map(party).join(' / ')} · {roles}
      </Typography.Text>
    </Flex>
  );
}

export function AccountPicker({ meetingId, value, onChange }: {
  meetingId: string;
  value?: string;
  /** the account picked (undefined when cleared) */
  onChange?: (userId: string | undefined, account?: RepresentativeAccount) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const accounts = useRepresentativeAccounts(meetingId, q);
  // the chosen account stays shown while a later search no longer lists it
  const [chosen, setChosen] = useState<RepresentativeAccount | null>(null);
  const items = accounts.data?.items ?? [];
  const listed = chosen && value === chosen.userId && !items.some((a) => a.userId === chosen.userId) ? [chosen, ...items] : items;
  const waiting = accounts.isFetching || text.trim() !== q;
  const notFound = waiting
    ? <Flex justify="center" style={{ padding: 8 }}><Spin size="small" /></Flex>
    : accounts.isError
      ? <Typography.Text type="danger">{t('errors.loadFailed')}</Typography.Text>
      : <Typography.Text type="secondary" data-testid="account-none">{t('meetings.invite.noAccount')}</Typography.Text>;

  return (
    <Select
      allowClear
      value={value}
      showSearch={{ filterOption: false, onSearch: setText }}
      onOpenChange={(open) => { if (!open) setText(''); }}
      placeholder={t('meetings.invite.userPlaceholder')}
      loading={waiting}
      notFoundContent={notFound}
      onChange={(id?: string) => {
        const account = listed.find((a) => a.userId === id);
        setChosen(account ?? null);
        setText('');
        onChange?.(id, account);
      }}
      options={listed.map((a) => ({ value: a.userId, label: a.displayName, account: a, disabled: !!a.linkedRepresentativeId }))}
      optionRender={(option) => <AccountOption account={(option.data as { account: RepresentativeAccount }).account} />}
      data-testid="invite-user"
    />
  );
}
