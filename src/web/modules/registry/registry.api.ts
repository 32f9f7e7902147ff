import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../http/client.ts';
import type {
  BuildingList, CommunityList, CommunityView, CompoundDetail, CompoundList, GridList, MyUnitsView,
  OrganisationsView, OwnerList, ResidentList, UnitDetail, UnitList,
} from './registry.types.ts';

// One hook per registry endpoint (preamble: registry paths). Paged lists keep the previous page
// on screen while the next loads, so tables do not flash empty.

const paged = { placeholderData: keepPreviousData } as const;

export const useCommunities = (query: Query) =>
  useQuery({ queryKey: ['communities', query], queryFn: () => api<CommunityList>('/api/communities', { query }), ...paged });

export const useCommunity = (id: string) =>
  useQuery({ queryKey: ['community', id], queryFn: () => api<CommunityView>(`/api/communities/${id}`) });

export const useCommunityCompounds = (id: string, query: Query, enabled = true) =>
  useQuery({ queryKey: ['community', id, 'compounds', query], queryFn: () => api<CompoundList>(`/api/communities/${id}/compounds`, { query }), enabled, ...paged });

export const useGrids = (id: string, enabled = true) =>
  useQuery({ queryKey: ['community', id, 'grids'], queryFn: () => api<GridList>(`/api/communities/${id}/grids`), enabled });

export const useOrganisations = (id: string, enabled = true) =>
  useQuery({ queryKey: ['community', id, 'organisations'], queryFn: () => api<OrganisationsView>(`/api/communities/${id}/organisations`), enabled });

export const recordFigures = (id: string, body: Record<string, number | null>) =>
  api<CommunityView>(`/api/communities/${id}/figures`, { method: 'PUT', body });

export const useCompound = (id: string) =>
  useQuery({ queryKey: ['compound', id], queryFn: () => api<CompoundDetail>(`/api/compounds/${id}`) });

export const useBuildings = (id: string, enabled = true) =>
  useQuery({ queryKey: ['compound', id, 'buildings'], queryFn: () => api<BuildingList>(`/api/compounds/${id}/buildings`), enabled });

export const useUnits = (id: string, query: Query, enabled = true) =>
  useQuery({ queryKey: ['compound', id, 'units', query], queryFn: () => api<UnitList>(`/api/compounds/${id}/units`, { query }), enabled, ...paged });

export const useOwners = (id: string, query: Query, enabled = true) =>
  useQuery({ queryKey: ['compound', id, 'owners', query], queryFn: () => api<OwnerList>(`/api/compounds/${id}/owners`, { query }), enabled, ...paged });

export const useResidents = (id: string, query: Query, enabled = true) =>
  useQuery({ queryKey: ['compound', id, 'residents', query], queryFn: () => api<ResidentList>(`/api/compounds/${id}/residents`, { query }), enabled, ...paged });

export const useUnit = (id: string) =>
  useQuery({ queryKey: ['unit', id], queryFn: () => api<UnitDetail>(`/api/units/${id}`) });

export const useMyUnits = () => useQuery({ queryKey: ['my-units'], queryFn: () => api<MyUnitsView>('/api/my/units') });
