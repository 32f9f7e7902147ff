import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { mailboxView } from '../../../contracts/accounts.ts';
import { api } from '../../http/client.ts';

export type Mailbox = z.infer<typeof mailboxView>;

export const loginStaff = (body: { username: string; password: string }) => api('/api/auth/login', { method: 'POST', body });
export const requestOtp = (body: { phone: string }) => api<{ sent: boolean; expiresInSeconds: number }>('/api/auth/otp', { method: 'POST', body });
export const loginOwner = (body: { phone: string; code: string }) => api('/api/auth/owner-login', { method: 'POST', body });
export const changePassword = (body: { currentPassword: string; newPassword: string }) => api('/api/auth/password', { method: 'POST', body });

/** Whether this server runs on the embedded database, where one-time codes go to the dev mailbox. */
export function useEmbeddedMode() {
  return useQuery({
    queryKey: ['readyz'],
    queryFn: () => api<{ database?: { kind?: string } }>('/readyz').catch(() => null),
    select: (r) => r?.database?.kind === 'embedded',
    staleTime: Infinity,
  });
}

export function useMailbox(enabled: boolean) {
  return useQuery({
    queryKey: ['dev-mailbox'],
    queryFn: () => api<Mailbox>('/api/dev/mailbox'),
    refetchInterval: 5_000,
    enabled,
  });
}
