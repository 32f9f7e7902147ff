import { createContext, useContext, useEffect } from 'react';

/**
 * Pages below a community (compound, unit, roster import) tell the shell which community they
 * belong to, so the places menu opens and highlights it; the URL alone does not say.
 */
export const CurrentCommunityContext = createContext<(communityId: string | undefined) => void>(() => {});

export function useMarkCommunity(communityId: string | undefined) {
  const mark = useContext(CurrentCommunityContext);
  useEffect(() => {
    mark(communityId);
    return () => mark(undefined);
  }, [communityId, mark]);
}
