import type { ReactNode } from 'react';
import { Alert, Button, Empty, Result, Skeleton, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../http/client.ts';

// The empty, loading and error states every page uses, so they look and read the same everywhere.

export function PageLoading() {
  return <Skeleton active paragraph={{ rows: 6 }} style={{ padding: 24 }} />;
}

export function FullPageLoading() {
  return (
    <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function EmptyState({ description }: { description?: ReactNode }) {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')} />;
}

/** The server's own message, as a full-page result (404 gets the not-found page). */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={error.message} />;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Result
      status={forbidden ? '403' : 'error'}
      title={forbidden ? t('errors.forbidden') : t('errors.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

/** An inline error inside a card or tab, so the rest of the page stays usable. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError && error.status === 404 ? t('errors.notFound') : t('errors.loadFailed')}
      description={errorMessage(error)}
      action={onRetry && <Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('errors.notFound')}
      subTitle={message ?? t('errors.notFoundHint')}
      extra={<Link to="/"><Button type="primary">{t('common.home')}</Button></Link>}
      data-testid="not-found"
    />
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
