import { and, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { MatterStep, ResponsibleParty } from '../../../contracts/consultation.ts';
import type { Actor } from '../../platform/actor.ts';
import { hasCommunityRole, hasCompoundRole } from '../../platform/actor.ts';
import { movesFrom, stepAllows, type Mover } from './domain/steps.ts';
import { matters } from './consultation.tables.ts';

// Every ability of the consultation module, default deny, in this one file. Routes and commands
// ask these functions; list queries filter with visibleMattersSql, which answers canReadMatter for
// many rows at once. Who may move a matter between steps is data (domain/steps.ts); this file only
// says which movers an actor is for a matter.

/** A household is a unit: an owner or resident speaks for the units they own or live in. */
export interface Household {
  unitId: string;
  compoundId: string;
  communityId: string;
}

/** The actor and, for owners and residents, their households (resolved once per request). */
export interface Viewer {
  actor: Actor;
  households: Household[];
}

export interface MatterRef {
  id: string;
  communityId: string;
  compoundId: string | null;
  step: MatterStep;
  decidingBody: 'owners_vote' | 'owners_committee' | 'two_committees' | 'residents_assembly';
  signaturesRequired: number;
  raisedByUserId: string | null;
  raisedByPhone: string | null;
  raisedByUnitId: string | null;
}

// ——— relations ———

/** District and street admins over the community, and its community staff: they see all its matters. */
export const overseesCommunity = (actor: Actor, communityId: string) =>
  hasCommunityRole(actor, communityId, 'district_admin', 'street_admin', 'community_staff');

/** Community staff run the procedure for the Party organisation and the residents' committee. */
export const runsProcedure = (actor: Actor, communityId: string) => hasCommunityRole(actor, communityId, 'community_staff');

const streetOffice = (actor: Actor, communityId: string) => hasCommunityRole(actor, communityId, 'street_admin', 'district_admin');

const compoundRole = (actor: Actor, compoundId: string | null, ...roles: ('owners_committee' | 'property_staff' | 'grid_worker')[]) =>
  compoundId !== null && hasCompoundRole(actor, compoundId, ...roles);

/** Holds a compound-level role (committee, property staff, grid worker) somewhere in the community. */
function worksInCommunity(actor: Actor, communityId: string): boolean {
  for (const c of actor.scope.compounds.values()) if (c.communityId === communityId) return true;
  for (const g of actor.scope.grids.values()) if (g === communityId) return true;
  return false;
}

/** The viewer's households that count for the matter: in its compound, or anywhere in its community for a community-wide matter. */
export function householdsFor(viewer: Viewer, m: { communityId: string; compoundId: string | null }): Household[] {
  if (viewer.actor.kind !== 'owner') return [];
  return viewer.households.filter((h) => (m.compoundId ? h.compoundId === m.compoundId : h.communityId === m.communityId));
}

const isProposer = (actor: Actor, m: MatterRef) =>
  (actor.kind === 'staff' && m.raisedByUserId === actor.userId) || (actor.kind === 'owner' && m.raisedByPhone === actor.phone);

// ——— reading ———

/** Overseers of the community; compound-level roles for their compounds and the community-wide matters; owners and residents for their households. */
export function canReadMatter(viewer: Viewer, m: MatterRef): boolean {
  const { actor } = viewer;
  if (overseesCommunity(actor, m.communityId)) return true;
  if (m.compoundId ? compoundRole(actor, m.compoundId, 'owners_committee', 'property_staff', 'grid_worker') : worksInCommunity(actor, m.communityId)) return true;
  return householdsFor(viewer, m).length > 0;
}

/** The community board, overdue list and settings page: the community's overseers. */
export const canSeeCommunityViews = (actor: Actor, communityId: string) => overseesCommunity(actor, communityId);

/** Settings (categories, co-signatures needed) are read by everyone who may raise a matter there. */
export const canReadSettings = (viewer: Viewer, communityId: string) =>
  overseesCommunity(viewer.actor, communityId) || worksInCommunity(viewer.actor, communityId) || viewer.households.some((h) => h.communityId === communityId);

export const canEditSettings = (actor: Actor, communityId: string) => runsProcedure(actor, communityId);

/** Communities the actor oversees (street view and summary); null = every community. */
export function overseenCommunityIds(actor: Actor): string[] | null {
  if (actor.scope.all) return null;
  return [...actor.scope.communities.keys()].filter((id) => overseesCommunity(actor, id));
}

/**
 * `column = any($1::uuid[])`: one parameter however many ids an overseer holds, so a district's
 * list builds and sends the same small statement as a community's.
 */
const anyOf = (column: typeof matters.communityId | typeof matters.compoundId, ids: string[]): SQL => sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;

/** A condition on `matters` keeping the rows canReadMatter allows; undefined = no restriction. */
export function visibleMattersSql(viewer: Viewer): SQL | undefined {
  const { actor } = viewer;
  if (actor.scope.all) return undefined;
  const conds: (SQL | undefined)[] = [];
  const overseen = overseenCommunityIds(actor) ?? [];
  if (overseen.length) conds.push(anyOf(matters.communityId, overseen));
  const compoundIds = [...actor.scope.compounds.keys()];
  if (compoundIds.length) conds.push(anyOf(matters.compoundId, compoundIds));
  const workCommunities = [...new Set([...[...actor.scope.compounds.values()].map((c) => c.communityId), ...actor.scope.grids.values()])];
  if (workCommunities.length) conds.push(and(isNull(matters.compoundId), anyOf(matters.communityId, workCommunities)));
  if (actor.kind === 'owner' && viewer.households.length) {
    conds.push(anyOf(matters.compoundId, [...new Set(viewer.households.map((h) => h.compoundId))]));
    conds.push(and(isNull(matters.compoundId), anyOf(matters.communityId, [...new Set(viewer.households.map((h) => h.communityId))])));
  }
  const present = conds.filter((c): c is SQL => c !== undefined);
  return present.length ? or(...present) : sql`false`;
}

/** Only the owner's households' matters: the resident view "matters of my compound". */
export function ownHouseholdMattersSql(viewer: Viewer): SQL {
  if (!viewer.households.length) return sql`false`;
  return or(
    anyOf(matters.compoundId, [...new Set(viewer.households.map((h) => h.compoundId))]),
    and(isNull(matters.compoundId), anyOf(matters.communityId, [...new Set(viewer.households.map((h) => h.communityId))])),
  )!;
}

// ——— raising and moving ———

/** Who may raise a matter from which source (the command checks an owner's household). */
export function canRaise(viewer: Viewer, input: { communityId: string; compoundId: string | null; source: string }): boolean {
  const { actor } = viewer;
  if (actor.scope.all) return input.source !== 'residents';
  switch (input.source) {
    case 'residents': return actor.kind === 'owner';
    case 'owners_committee': return compoundRole(actor, input.compoundId, 'owners_committee');
    case 'property_company': return compoundRole(actor, input.compoundId, 'property_staff');
    case 'grid_worker': return input.compoundId ? compoundRole(actor, input.compoundId, 'grid_worker') : [...actor.scope.grids.values()].includes(input.communityId);
    case 'community': return runsProcedure(actor, input.communityId);
    case 'complaint': return runsProcedure(actor, input.communityId) || [...actor.scope.grids.values()].includes(input.communityId);
    default: return false;
  }
}

/** The movers of the step table the actor is for this matter. The CLI is all of them. */
export function moversOf(viewer: Viewer, m: MatterRef): Set<Mover> {
  const { actor } = viewer;
  if (actor.scope.all) return new Set<Mover>(['community_staff', 'owners_committee', 'street_office', 'proposer']);
  const movers = new Set<Mover>();
  if (runsProcedure(actor, m.communityId)) movers.add('community_staff');
  if (compoundRole(actor, m.compoundId, 'owners_committee')) movers.add('owners_committee');
  if (streetOffice(actor, m.communityId)) movers.add('street_office');
  if (isProposer(actor, m)) movers.add('proposer');
  return movers;
}

/** The steps the actor may move the matter to now, by role; the move itself checks the requirements. */
export function movesFor(viewer: Viewer, m: MatterRef): MatterStep[] {
  const movers = moversOf(viewer, m);
  return movesFrom(m.step).filter((move) => move.movers.some((x) => movers.has(x))).map((move) => move.to);
}

// ——— consultation ———

/** Another household of the compound than the raiser's, while signatures are collected. */
export function cosigningHouseholds(viewer: Viewer, m: MatterRef): Household[] {
  if (!stepAllows(m.step, 'cosign') || m.signaturesRequired === 0) return [];
  return householdsFor(viewer, m).filter((h) => h.unitId !== m.raisedByUnitId);
}

export const canSupport = (viewer: Viewer, m: MatterRef) => stepAllows(m.step, 'support') && householdsFor(viewer, m).length > 0;

/** Residents of the matter's households, and staff who read it, while the step allows comments. */
export const canComment = (viewer: Viewer, m: MatterRef) =>
  stepAllows(m.step, 'comment') && (householdsFor(viewer, m).length > 0 || (viewer.actor.kind !== 'owner' && canReadMatter(viewer, m)));

/** Moderators are the community's staff; a hidden comment stays in the audit trail. */
export const canModerate = (actor: Actor, m: { communityId: string }) => runsProcedure(actor, m.communityId);

export const canAttachSurvey = (viewer: Viewer, m: MatterRef) => stepAllows(m.step, 'survey_setup') && runsProcedure(viewer.actor, m.communityId);
export const canAnswerSurvey = (viewer: Viewer, m: MatterRef) => stepAllows(m.step, 'survey') && householdsFor(viewer, m).length > 0;

// ——— resolution and implementation ———

/**
 * The body the matter's type names enters its resolution: for an owners' vote (Art. 278), the
 * convener (the compound's owners' committee, or community staff) takes over the published result;
 * an owners' committee matter by that committee; two committees and residents' assembly by community staff.
 */
export function canRecordResolution(viewer: Viewer, m: MatterRef): boolean {
  if (!stepAllows(m.step, 'resolution')) return false;
  const { actor } = viewer;
  if (actor.scope.all) return true;
  switch (m.decidingBody) {
    case 'owners_vote': return compoundRole(actor, m.compoundId, 'owners_committee') || runsProcedure(actor, m.communityId);
    case 'owners_committee': return compoundRole(actor, m.compoundId, 'owners_committee');
    case 'two_committees':
    case 'residents_assembly': return runsProcedure(actor, m.communityId);
  }
}

export const canManageTasks = (viewer: Viewer, m: MatterRef) =>
  stepAllows(m.step, 'tasks') && (runsProcedure(viewer.actor, m.communityId) || compoundRole(viewer.actor, m.compoundId, 'owners_committee'));

/** Community staff for any task; the property company and the owners' committee for their own tasks. */
export function canReportProgress(viewer: Viewer, m: MatterRef, task: { responsibleParty: ResponsibleParty }): boolean {
  if (!stepAllows(m.step, 'tasks')) return false;
  const { actor } = viewer;
  if (runsProcedure(actor, m.communityId)) return true;
  if (task.responsibleParty === 'property_company') return compoundRole(actor, m.compoundId, 'property_staff');
  if (task.responsibleParty === 'owners_committee') return compoundRole(actor, m.compoundId, 'owners_committee');
  return false;
}

/** Acceptance by the owners' committee (of the compound) or the residents' committee (community staff). */
export function canAcceptImplementation(viewer: Viewer, m: MatterRef, party?: 'owners_committee' | 'residents_committee'): boolean {
  if (!stepAllows(m.step, 'acceptance')) return false;
  const asCommittee = compoundRole(viewer.actor, m.compoundId, 'owners_committee') || (viewer.actor.scope.all && m.compoundId !== null);
  const asResidents = runsProcedure(viewer.actor, m.communityId);
  if (party === 'owners_committee') return asCommittee;
  if (party === 'residents_committee') return asResidents;
  return asCommittee || asResidents;
}

export const canRate = (viewer: Viewer, m: MatterRef) => stepAllows(m.step, 'rating') && householdsFor(viewer, m).length > 0;

export function matterAbilities(viewer: Viewer, m: MatterRef) {
  return {
    moves: movesFor(viewer, m),
    cosign: cosigningHouseholds(viewer, m).length > 0,
    support: canSupport(viewer, m),
    comment: canComment(viewer, m),
    moderate: canModerate(viewer.actor, m),
    attachSurvey: canAttachSurvey(viewer, m),
    answerSurvey: canAnswerSurvey(viewer, m),
    recordResolution: canRecordResolution(viewer, m),
    manageTasks: canManageTasks(viewer, m),
    reportProgress: (['property_company', 'owners_committee', 'other'] as const).some((party) => canReportProgress(viewer, m, { responsibleParty: party })),
    acceptImplementation: canAcceptImplementation(viewer, m),
    rate: canRate(viewer, m),
  };
}
