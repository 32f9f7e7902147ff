import { Card, List, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageLoading } from '../../shell/states.tsx';
import { allCommunities, usePlaces } from '../registry/places.ts';

/**
 * /meetings and /notices from the menu: the community's page when the person reaches one
 * community, else a list to choose from (street and district staff).
 */
export function CommunityLanding({ section }: { section: 'meetings' | 'notices' }) {
  const { t } = useTranslation();
  const places = usePlaces();
  if (places.isPending) return <PageLoading />;
  if (places.isError) return <ErrorState error={places.error} onRetry={() => void places.refetch()} />;
  const communities = allCommunities(places.data);
  if (communities.length === 1) return <Navigate to={`/communities/${communities[0].id}/${section}`} replace />;
  return (
    <Card title={t(`matters.landing.${section}`)}>
      <List
        dataSource={communities}
        locale={{ emptyText: <EmptyState /> }}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/communities/${c.id}/${section}`}>{c.name}</Link>
            <Typography.Text type="secondary">{c.code}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

export const MeetingsLanding = () => <CommunityLanding section="meetings" />;
export const NoticesLanding = () => <CommunityLanding section="notices" />;
