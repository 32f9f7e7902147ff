import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Skeleton, Tag, type FormInstance, type FormRule as Rule } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../http/client.ts';
import { ErrorAlert } from '../../shell/states.tsx';
import { useRefusal } from './bits.tsx';

// What the three settings sections of the community settings page share: the card with its
// loading, error, default and read-only states; the number rules the contracts enforce; and a
// save that lands the server's field-named refusals on their fields.

type Settings = { isDefault: boolean; abilities: { edit: boolean } };

/** A section: skeleton while loading, the error with a retry, else the form (read-only when the server says so). */
export function SettingsCard<T extends Settings>({ title, query, testId, children }: {
  title: string;
  query: UseQueryResult<T>;
  testId: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const data = query.data;
  return (
    <Card title={title} extra={data?.isDefault && <Tag>{t('matters.settings.isDefault')}</Tag>} data-testid={testId}>
      {query.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && !data.abilities.edit && <Alert type="info" showIcon title={t('matters.settings.readOnly')} style={{ marginBottom: 16 }} />}
      {data && children(data)}
    </Card>
  );
}

/** A whole number in [min, max], as the zod contracts bound it; the message says the bounds. */
export function useWholeRules() {
  const { t } = useTranslation();
  return (min: number, max: number): Rule[] => [
    { required: true, message: t('validation.required') },
    { type: 'integer', message: t('matters.settings.whole') },
    { type: 'number', min, max, message: t('matters.settings.between', { min, max }) },
  ];
}

/** Trimmed text of 1–max characters (the contracts trim before they count). */
export function useTextRules() {
  const { t } = useTranslation();
  return (max: number): Rule[] => [
    { required: true, whitespace: true, message: t('matters.settings.notEmpty') },
    { validator: async (_, v?: string) => { if ((v ?? '').trim().length > max) throw new Error(t('matters.settings.maxLength', { max })); } },
  ];
}

/** "body.categories[2].key" or "minPostingDays" → ['categories', 2, 'key'] / ['minPostingDays']. */
export function fieldPath(path: string): (string | number)[] {
  return path.replace(/^body\.?/, '').split(/[.[\]]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

type FieldName = (string | number)[];
/** Which form field a server path names, or null when the form has no such field. */
export type FieldOf = (path: FieldName) => FieldName | null;
export const fieldsNamed = (fields: readonly string[]): FieldOf => (path) => (fields.includes(String(path[0])) ? path : null);

/** The issues of a 400 whose field the form has, as antd field errors. */
export function fieldErrorsOf(error: unknown, fieldOf: FieldOf) {
  if (!(error instanceof ApiError)) return [];
  const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  return issues.flatMap((i) => {
    const name = fieldOf(fieldPath(i.path));
    return name ? [{ name, errors: [i.message] }] : [];
  });
}

/** Runs a save: the success message, or the refusal above the form and each named field's error on it. */
export function useSettingsSave(form: FormInstance, fieldOf: FieldOf, savedText: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (send: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await send();
      void message.success(savedText);
    } catch (e) {
      setError(e);
      form.setFields(fieldErrorsOf(e, fieldOf) as never);
    } finally {
      setBusy(false);
    }
  };
  const nothingChanged = () => void message.info(t('matters.settings.unchanged'));
  return { busy, error, run, nothingChanged };
}

/** The refusal in words above the save button. */
export function SaveRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const refusal = useRefusal();
  if (error === null) return null;
  const { title, detail } = refusal(error);
  return (
    <Alert
      type="error"
      showIcon
      title={t('matters.settings.refused')}
      description={<>{title}{detail && <div>{detail}</div>}</>}
      style={{ marginBottom: 12 }}
      data-testid="settings-refused"
    />
  );
}

export function SaveButton({ busy, testId }: { busy: boolean; testId: string }) {
  const { t } = useTranslation();
  return <Button type="primary" htmlType="submit" loading={busy} data-testid={testId}>{t('matters.settings.save')}</Button>;
}
