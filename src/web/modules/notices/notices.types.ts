// The notices shapes the pages read, inferred from the shared contracts (src/contracts/notices.ts).
// Type-only imports: the schemas stay out of the browser bundle.
import type { z } from 'zod';
import type * as n from '../../../contracts/notices.ts';

export type NoticeState = n.NoticeState;
export type NoticeView = n.NoticeView;
export type PublicNoticeView = n.PublicNoticeView;
export type NoticeFileView = n.NoticeFileView;
export type NoticeListItem = z.infer<typeof n.noticeListItem>;
export type NoticeList = z.infer<typeof n.noticeList>;
export type NoticePrintView = z.infer<typeof n.noticePrintView>;
export type ObjectionView = n.ObjectionView;
export type ObjectionList = z.infer<typeof n.objectionList>;
export type ObjectionStatus = (typeof n.objectionStatuses)[number];
export type NoticeSubjectType = n.NoticeSubjectType;
export type NoticeDraftInput = z.input<typeof n.noticeDraftInput>;
export type NoticeDraftPatch = z.input<typeof n.noticeDraftPatch>;
export type NoticeSettingsView = z.infer<typeof n.noticeSettingsView>;
export type NoticeSettingsInput = z.input<typeof n.noticeSettingsInput>;

export const noticeStates: readonly NoticeState[] = ['draft', 'published', 'posting_ended'];
export const subjectTypes: readonly NoticeSubjectType[] = ['matter_resolution', 'matter_results', 'vote_result'];
