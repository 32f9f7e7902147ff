import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../http/client.ts';
import type {
  NoticeDraftInput, NoticeDraftPatch, NoticeFileView, NoticeList, NoticePrintView, NoticeSettingsInput, NoticeSettingsView, NoticeView, ObjectionList, ObjectionView, PublicNoticeView,
} from './notices.types.ts';

// One hook or call per notices endpoint (docs/rules/notices.md). The public ones need no login.

const paged = { placeholderData: keepPreviousData } as const;
const notice = (id: string) => `/api/notices/${id}`;

export const useCommunityNotices = (communityId: string, query: Query) =>
  useQuery({ queryKey: ['notices', communityId, query], queryFn: () => api<NoticeList>(`/api/communities/${communityId}/notices`, { query }), ...paged });

export const useOverdueObjections = (communityId: string, query: Query) =>
  useQuery({ queryKey: ['overdue-objections', communityId, query], queryFn: () => api<ObjectionList>(`/api/communities/${communityId}/overdue-objections`, { query }), ...paged });

export const useNotice = (id: string | null | undefined) =>
  useQuery({ queryKey: ['notice', id], queryFn: () => api<NoticeView>(notice(id!)), enabled: !!id });

export const useObjections = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['notice', id, 'objections'], queryFn: () => api<ObjectionList>(`${notice(id)}/objections`, { query: { pageSize: 200 } }), enabled });

export const useMyNotices = (query: Query) =>
  useQuery({ queryKey: ['my-notices', query], queryFn: () => api<NoticeList>('/api/my/notices', { query }), ...paged });

export const useMyObjections = () =>
  useQuery({ queryKey: ['my-objections'], queryFn: () => api<ObjectionList>('/api/my/objections', { query: { pageSize: 200 } }) });

export const usePublicNotice = (id: string) =>
  useQuery({ queryKey: ['public-notice', id], queryFn: () => api<PublicNoticeView>(`/api/public/notices/${id}`) });

export const useNoticePrint = (id: string) =>
  useQuery({ queryKey: ['public-notice', id, 'print'], queryFn: () => api<NoticePrintView>(`/api/public/notices/${id}/print`) });

export const noticeSettingsKey = (communityId: string) => ['notice-settings', communityId] as const;

/** Staff reaching the community read it (others get 404); `abilities.edit` says who may change it. */
export const useNoticeSettings = (communityId: string) =>
  useQuery({ queryKey: noticeSettingsKey(communityId), queryFn: () => api<NoticeSettingsView>(`/api/communities/${communityId}/notice-settings`) });

/** After any write to a notice: it and its objections are read again, and the lists around it. */
export function useNoticeChanged() {
  const client = useQueryClient();
  return (id: string) => Promise.all([
    client.invalidateQueries({ queryKey: ['notice', id] }),
    client.invalidateQueries({ queryKey: ['notices'] }),
    client.invalidateQueries({ queryKey: ['overdue-objections'] }),
    client.invalidateQueries({ queryKey: ['my-objections'] }),
    client.invalidateQueries({ queryKey: ['my-notices'] }),
  ]);
}

// ——— writes ———

export const createDraft = (communityId: string, body: NoticeDraftInput) =>
  api<NoticeView>(`/api/communities/${communityId}/notices`, { method: 'POST', body });
export const updateDraft = (id: string, body: NoticeDraftPatch) => api<NoticeView>(notice(id), { method: 'PATCH', body });
export const publishNotice = (id: string) => api<NoticeView>(`${notice(id)}/publish`, { method: 'POST' });
export const raiseObjection = (id: string, text: string) => api<ObjectionView>(`${notice(id)}/objections`, { method: 'POST', body: { text } });
export const answerObjection = (id: string, objectionId: string, answer: string) =>
  api<ObjectionView>(`${notice(id)}/objections/${objectionId}/answer`, { method: 'POST', body: { answer } });

export const saveNoticeSettings = (communityId: string, body: NoticeSettingsInput) =>
  api<NoticeSettingsView>(`/api/communities/${communityId}/notice-settings`, { method: 'PUT', body });

export function uploadProof(id: string, file: File, note?: string) {
  const form = new FormData();
  // the fields first: the server reads them before the file
  if (note) form.append('note', note);
  form.append('file', file, file.name);
  return api<NoticeFileView>(`${notice(id)}/proofs`, { method: 'POST', body: form });
}

/** Attaches a PDF or image to a draft. */
export function uploadAttachment(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<NoticeFileView>(`${notice(id)}/attachments`, { method: 'POST', body: form });
}

/** Where a stored file downloads (published notices' files need no login). */
export const fileUrl = (noticeId: string, fileId: string) => `${notice(noticeId)}/files/${fileId}`;
