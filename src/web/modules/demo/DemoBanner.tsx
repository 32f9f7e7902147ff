import { useEffect, useRef } from 'react';
import { Alert, Progress } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDemoStatus } from './demo.api.ts';

/** While the demo district loads, say so with its progress; when it finishes, refresh what is on screen. */
export function DemoBanner() {
  const { t } = useTranslation();
  const status = useDemoStatus();
  const client = useQueryClient();
  const state = status.data?.state;
  const previous = useRef(state);

  useEffect(() => {
    if (previous.current === 'loading' && state === 'done') {
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'demo-status' && q.queryKey[0] !== 'me' });
    }
    previous.current = state;
  }, [state, client]);

  if (!status.data) return null;
  const { done, total, message } = status.data;
  if (state === 'loading') {
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    return (
      <Alert
        type="info"
        showIcon
        data-testid="demo-loading"
        style={{ marginBottom: 16 }}
        title={t('demo.loading')}
        description={
          <>
            {message && <div>{message}</div>}
            <Progress percent={percent} status="active" size="small" />
          </>
        }
      />
    );
  }
  if (state === 'failed') {
    return <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('demo.failed')} description={message} />;
  }
  return null;
}
