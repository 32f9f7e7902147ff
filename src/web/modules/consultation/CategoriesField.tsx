import { Button, Flex, Form, Input, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useTextRules } from './settings.shared.tsx';

// The community's matter categories as an ordered list. Matters are filed by key, so a saved
// category's key stays as it is: only rows added here take a new key. Names, order and removal
// are free (the contract keeps the list's order; raised matters keep their key).

export interface CategoryRow {
  key: string;
  nameZh: string;
  nameEn: string;
  /** added in this form, so its key may still be chosen */
  isNew?: boolean;
}

const KEY = /^[a-z][a-z0-9_]{1,39}$/;
export const MAX_CATEGORIES = 40;

export function CategoriesField({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const text = useTextRules();
  const keyRules = [
    { required: true, message: t('validation.required') },
    { pattern: KEY, message: t('matters.settings.consultation.keyRule') },
    {
      validator: async (_: unknown, key?: string) => {
        const rows: CategoryRow[] = form.getFieldValue('categories') ?? [];
        if (key && rows.filter((r) => r?.key === key).length > 1) throw new Error(t('matters.settings.consultation.keyTaken'));
      },
    },
  ];
  const listRules = [{
    validator: async (_: unknown, rows?: CategoryRow[]) => {
      if (!rows?.length) throw new Error(t('matters.settings.consultation.atLeastOne'));
      if (rows.length > MAX_CATEGORIES) throw new Error(t('matters.settings.consultation.atMost', { max: MAX_CATEGORIES }));
    },
  }];
  const cell = { marginBottom: 8 };

  return (
    <Form.Item label={t('matters.settings.consultation.categories')} extra={t('matters.settings.consultation.categoriesHint')} required={editable}>
      <Form.List name="categories" rules={listRules}>
        {(fields, { add, remove, move }, { errors }) => (
          <Flex vertical data-testid="categories">
            {fields.map((field, index) => {
              const isNew = form.getFieldValue(['categories', field.name, 'isNew']) === true;
              return (
                <Flex key={field.key} gap={8} wrap align="start" data-testid="category-row">
                  <Typography.Text type="secondary" style={{ width: 24, paddingTop: 5 }}>{index + 1}</Typography.Text>
                  <Form.Item name={[field.name, 'key']} rules={isNew ? keyRules : []} style={{ ...cell, width: 210 }} dependencies={fields.map((f) => ['categories', f.name, 'key'])}>
                    <Input placeholder={t('matters.settings.consultation.keyPlaceholder')} disabled={!isNew} aria-label={t('matters.settings.consultation.key')} data-testid="category-key" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'nameZh']} rules={text(40)} style={{ ...cell, flex: '1 1 160px' }}>
                    <Input placeholder={t('matters.settings.consultation.nameZh')} aria-label={t('matters.settings.consultation.nameZh')} data-testid="category-zh" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'nameEn']} rules={text(60)} style={{ ...cell, flex: '1 1 200px' }}>
                    <Input placeholder={t('matters.settings.consultation.nameEn')} aria-label={t('matters.settings.consultation.nameEn')} data-testid="category-en" />
                  </Form.Item>
                  {editable && (
                    <Flex gap={4} style={cell}>
                      <Tooltip title={t('matters.settings.consultation.moveUp')}>
                        <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('matters.settings.consultation.moveUp')} />
                      </Tooltip>
                      <Tooltip title={t('matters.settings.consultation.moveDown')}>
                        <Button icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('matters.settings.consultation.moveDown')} />
                      </Tooltip>
                      <Tooltip title={t('matters.settings.consultation.remove')}>
                        <Button danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} aria-label={t('matters.settings.consultation.remove')} data-testid="category-remove" />
                      </Tooltip>
                    </Flex>
                  )}
                </Flex>
              );
            })}
            <Form.ErrorList errors={errors} />
            {editable && (
              <Button icon={<PlusOutlined />} onClick={() => add({ key: '', nameZh: '', nameEn: '', isNew: true })} disabled={fields.length >= MAX_CATEGORIES} style={{ alignSelf: 'start' }} data-testid="category-add">
                {t('matters.settings.consultation.add')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
