import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Progress, Select, Tag, Typography } from 'antd';
import { LikeOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageLoading } from '../../shell/states.tsx';
import { useMyUnits } from '../registry/registry.api.ts';
import { MatterCardItem, useRefusal } from './bits.tsx';
import { cosignMatter, supportMatter, useMatterUpdated, useMyMatters } from './consultation.api.ts';
import { mainSteps, type MatterView } from './consultation.types.ts';
import { RaiseMatterForm } from './RaiseMatterForm.tsx';

// The resident's side on a phone: the matters of my compound(s), raising one for my household,
// and the household picker an owner of several homes needs to say which one they act for.

/** The resident's households that count for a matter (its compound, or its community when community-wide). */
export function useHouseholds(matter: Pick<MatterView, 'community' | 'compound'> | undefined) {
  const units = useMyUnits();
  const items = (units.data?.items ?? []).filter((u) => matter && (matter.compound ? u.compound.id === matter.compound.id : u.community.id === matter.community.id));
  return items.map((u) => ({ unitId: u.id, label: `${u.compound.name} ${u.buildingName} ${u.number}` }));
}

export function HouseholdPicker({ households, value, onChange }: { households: { unitId: string; label: string }[]; value?: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  if (households.length < 2) return null;
  return (
    <Card size="small">
      <Typography.Text>{t('matters.my.household')}</Typography.Text>
      <Select value={value} onChange={onChange} options={households.map((h) => ({ value: h.unitId, label: h.label }))} style={{ width: '100%', marginTop: 4 }} placeholder={t('matters.my.chooseHousehold')} />
    </Card>
  );
}

/** Where the matter is, as a bar that fits a phone. */
export function PhoneProgress({ matter }: { matter: MatterView }) {
  const { t } = useTranslation();
  const index = mainSteps.indexOf(matter.step);
  if (index < 0) return <Alert type="warning" showIcon title={t(`matters.step.${matter.step}`)} description={matter.outcomeReason} />;
  return (
    <div>
      <Typography.Text type="secondary">{t('matters.my.stepOf', { n: index + 1, total: mainSteps.length, step: t(`matters.step.${matter.step}`) })}</Typography.Text>
      <Progress percent={Math.round((index / (mainSteps.length - 1)) * 100)} showInfo={false} size="small" />
    </div>
  );
}

/** Co-sign (while signatures are collected) and support (while consulting), once per household. */
export function SupportButtons({ matter, unitId }: { matter: MatterView; unitId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updated = useMatterUpdated();
  const [busy, setBusy] = useState<'cosign' | 'support' | null>(null);
  const refusal = useRefusal();
  const run = async (what: 'cosign' | 'support') => {
    setBusy(what);
    try {
      await updated(await (what === 'cosign' ? cosignMatter(matter.id, unitId) : supportMatter(matter.id, unitId)));
      message.success(t(what === 'cosign' ? 'matters.my.cosigned' : 'matters.my.supported'));
    } catch (e) {
      message.error(refusal(e).title);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex vertical gap={8}>
      {matter.step === 'propose' && matter.signatures.required > 0 && (
        <Typography.Text data-testid="signature-count">{t('matters.signatures', matter.signatures)}</Typography.Text>
      )}
      {matter.abilities.cosign && <Button type="primary" block loading={busy === 'cosign'} onClick={() => void run('cosign')} data-testid="cosign">{t('matters.my.cosign')}</Button>}
      {matter.step === 'consult' && (
        <Flex gap={8} align="center" justify="space-between">
          <Typography.Text data-testid="support-count">{t('matters.my.supports', { count: matter.supports })}</Typography.Text>
          {matter.mySupport
            ? <Tag color="green">{t('matters.my.youSupport')}</Tag>
            : matter.abilities.support && <Button type="primary" icon={<LikeOutlined />} loading={busy === 'support'} onClick={() => void run('support')} data-testid="support">{t('matters.my.support')}</Button>}
        </Flex>
      )}
    </Flex>
  );
}

export function MyMattersPage() {
  const { t } = useTranslation();
  const matters = useMyMatters({ pageSize: 50 });
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginTop: 4, marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('matters.my.title')}</Typography.Title>
        <Link to="/my/matters/new"><Button type="primary" icon={<PlusOutlined />} data-testid="raise-matter">{t('matters.raise.button')}</Button></Link>
      </Flex>
      {matters.isPending && <PageLoading />}
      {matters.isError && <ErrorState error={matters.error} onRetry={() => void matters.refetch()} />}
      {matters.data && matters.data.items.length === 0 && <Card><EmptyState description={t('matters.my.empty')} /></Card>}
      {matters.data?.items.map((m) => <MatterCardItem key={m.id} card={m} to={`/my/matters/${m.id}`} />)}
    </>
  );
}

export function RaiseMyMatterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useMyUnits();
  const [unitId, setUnitId] = useState<string | undefined>();
  if (units.isPending) return <PageLoading />;
  if (units.isError) return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  const homes = units.data.items;
  const unit = homes.find((u) => u.id === unitId) ?? (homes.length === 1 ? homes[0] : undefined);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 4 }}>{t('matters.raise.heading')}</Typography.Title>
      {homes.length === 0 && <Card><EmptyState description={t('matters.my.noHousehold')} /></Card>}
      {homes.length > 1 && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Typography.Text>{t('matters.my.raiseFor')}</Typography.Text>
          <Select value={unit?.id} onChange={setUnitId} style={{ width: '100%', marginTop: 4 }} placeholder={t('matters.my.chooseHousehold')} data-testid="raise-household"
            options={homes.map((u) => ({ value: u.id, label: `${u.compound.name} ${u.buildingName} ${u.number}` }))} />
        </Card>
      )}
      {unit && (
        <Card size="small">
          <Typography.Paragraph type="secondary">{t('matters.my.raiseIn', { compound: unit.compound.name, unit: `${unit.buildingName} ${unit.number}` })}</Typography.Paragraph>
          <RaiseMatterForm
            key={unit.id}
            context={{ communityId: unit.community.id, household: { unitId: unit.id, compoundId: unit.compound.id } }}
            onRaised={(m) => navigate(`/my/matters/${m.id}`)}
          />
        </Card>
      )}
    </>
  );
}
