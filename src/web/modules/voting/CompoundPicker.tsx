import { useEffect, useState } from 'react';
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { allCommunities, usePlaces } from '../registry/places.ts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../http/client.ts';
import { useCommunityCompounds } from '../registry/registry.api.ts';
import type { CompoundDetail } from '../registry/registry.types.ts';

/**
 * Community, then compound: the compounds of a community the user reads in full, or the
 * compounds they reach through a compound role (owners' committee) from the places tree.
 */
export function CompoundPicker({ value, onChange, disabled }: { value?: string; onChange: (compoundId: string | undefined) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const places = usePlaces();
  const current = useQuery({ queryKey: ['compound', value], queryFn: () => api<CompoundDetail>(`/api/compounds/${value}`), enabled: !!value });
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const communities = allCommunities(places.data).filter((c) => c.abilities.read || c.compounds.length > 0);
  // a compound given by the URL opens its community
  useEffect(() => {
    if (value && current.data && !communityId) setCommunityId(current.data.community.id);
  }, [value, current.data, communityId]);
  // one community: nothing to choose
  useEffect(() => {
    if (!communityId && !value && communities.length === 1) setCommunityId(communities[0].id);
  }, [communityId, value, communities]);
  const community = communities.find((c) => c.id === communityId);
  const readable = !!community?.abilities.read;
  const listed = useCommunityCompounds(communityId ?? '', { q: q || undefined, pageSize: 200 }, readable);
  const compounds = readable ? (listed.data?.items ?? []) : (community?.compounds ?? []);
  const options = compounds.map((c) => ({ value: c.id, label: c.name }));
  if (value && current.data && !options.some((o) => o.value === value)) options.unshift({ value, label: current.data.name });

  return (
    <Flex gap={8} wrap>
      <Select
        style={{ minWidth: 180 }}
        placeholder={t('voting.picker.chooseCommunity')}
        aria-label={t('voting.picker.community')}
        value={communityId}
        disabled={disabled}
        loading={places.isPending}
        onChange={(id) => { setCommunityId(id); onChange(undefined); }}
        options={communities.map((c) => ({ value: c.id, label: c.name }))}
        data-testid="community-picker"
      />
      <Select
        style={{ minWidth: 220 }}
        showSearch={{ filterOption: false, onSearch: setQ }}
        allowClear
        placeholder={t('voting.picker.chooseCompound')}
        aria-label={t('voting.picker.compound')}
        value={value}
        disabled={disabled || !communityId}
        loading={listed.isFetching}
        onChange={(id) => onChange(id)}
        options={options}
        data-testid="compound-picker"
      />
    </Flex>
  );
}
