import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, Modal, Row, Statistic, Tooltip } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shell/states.tsx';
import { recordFigures } from './registry.api.ts';
import type { CommunityView } from './registry.types.ts';

const derivedKeys = ['compounds', 'buildings', 'units', 'households', 'residents', 'grids', 'gridWorkers', 'partyOrganisations', 'partyMembers', 'ownersCommittees'] as const;
const recordedKeys = ['areaKm2', 'populationRecorded', 'socialWorkersRecorded'] as const;

/** Figures counted from the registry, beside figures staff record by hand (null: not recorded). */
export function CommunityFigures({ community }: { community: CommunityView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={16}>
        <Card size="small" title={<Tooltip title={t('figures.derivedHint')}>{t('figures.derived')}</Tooltip>}>
          <Row gutter={[16, 12]}>
            {derivedKeys.map((key) => (
              <Col key={key} xs={12} sm={8} md={6} lg={4} xl={{ flex: '20%' }}>
                <Statistic title={t(`figures.${key}`)} value={community.derived[key]} />
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          size="small"
          title={<Tooltip title={t('figures.recordedHint')}>{t('figures.recorded')}</Tooltip>}
          extra={community.abilities.recordFigures && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
        >
          <Row gutter={[16, 12]}>
            {recordedKeys.map((key) => (
              <Col key={key} span={8}>
                <Statistic title={t(`figures.${key}`)} value={community.recorded[key] ?? '—'} precision={key === 'areaKm2' ? 3 : undefined} />
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      {editing && <FiguresModal community={community} onClose={() => setEditing(false)} />}
    </Row>
  );
}

interface FigureValues {
  areaM2: number | null;
  populationRecorded: number | null;
  socialWorkersRecorded: number | null;
}

function FiguresModal({ community, onClose }: { community: CommunityView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FigureValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const updated = await recordFigures(community.id, {
        areaM2: values.areaM2 ?? null,
        populationRecorded: values.populationRecorded ?? null,
        socialWorkersRecorded: values.socialWorkersRecorded ?? null,
      });
      client.setQueryData(['community', community.id], updated);
      void client.invalidateQueries({ queryKey: ['communities'] });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const whole = { min: 0, precision: 0, style: { width: '100%' } };
  return (
    <Modal open title={t('figures.recordTitle')} onOk={save} onCancel={onClose} confirmLoading={saving} okText={t('common.save')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ areaM2: community.recorded.areaM2, populationRecorded: community.recorded.populationRecorded, socialWorkersRecorded: community.recorded.socialWorkersRecorded }}>
        <Form.Item name="areaM2" label={t('figures.areaM2')}><InputNumber {...whole} /></Form.Item>
        <Form.Item name="populationRecorded" label={t('figures.populationRecorded')}><InputNumber {...whole} /></Form.Item>
        <Form.Item name="socialWorkersRecorded" label={t('figures.socialWorkersRecorded')}><InputNumber {...whole} /></Form.Item>
      </Form>
    </Modal>
  );
}
