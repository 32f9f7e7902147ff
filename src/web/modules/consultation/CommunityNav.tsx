import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCommunitySettings } from './communitySettings.ts';

// The community's procedure pages side by side: the matter board, the meeting calendar and the
// notices. Each page shows this bar, so staff move between them without the menu. The settings
// page joins them for those whose server says they may change some of the community's settings.

export function CommunityNav({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { editAny } = useCommunitySettings(communityId);
  const base = `/communities/${communityId}`;
  const options = [
    { value: `${base}/matters`, label: t('matters.nav.board') },
    { value: `${base}/meetings`, label: t('matters.nav.meetings') },
    { value: `${base}/notices`, label: t('matters.nav.notices') },
    ...(editAny ? [{ value: `${base}/settings`, label: t('matters.nav.settings') }] : []),
  ];
  const current = options.find((o) => pathname.startsWith(o.value))?.value ?? options[0].value;
  return <Segmented value={current} onChange={(v) => navigate(v)} options={options} style={{ marginBottom: 16 }} data-testid="community-nav" />;
}
