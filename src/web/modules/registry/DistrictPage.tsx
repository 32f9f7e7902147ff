import { Card, Col, List, Row, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/PageHeader.tsx';
import { EmptyState, ErrorState, NotFoundPage, PageLoading } from '../../shell/states.tsx';
import { usePlaces } from './places.ts';
import { usePlaceCrumbs } from './crumbs.tsx';

/** A district: its streets and, under each, the communities this user may open. */
export default function DistrictPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const places = usePlaces();
  const crumbs = usePlaceCrumbs({ districtId: id });
  if (places.isPending) return <PageLoading />;
  if (places.isError) return <ErrorState error={places.error} onRetry={() => void places.refetch()} />;
  const district = places.data.districts.find((d) => d.id === id);
  if (!district) return <NotFoundPage />;
  const communityCount = district.streets.reduce((n, s) => n + s.communities.length, 0);

  return (
    <>
      <PageHeader
        title={district.name}
        breadcrumb={crumbs}
        subtitle={t('district.summary', { streets: district.streets.length, communities: communityCount })}
      />
      {district.streets.length === 0 ? (
        <Card><EmptyState description={t('district.noStreets')} /></Card>
      ) : (
        <Row gutter={[16, 16]}>
          {district.streets.map((street) => (
            <Col key={street.id} xs={24} md={12} xl={8}>
              <Card
                title={<Link to={`/streets/${street.id}`}>{street.name}</Link>}
                extra={<Tag>{t('district.communities', { count: street.communities.length })}</Tag>}
                size="small"
              >
                <List
                  size="small"
                  dataSource={street.communities}
                  locale={{ emptyText: <EmptyState description={t('communities.empty')} /> }}
                  renderItem={(community) => (
                    <List.Item>
                      {community.abilities.read ? (
                        <Link to={`/communities/${community.id}`}>{community.name}</Link>
                      ) : (
                        // reached only through some of its compounds
                        <span>
                          {community.name}：{community.compounds.map((c) => <Link key={c.id} to={`/compounds/${c.id}`} style={{ marginInlineStart: 8 }}>{c.name}</Link>)}
                        </span>
                      )}
                      <span style={{ color: 'rgba(0,0,0,0.45)' }}>{community.code}</span>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
