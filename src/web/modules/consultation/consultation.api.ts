import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../http/client.ts';
import type {
  AddTaskBody, AdvanceMatterBody, AttachmentInput, BoardView, CommentList, CommentView, ConsultationSettingsBody, ConsultationSettingsView, MatterList,
  MatterSummaryView, MatterView, OverdueList, RaiseMatterBody, SurveyQuestionInput,
} from './consultation.types.ts';

// One hook or call per consultation endpoint (docs/rules/consultation.md). Every write answers
// the matter view; it replaces the cached matter, so abilities and step are always the server's.

const paged = { placeholderData: keepPreviousData } as const;
const base = (id: string) => `/api/matters/${id}`;

export const useMatters = (query: Query, enabled = true) =>
  useQuery({ queryKey: ['matters', query], queryFn: () => api<MatterList>('/api/matters', { query }), enabled, ...paged });

export const useMyMatters = (query: Query) =>
  useQuery({ queryKey: ['my-matters', query], queryFn: () => api<MatterList>('/api/my/matters', { query }), ...paged });

export const useMatter = (id: string) => useQuery({ queryKey: ['matter', id], queryFn: () => api<MatterView>(base(id)) });

export const useComments = (id: string, query: Query) =>
  useQuery({ queryKey: ['matter', id, 'comments', query], queryFn: () => api<CommentList>(`${base(id)}/comments`, { query }), ...paged });

export const useBoard = (communityId: string, query: Query) =>
  useQuery({ queryKey: ['matter-board', communityId, query], queryFn: () => api<BoardView>(`/api/communities/${communityId}/matter-board`, { query }), ...paged });

export const useOverdue = (communityId: string) =>
  useQuery({ queryKey: ['overdue-matters', communityId], queryFn: () => api<OverdueList>(`/api/communities/${communityId}/overdue-matters`) });

/** The street and district summary; a 403 (staff who oversee no community) is shown as "not for you". */
export const useMatterSummary = (query: Query) =>
  useQuery({ queryKey: ['matter-summary', query], queryFn: () => api<MatterSummaryView>('/api/matters/summary', { query }) });

export const consultationSettingsKey = (communityId: string | undefined) => ['consultation-settings', communityId] as const;

export const useConsultationSettings = (communityId: string | undefined) =>
  useQuery({
    queryKey: consultationSettingsKey(communityId),
    queryFn: () => api<ConsultationSettingsView>(`/api/communities/${communityId}/consultation-settings`),
    enabled: !!communityId,
    staleTime: 5 * 60_000,
  });

/** After a write: the answer is the new matter; lists and boards are read again. */
export function useMatterUpdated() {
  const client = useQueryClient();
  return async (matter: MatterView) => {
    client.setQueryData(['matter', matter.id], matter);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['matter', matter.id, 'comments'] }),
      client.invalidateQueries({ queryKey: ['matters'] }),
      client.invalidateQueries({ queryKey: ['my-matters'] }),
      client.invalidateQueries({ queryKey: ['matter-board'] }),
      client.invalidateQueries({ queryKey: ['overdue-matters'] }),
    ]);
  };
}

// ——— writes ———

const post = <T = MatterView>(path: string, body: unknown) => api<T>(path, { method: 'POST', body });

export const raiseMatter = (body: RaiseMatterBody) => post('/api/matters', body);
export const advanceMatter = (id: string, body: AdvanceMatterBody) => post(`${base(id)}/advance`, body);
export const cosignMatter = (id: string, unitId?: string) => post(`${base(id)}/cosign`, { unitId });
export const supportMatter = (id: string, unitId?: string) => post(`${base(id)}/support`, { unitId });
export const postComment = (id: string, body: string, unitId?: string) => post<CommentView>(`${base(id)}/comments`, { body, unitId });
export const hideComment = (id: string, commentId: string, reason: string) => post<CommentView>(`${base(id)}/comments/${commentId}/hide`, { reason });
export const attachSurvey = (id: string, questions: SurveyQuestionInput[]) => post(`${base(id)}/survey`, { questions });
export const answerSurvey = (id: string, answers: number[][], unitId?: string) => post(`${base(id)}/survey/responses`, { answers, unitId });
export const recordResolution = (id: string, body: { fromVote?: true; text?: string; basisNote?: string }) => post(`${base(id)}/resolution`, body);
export const addTask = (id: string, body: AddTaskBody) => post(`${base(id)}/tasks`, body);
export const reportProgress = (id: string, taskId: string, body: { progress: number; note: string; attachments: AttachmentInput[] }) =>
  post(`${base(id)}/tasks/${taskId}/progress`, body);
export const acceptImplementation = (id: string, body: { party: 'owners_committee' | 'residents_committee'; note: string }) => post(`${base(id)}/acceptance`, body);
/** Only the keys sent change; the answer is the whole settings view. */
export const saveConsultationSettings = (communityId: string, body: ConsultationSettingsBody) =>
  api<ConsultationSettingsView>(`/api/communities/${communityId}/consultation-settings`, { method: 'PUT', body });
export const rateMatter = (id: string, body: { score: number; comment?: string; unitId?: string }) => post(`${base(id)}/ratings`, body);

/** A file as the progress report sends it: base64 without the data-URL prefix. */
export function fileToAttachment(file: File): Promise<AttachmentInput> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, mimeType: file.type || 'application/octet-stream', contentBase64: String(reader.result).split(',')[1] ?? '' });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
