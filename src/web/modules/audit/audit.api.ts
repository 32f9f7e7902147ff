import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditList, auditVerifyResult } from '../../../contracts/audit.ts';
import { api, type Query } from '../../http/client.ts';

export type AuditList = z.infer<typeof auditList>;
export type AuditEvent = AuditList['items'][number];
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;

export const useAuditEvents = (query: Query, enabled: boolean) =>
  useQuery({ queryKey: ['audit-events', query], queryFn: () => api<AuditList>('/api/audit/events', { query }), enabled, placeholderData: keepPreviousData });

export const verifyChain = (communityId: string) =>
  api<AuditVerifyResult>('/api/audit/verify', { method: 'POST', body: { communityId } });
