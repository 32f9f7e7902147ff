import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { LoginPhoneSource } from '../accounts/index.ts';
import { STATE_ALLOWS, VOTE_STATES } from './domain/lifecycle.ts';
import { voteProxies, votes } from './voting.tables.ts';

/**
 * States in which a proxy holder still has something to do: proxies are being registered or
 * ballots taken. Before and after, the vote is either not theirs yet or public anyway, and a
 * receipt is checked without logging in.
 */
const PROXY_ACTIVE_STATES = VOTE_STATES.filter((s) => STATE_ALLOWS[s].proxies || STATE_ALLOWS[s].ballots);

/**
 * The voting module's login standing: a phone holding a proxy (not revoked) in a vote that is
 * announced or open may log in by one-time code even if it owns and rents nothing. buildApp passes
 * it to the accounts routes. The session it opens is an owner actor without units; voting's
 * access (ownerRelation) recognises the proxy by phone, and nothing else reaches further.
 */
export const proxyLoginSource: LoginPhoneSource = {
  name: 'voting.proxy',
  async communitiesOf(db, phone) {
    const rows = await db
      .selectDistinct({ communityId: voteProxies.communityId })
      .from(voteProxies)
      .innerJoin(votes, and(eq(votes.communityId, voteProxies.communityId), eq(votes.id, voteProxies.voteId)))
      .where(and(eq(voteProxies.proxyPhone, phone), isNull(voteProxies.revokedAt), inArray(votes.state, PROXY_ACTIVE_STATES)));
    return rows.map((r) => r.communityId);
  },
};
