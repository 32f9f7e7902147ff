import { ApiError } from '../../http/client.ts';
import { useMeetingSettings } from '../meetings/meetings.api.ts';
import { useNoticeSettings } from '../notices/notices.api.ts';
import { useConsultationSettings } from './consultation.api.ts';

// The community's three settings (consultation, notices, meetings) and whether the person may
// change any of them. Each module's policy decides its own: community staff change all three;
// street and district admins only the notice and meeting rules; compound roles none. The page
// and its place in CommunityNav are offered only when a server's `abilities.edit` says so.

const refusedOrHidden = (e: unknown) => e instanceof ApiError && (e.status === 403 || e.status === 404);

export function useCommunitySettings(communityId: string) {
  const consultation = useConsultationSettings(communityId);
  const notices = useNoticeSettings(communityId);
  const meetings = useMeetingSettings(communityId);
  const all = [consultation, notices, meetings];
  const editAny = all.some((q) => q.data?.abilities.edit === true);
  return {
    consultation,
    notices,
    meetings,
    editAny,
    /** still unknown whether the page is for this person */
    deciding: !editAny && all.some((q) => q.isPending),
    /** a failure that is not "not yours" (network, server): worth a retry rather than "not found" */
    failure: all.map((q) => q.error).find((e) => e !== null && !refusedOrHidden(e)) ?? null,
    retry: () => all.forEach((q) => void q.refetch()),
  };
}
