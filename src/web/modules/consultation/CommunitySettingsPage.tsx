import { Flex } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkCommunity } from '../../shell/currentCommunity.ts';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { ErrorState, NotFoundPage, PageLoading } from '../../shell/states.tsx';
import { usePlaceCrumbs } from '../registry/crumbs.tsx';
import { findCommunity, usePlaces } from '../registry/places.ts';
import { CommunityNav } from './CommunityNav.tsx';
import { useCommunitySettings } from './communitySettings.ts';
import { ConsultationSettingsForm } from './ConsultationSettingsForm.tsx';
import { MeetingSettingsForm } from './MeetingSettingsForm.tsx';
import { NoticeSettingsForm } from './NoticeSettingsForm.tsx';
import { SettingsCard } from './settings.shared.tsx';

// /communities/:id/settings: the community's procedure settings, one section per module that
// owns them (consultation, notices, meetings). Offered to whoever may change at least one; each
// section is editable only where its server says so. To anyone else the page is "not found".

export default function CommunitySettingsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const places = usePlaces();
  const settings = useCommunitySettings(id);
  useMarkCommunity(id);
  const crumbs = usePlaceCrumbs({ communityId: id }, {}, [{ key: 'settings', title: t('matters.settings.title') }]);
  if (settings.deciding) return <PageLoading />;
  if (!settings.editAny) return settings.failure ? <ErrorState error={settings.failure} onRetry={settings.retry} /> : <NotFoundPage />;
  const name = findCommunity(places.data, id).community?.name;
  const { consultation, notices, meetings } = settings;

  return (
    <>
      <PageHeader title={name ? `${name} · ${t('matters.settings.title')}` : t('matters.settings.title')} breadcrumb={crumbs} />
      <CommunityNav communityId={id} />
      <Flex vertical gap={16} data-testid="community-settings">
        <SettingsCard title={t('matters.settings.consultation.title')} query={consultation} testId="consultation-settings">
          {(data) => <ConsultationSettingsForm communityId={id} settings={data} noticeMinimum={notices.data?.minPostingDays} />}
        </SettingsCard>
        <SettingsCard title={t('matters.settings.notices.title')} query={notices} testId="notice-settings">
          {(data) => <NoticeSettingsForm communityId={id} settings={data} />}
        </SettingsCard>
        <SettingsCard title={t('matters.settings.meetings.title')} query={meetings} testId="meeting-settings">
          {(data) => <MeetingSettingsForm communityId={id} settings={data} />}
        </SettingsCard>
      </Flex>
    </>
  );
}
