import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RosterImportView } from '../../../contracts/roster.ts';
import { api } from '../../http/client.ts';

export type { RosterImportView };

const finished = (status: RosterImportView['status'] | undefined) => status === 'done' || status === 'failed';
export const isFinished = (job: RosterImportView | undefined) => finished(job?.status);

/** Starts a dry run or an import; answers 202 with the job's id, which is then polled. */
export async function startRosterImport(compoundId: string, file: File, options: { dryRun: boolean; createBuildings: boolean }) {
  const form = new FormData();
  // fields first: the server reads them before it streams the file
  form.append('dryRun', String(options.dryRun));
  form.append('createBuildings', String(options.createBuildings));
  form.append('file', file, file.name);
  return api<{ id: string }>(`/api/compounds/${compoundId}/roster-imports`, { method: 'POST', body: form });
}

/** The job, polled about once a second until it is done or failed; problems come a page at a time. */
export function useRosterImport(id: string | null, problemsPage: number, problemsPageSize: number) {
  return useQuery({
    queryKey: ['roster-import', id, problemsPage, problemsPageSize],
    queryFn: () => api<RosterImportView>(`/api/roster-imports/${id}`, { query: { page: problemsPage, pageSize: problemsPageSize } }),
    enabled: !!id,
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : 800),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
