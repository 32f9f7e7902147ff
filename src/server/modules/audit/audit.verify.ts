import { asc, eq, gt, and } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { auditEvents, auditHeads } from './audit.tables.ts';
import { findChainBreak, GENESIS_HASH, type ChainBreak } from './domain/chain.ts';

const PAGE = 5000;

/**
 * Recomputes every chain (or one community's) from its first event. Reads in pages so a long
 * trail never sits in memory whole. Also checks that the chain reaches the recorded head, so a
 * deleted tail is caught.
 */
export async function verifyAuditChains(db: Db, communityId?: string) {
  const heads = communityId
    ? await db.select().from(auditHeads).where(eq(auditHeads.communityId, communityId))
    : await db.select().from(auditHeads);
  const broken: (ChainBreak & { communityId: string })[] = [];
  let events = 0;
  for (const head of heads) {
    let last = { seq: 0, hash: GENESIS_HASH };
    let brokenHere: ChainBreak | null = null;
    for (;;) {
      const page = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.communityId, head.communityId), gt(auditEvents.seq, last.seq)))
        .orderBy(asc(auditEvents.seq))
        .limit(PAGE);
      if (!page.length) break;
      events += page.length;
      const rows = page.map(({ createdAt: _createdAt, ...e }) => e);
      brokenHere = findChainBreak(rows, last);
      if (brokenHere) break;
      const tail = rows[rows.length - 1];
      last = { seq: tail.seq, hash: tail.hash };
    }
    if (!brokenHere && (last.seq !== head.seq || last.hash !== head.hash)) {
      brokenHere = { seq: last.seq + 1, id: '', reason: 'seq_gap' };
    }
    if (brokenHere) broken.push({ communityId: head.communityId, ...brokenHere });
  }
  return { chains: heads.length, events, broken };
}
