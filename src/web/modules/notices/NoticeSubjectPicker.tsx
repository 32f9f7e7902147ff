import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../http/client.ts';
import { useMatters } from '../consultation/consultation.api.ts';
import type { VoteList } from '../voting/voting.types.ts';
import type { NoticeSubjectType } from './notices.types.ts';

// What a hand-drafted notice discloses: a matter of the community (its resolution or the results
// of its implementation) or an owners' vote (its result). The notice names the subject by id and
// keeps it; a correction keeps its original's subject.

export interface Subject {
  id: string;
  title: string;
  compound: { id: string; name: string } | null;
}

const PAGE = { pageSize: 200 } as const;

function useSubjects(communityId: string, subjectType: NoticeSubjectType | undefined) {
  const isVote = subjectType === 'vote_result';
  const matters = useMatters({ communityId, ...PAGE }, !!subjectType && !isVote);
  // the votes list has no community filter: the user's votes, kept to this community below
  const votes = useQuery({ queryKey: ['votes', PAGE], queryFn: () => api<VoteList>('/api/votes', { query: PAGE }), enabled: isVote });
  if (isVote) {
    const items: Subject[] = (votes.data?.items ?? []).filter((v) => v.communityId === communityId).map((v) => ({ id: v.id, title: v.title, compound: v.compound }));
    return { items, loading: votes.isPending, error: votes.isError ? votes.error : null };
  }
  const items: Subject[] = (matters.data?.items ?? []).map((m) => ({ id: m.id, title: m.title, compound: m.compound }));
  return { items, loading: !!subjectType && matters.isPending, error: matters.isError ? matters.error : null };
}

export function NoticeSubjectPicker({ communityId, subjectType, value, onChange }: {
  communityId: string;
  subjectType: NoticeSubjectType | undefined;
  value?: string;
  onChange?: (id: string | undefined, subject?: Subject) => void;
}) {
  const { t } = useTranslation();
  const subjects = useSubjects(communityId, subjectType);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      value={value}
      disabled={!subjectType}
      loading={subjects.loading}
      placeholder={subjectType === 'vote_result' ? t('notices.form.pickVote') : t('notices.form.pickMatter')}
      notFoundContent={subjects.error ? <Typography.Text type="danger">{t('errors.loadFailed')}</Typography.Text> : t('notices.form.noSubject')}
      onChange={(id?: string) => onChange?.(id, subjects.items.find((s) => s.id === id))}
      options={subjects.items.map((s) => ({ value: s.id, label: s.compound ? `${s.title}（${s.compound.name}）` : s.title }))}
      data-testid="notice-form-subject"
    />
  );
}
