import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * A list's search, filters and page live in the URL, so the back button and a shared link
 * return to the same rows. `prefix` keeps two lists on one page (tabs) from sharing keys.
 */
export function useListParams<K extends string>(prefix: string, filterKeys: readonly K[] = []) {
  const [params, setParams] = useSearchParams();
  const key = (k: string) => (prefix ? `${prefix}.${k}` : k);
  const page = Math.max(1, Number(params.get(key('page'))) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get(key('pageSize'))) || DEFAULT_PAGE_SIZE));
  const filters = Object.fromEntries(['q', ...filterKeys].map((k) => [k, params.get(key(k)) ?? undefined])) as Record<K | 'q', string | undefined>;

  /** Changing a filter or the search goes back to page 1. Several filters change in one step. */
  const setFilters = (patch: Partial<Record<K | 'q', string | undefined>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(patch) as [string, string | undefined][]) {
        if (value) next.set(key(name), value);
        else next.delete(key(name));
      }
      next.delete(key('page'));
      return next;
    }, { replace: true });
  const setFilter = (name: K | 'q', value: string | undefined) => setFilters({ [name]: value } as Partial<Record<K | 'q', string | undefined>>);

  const setPage = (nextPage: number, nextPageSize: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key('page'), String(nextPageSize !== pageSize ? 1 : nextPage));
      if (nextPageSize === DEFAULT_PAGE_SIZE) next.delete(key('pageSize'));
      else next.set(key('pageSize'), String(nextPageSize));
      return next;
    });

  return { page, pageSize, filters, setFilter, setFilters, setPage };
}

/** antd Table pagination wired to the server's { total, page, pageSize }. */
export function serverPagination(list: { page: number; pageSize: number; setPage: (p: number, s: number) => void }, total: number | undefined) {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    onChange: list.setPage,
    hideOnSinglePage: false,
    size: 'small' as const,
  };
}
