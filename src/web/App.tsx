import { useMemo } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, isUnauthenticated } from './http/client.ts';
import { router } from './routes.tsx';
import { usePrefersReducedMotion } from './shell/reducedMotion.ts';
import { ME_KEY } from './shell/session.ts';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will not heal by asking again; network and 5xx errors get two more tries
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
  queryCache: new QueryCache({
    // an expired session anywhere sends the whole app back to the login page
    onError: (error, query) => {
      if (isUnauthenticated(error) && query.queryKey[0] !== ME_KEY[0]) queryClient.setQueryData(ME_KEY, null);
    },
  }),
});

export function App() {
  const { i18n } = useTranslation();
  const locale = useMemo(() => (i18n.language === 'en' ? enUS : zhCN), [i18n.language]);
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => ({ token: { motion: !reducedMotion } }), [reducedMotion]);
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
