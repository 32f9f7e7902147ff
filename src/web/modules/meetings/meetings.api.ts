import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../http/client.ts';
import type {
  AgendaBody, AttendanceBody, CalendarView, CreateMeetingBody, CreateSeriesBody, InviteBody, MeetingSettingsBody, MeetingSettingsView, MeetingView, MinutesBody,
  MinutesPrintView,
  Position, RepresentativeAccountList, SeriesList, SeriesView,
} from './meetings.types.ts';

// One hook or call per meetings endpoint (docs/rules/meetings.md). Commands on a meeting answer
// the meeting view, which replaces the cached one: abilities, quorum and warnings are the server's.

const meeting = (id: string) => `/api/meetings/${id}`;

export const useCalendar = (communityId: string, query: Query) =>
  useQuery({ queryKey: ['meeting-calendar', communityId, query], queryFn: () => api<CalendarView>(`/api/communities/${communityId}/meetings`, { query }) });

export const useSeries = (communityId: string) =>
  useQuery({ queryKey: ['meeting-series', communityId], queryFn: () => api<SeriesList>(`/api/communities/${communityId}/meeting-series`, { query: { pageSize: 200 } }) });

export const meetingSettingsKey = (communityId: string) => ['meeting-settings', communityId] as const;

export const useMeetingSettings = (communityId: string) =>
  useQuery({ queryKey: meetingSettingsKey(communityId), queryFn: () => api<MeetingSettingsView>(`/api/communities/${communityId}/meeting-settings`) });

export const useMeeting = (id: string) => useQuery({ queryKey: ['meeting', id], queryFn: () => api<MeetingView>(meeting(id)) });

export const useMinutesPrint = (id: string) =>
  useQuery({ queryKey: ['meeting', id, 'minutes-print'], queryFn: () => api<MinutesPrintView>(`${meeting(id)}/minutes`) });

/** The staff accounts of the meeting's community that may be linked to a representative, matching q. */
export const useRepresentativeAccounts = (id: string, q: string) =>
  useQuery({
    queryKey: ['meeting', id, 'representative-accounts', q],
    queryFn: () => api<RepresentativeAccountList>(`${meeting(id)}/representative-accounts`, { query: { q, limit: 20 } }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** After a write to a meeting: store the answer and refresh the calendar around it. */
export function useMeetingUpdated() {
  const client = useQueryClient();
  return async (view: MeetingView) => {
    client.setQueryData(['meeting', view.id], view);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['meeting', view.id, 'minutes-print'] }),
      client.invalidateQueries({ queryKey: ['meeting', view.id, 'representative-accounts'] }),
      client.invalidateQueries({ queryKey: ['meeting-calendar'] }),
    ]);
  };
}

export function useCalendarChanged() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['meeting-calendar'] }),
    client.invalidateQueries({ queryKey: ['meeting-series'] }),
  ]);
}

// ——— writes ———

type Method = 'POST' | 'PUT' | 'DELETE';
const send = <T = MeetingView>(method: Method, path: string, body?: unknown) => api<T>(path, { method, body });

export const createSeries = (communityId: string, body: CreateSeriesBody) => send<SeriesView>('POST', `/api/communities/${communityId}/meeting-series`, body);
export const scheduleOccurrence = (seriesId: string, scheduledAt: string) => send('POST', `/api/meeting-series/${seriesId}/occurrences`, { scheduledAt });
export const createMeeting = (communityId: string, body: CreateMeetingBody) => send('POST', `/api/communities/${communityId}/meetings`, body);
export const setAgenda = (id: string, body: AgendaBody) => send('PUT', `${meeting(id)}/agenda`, body);
export const inviteRepresentative = (id: string, body: InviteBody) => send('POST', `${meeting(id)}/representatives`, body);
export const removeRepresentative = (id: string, representativeId: string) => send('DELETE', `${meeting(id)}/representatives/${representativeId}`);
export const recordAttendance = (id: string, body: AttendanceBody) => send('PUT', `${meeting(id)}/attendance`, body);
export const recordPosition = (id: string, itemId: string, body: { position: Position; reason: string }) => send('PUT', `${meeting(id)}/items/${itemId}/position`, body);
export const concludeItem = (id: string, itemId: string, note?: string) => send('POST', `${meeting(id)}/items/${itemId}/conclusion`, note ? { note } : {});
export const editMinutes = (id: string, body: MinutesBody) => send('PUT', `${meeting(id)}/minutes`, body);
export const signMinutes = (id: string) => send('POST', `${meeting(id)}/sign-off`);
export const saveMeetingSettings = (communityId: string, body: MeetingSettingsBody) =>
  send<MeetingSettingsView>('PUT', `/api/communities/${communityId}/meeting-settings`, body);
export const addAddendum = (id: string, text: string) => send('POST', `${meeting(id)}/addenda`, { text });
