import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeView } from '../../contracts/accounts.ts';
import { api, isUnauthenticated } from '../http/client.ts';

export const ME_KEY = ['me'] as const;

/** Who is logged in: the MeView, or null when nobody is (a 401 is an answer, not an error). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<MeView | null> => {
      try {
        return await api<MeView>('/api/me');
      } catch (e) {
        if (isUnauthenticated(e)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The logged-in user; only for components rendered under RequireSession. */
export function useSession(): MeView {
  const { data } = useMe();
  if (!data) throw new Error('useSession outside RequireSession');
  return data;
}

export const can = (me: MeView, ability: string) => me.abilities[ability] === true;

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST' }),
    // whatever the server said, forget everything this user could see
    onSettled: () => {
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

/** After a login: drop the previous user's cache and load the new session. */
export function useAfterLogin() {
  const client = useQueryClient();
  return async () => {
    client.clear();
    await client.fetchQuery({ queryKey: ME_KEY, queryFn: () => api<MeView>('/api/me') });
  };
}
