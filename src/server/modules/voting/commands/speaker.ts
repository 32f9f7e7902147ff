import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.ts';
import type { Db } from '../../../platform/db.ts';
import { frozenUnitsOwnedBy, subjectsSpokenFor } from '../repo/electorate.ts';
import { voteProxies } from '../voting.tables.ts';
import { forbidden, invalid } from './support.ts';

/** For whom an owner or proxy holder casts a ballot: a subject of the frozen electorate, in person or as proxy. */
export interface Speaker {
  subjectKey: string;
  /** the representative who votes, or the proxy's principal */
  voterPersonId: string;
  capacity: 'self' | 'proxy';
  proxyId: string | null;
}

type OwnerActor = Extract<Actor, { kind: 'owner' }>;

/** Every subject the actor may vote for: their own (as a representative) first, then those of their proxies' principals (revoked proxies do not count). */
export async function speakersFor(db: Db, vote: { id: string; communityId: string }, actor: OwnerActor): Promise<Speaker[]> {
  const own = await subjectsSpokenFor(db, vote, actor.personIds);
  const proxies = await db
    .select({ id: voteProxies.id, principal: voteProxies.principalPersonId })
    .from(voteProxies)
    .where(and(eq(voteProxies.communityId, vote.communityId), eq(voteProxies.voteId, vote.id), eq(voteProxies.proxyPhone, actor.phone), isNull(voteProxies.revokedAt)));
  const principals = await subjectsSpokenFor(db, vote, proxies.map((p) => p.principal));
  return speakersOf(own, proxies, principals);
}

type SpokenFor = { personId: string; subjectKey: string };

/** The speakers, from what the frozen electorate says the actor and their proxies' principals speak for. */
export function speakersOf(own: SpokenFor[], proxies: { id: string; principal: string }[], principals: SpokenFor[]): Speaker[] {
  const speakers: Speaker[] = own.map((o) => ({ subjectKey: o.subjectKey, voterPersonId: o.personId, capacity: 'self', proxyId: null }));
  for (const p of principals) {
    if (speakers.some((s) => s.subjectKey === p.subjectKey)) continue;
    const proxy = proxies.find((x) => x.principal === p.personId)!;
    speakers.push({ subjectKey: p.subjectKey, voterPersonId: p.personId, capacity: 'proxy', proxyId: proxy.id });
  }
  return speakers;
}

/** The one subject a submission names, or the only one the actor has; null when that takes explaining (resolveSpeaker says why). */
export function plainSpeaker(speakers: Speaker[], subjectKey?: string): Speaker | null {
  if (subjectKey !== undefined) return speakers.find((s) => s.subjectKey === subjectKey) ?? null;
  return speakers.length === 1 ? speakers[0] : null;
}

/**
 * The subject a submission is for. With one possibility the key may be left out. A co-owner who
 * is not the named voter is told so, naming the units; someone outside the electorate is told that.
 */
export async function resolveSpeaker(db: Db, vote: { id: string; communityId: string }, actor: OwnerActor, subjectKey?: string): Promise<Speaker> {
  const speakers = await speakersFor(db, vote, actor);
  const plain = plainSpeaker(speakers, subjectKey);
  if (plain) return plain;
  if (subjectKey === undefined && speakers.length > 1) {
    throw invalid(
      [{ path: 'subjectKey', message: `you vote for ${speakers.length} subjects; name one of ${speakers.map((s) => s.subjectKey).join(', ')}` }],
      'choose_subject',
    );
  }
  const owned = await frozenUnitsOwnedBy(db, vote, actor.personIds);
  const coOwned = owned.filter((u) => subjectKey === undefined || u.subjectKey === subjectKey);
  if (coOwned.length) {
    const units = coOwned.map((u) => `${u.buildingName}-${u.number}`);
    throw forbidden('not_named_voter', `another co-owner is the named voter for ${units.join(', ')}; only the named voter casts its ballot`, {
      units: coOwned.map((u) => ({ unitId: u.unitId, buildingName: u.buildingName, number: u.number })),
    });
  }
  if (subjectKey !== undefined) throw forbidden('not_in_electorate', 'subjectKey: you neither own nor hold a proxy for this subject', { field: 'subjectKey' });
  throw forbidden('not_in_electorate', 'you are not in the electorate of this vote (the owners when it opened) and hold no proxy in it');
}

export const notOwner = () => forbidden('not_in_electorate', 'ballots are cast by owners and proxy holders logged in by phone');
