import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../http/client.ts';
import type {
  BallotAccepted, Choice, CorrectionList, CorrectionView, CreateVoteBody, DocumentView, MyBallotsView, PaperAnswer, PaperBallotList,
  PaperBallotView, ProgressView, SubjectPageView, ProxyList, ProxyView, PublicVoteView, ReceiptView, ResultsView, RollView, VoteList, VoteSettingsView, VoteView,
} from './voting.types.ts';

// One hook or call per voting endpoint (docs/rules/voting.md). Every write invalidates the vote,
// so the abilities and the state shown are always the server's.

const paged = { placeholderData: keepPreviousData } as const;
const base = (id: string) => `/api/votes/${id}`;

export const useVotes = (query: Query) =>
  useQuery({ queryKey: ['votes', query], queryFn: () => api<VoteList>('/api/votes', { query }), ...paged });

export const useVote = (id: string, enabled = true) => useQuery({ queryKey: ['vote', id], queryFn: () => api<VoteView>(base(id)), enabled });

export const useVoteSettings = (compoundId: string | undefined) =>
  useQuery({
    queryKey: ['vote-settings', compoundId],
    queryFn: () => api<VoteSettingsView>(`/api/compounds/${compoundId}/vote-settings`),
    enabled: !!compoundId,
  });

export const useRoll = (id: string, query: Query, enabled = true) =>
  useQuery({ queryKey: ['vote', id, 'roll', query], queryFn: () => api<RollView>(`${base(id)}/roll`, { query }), enabled, ...paged });

export const useCorrections = (id: string, enabled = true) =>
  useQuery({ queryKey: ['vote', id, 'corrections'], queryFn: () => api<CorrectionList>(`${base(id)}/corrections`), enabled });

/** Participation while the vote runs: refreshed every 15 s while it is open. */
export const useProgress = (id: string, enabled = true, live = false) =>
  useQuery({
    queryKey: ['vote', id, 'progress'],
    queryFn: () => api<ProgressView>(`${base(id)}/progress`),
    enabled,
    refetchInterval: live ? 15_000 : false,
    staleTime: 0,
  });

export const useMyBallots = (id: string, enabled = true) =>
  useQuery({ queryKey: ['vote', id, 'my-ballots'], queryFn: () => api<MyBallotsView>(`${base(id)}/my-ballots`), enabled, staleTime: 0 });

export const useResults = (id: string, enabled = true) =>
  useQuery({ queryKey: ['vote', id, 'results'], queryFn: () => api<ResultsView>(`${base(id)}/results`), enabled });

export const usePaperBallots = (id: string, query: Query, enabled = true) =>
  useQuery({ queryKey: ['vote', id, 'paper', query], queryFn: () => api<PaperBallotList>(`${base(id)}/paper-ballots`, { query }), enabled, ...paged });

export const useProxies = (id: string, enabled = true) =>
  useQuery({ queryKey: ['vote', id, 'proxies'], queryFn: () => api<ProxyList>(`${base(id)}/proxies`), enabled });

export const usePublicVote = (id: string) =>
  useQuery({ queryKey: ['public-vote', id], queryFn: () => api<PublicVoteView>(`/api/public/votes/${id}`) });

/** After any write to a vote: everything about it is read again. */
export function useInvalidateVote(id: string) {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['vote', id] }),
    client.invalidateQueries({ queryKey: ['votes'] }),
  ]);
}

// ——— writes ———

export const createVote = (body: CreateVoteBody) => api<VoteView>('/api/votes', { method: 'POST', body });
export const updateVote = (id: string, body: Omit<CreateVoteBody, 'compoundId'>) => api<VoteView>(base(id), { method: 'PUT', body });

export type Move = 'announce' | 'open' | 'close' | 'count' | 'publish' | 'cancel' | 'extend';
export const moveVote = (id: string, move: Move, body?: { reason?: string; closesAt?: string }) =>
  api<VoteView>(`${base(id)}/${move}`, { method: 'POST', body });

export function uploadDocument(id: string, kind: DocumentView['kind'], file: File) {
  const form = new FormData();
  // the field first: the server reads it before the file
  form.append('kind', kind);
  form.append('file', file, file.name);
  return api<DocumentView>(`${base(id)}/documents`, { method: 'POST', body: form });
}

export const requestCorrection = (id: string, body: { unitId: string; text: string }) =>
  api<CorrectionView>(`${base(id)}/corrections`, { method: 'POST', body });
export const answerCorrection = (id: string, correctionId: string, body: { answer: string; accepted: boolean }) =>
  api<CorrectionView>(`${base(id)}/corrections/${correctionId}/answer`, { method: 'POST', body });

/** A new key for one submission; a retry of that same submission reuses it, so it counts once. */
export const newIdempotencyKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export interface BallotContent { choice?: Choice; marks?: string[]; subjectKey?: string }
export function submitBallot(id: string, questionId: string, mode: 'cast' | 'change', content: BallotContent, idempotencyKey: string) {
  const path = `${base(id)}/questions/${questionId}/ballots${mode === 'change' ? '/change' : ''}`;
  return api<BallotAccepted>(path, { method: 'POST', body: content, headers: { 'idempotency-key': idempotencyKey } });
}

export const checkReceipt = (id: string, code: string) => api<ReceiptView>(`${base(id)}/receipts/${encodeURIComponent(code.trim())}`);

export const enterPaperBallot = (id: string, body: { unitId: string; answers: PaperAnswer[]; scanRef: string }) =>
  api<PaperBallotView>(`${base(id)}/paper-ballots`, { method: 'POST', body });
export const resolvePaperBallot = (id: string, paperId: string, body: { answers: PaperAnswer[]; scanRef: string }) =>
  api<PaperBallotView>(`${base(id)}/paper-ballots/${paperId}/resolve`, { method: 'POST', body });
export const discardPaperBallot = (id: string, paperId: string, reason: string) =>
  api<PaperBallotView>(`${base(id)}/paper-ballots/${paperId}/discard`, { method: 'POST', body: { reason } });

export const registerProxy = (id: string, body: { unitId: string; principalPersonId?: string; proxyName: string; proxyPhone: string; documentId: string }) =>
  api<ProxyView>(`${base(id)}/proxies`, { method: 'POST', body });
export const revokeProxy = (id: string, proxyId: string, reason: string) =>
  api<ProxyView>(`${base(id)}/proxies/${proxyId}/revoke`, { method: 'POST', body: { reason } });

/**
 * The whole roll in one go (pages of 200): the pages filter it by building, number and "mine" in
 * the browser, and pick units from it. A compound has at most a few thousand units.
 */
export const useFullRoll = (id: string, enabled = true) =>
  useQuery({
    queryKey: ['vote', id, 'roll', 'all'],
    enabled,
    queryFn: async () => {
      const first = await api<RollView>(`${base(id)}/roll`, { query: { page: 1, pageSize: 200 } });
      const items = [...first.items];
      for (let page = 2; items.length < first.total; page++) {
        const next = await api<RollView>(`${base(id)}/roll`, { query: { page, pageSize: 200 } });
        if (next.items.length === 0) break;
        items.push(...next.items);
      }
      return { ...first, items };
    },
  });

/** The result's reports of some subjects (an owner's own), one request each: a result may hold a million. */
export const useSubjectReports = (subjectsUrl: string, keys: string[]) =>
  useQueries({
    queries: keys.map((subject) => ({
      queryKey: ['subjects', subjectsUrl, subject],
      queryFn: () => api<SubjectPageView>(subjectsUrl, { query: { subject } }),
    })),
  });
