import { useQuery } from '@tanstack/react-query';
import { api } from '../../http/client.ts';

export interface DemoStatus {
  state: 'idle' | 'loading' | 'done' | 'failed';
  done: number;
  total: number;
  message?: string | null;
}

/** Polled while the demo district is loading; quiet otherwise. A server without the demo answers nothing. */
export function useDemoStatus() {
  return useQuery({
    queryKey: ['demo-status'],
    queryFn: () => api<DemoStatus>('/api/demo/status').catch(() => null),
    refetchInterval: (query) => (query.state.data?.state === 'loading' ? 1_500 : false),
    staleTime: 10_000,
  });
}
