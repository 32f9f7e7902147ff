import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Select, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/format.ts';
import { errorMessage } from '../../shell/states.tsx';
import { DocumentsList, QuestionsList, VoteTimes } from './VoteBits.tsx';
import { uploadDocument, useInvalidateVote } from './voting.api.ts';
import type { DocumentView, VoteView } from './voting.types.ts';

function DocumentUpload({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateVote(vote.id);
  const [kind, setKind] = useState<DocumentView['kind']>('notice');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Flex vertical gap={6} data-testid="document-upload">
      <Flex gap={8} wrap align="center">
        <Select value={kind} onChange={setKind} style={{ width: 120 }} aria-label={t('voting.detail.uploadKind')}
          options={(['notice', 'attachment'] as const).map((k) => ({ value: k, label: t(`voting.docKind.${k}`) }))} />
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            setBusy(true);
            setError(null);
            uploadDocument(vote.id, kind, file)
              .then(async (doc) => { message.success(t('voting.detail.uploaded', { name: doc.name })); await invalidate(); })
              .catch(setError)
              .finally(() => setBusy(false));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>{t('voting.detail.upload')}</Button>
        </Upload>
      </Flex>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
    </Flex>
  );
}

/** The vote as convened: times, rule, questions, the notice text and documents, notifications. */
export function OverviewTab({ vote }: { vote: VoteView }) {
  const { t, i18n } = useTranslation();
  const o = vote.options;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <VoteTimes vote={vote} column={3} />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'convener', label: t('voting.detail.convener'), children: t(`voting.detail.convenerKind.${vote.convenerKind}`) },
          { key: 'rule', label: t('voting.detail.rule'), children: t(`voting.preset.${vote.preset}`) },
          {
            key: 'options', label: t('voting.detail.options'),
            children: [
              t(`voting.form.conflict.${o.coOwnerConflict ?? 'abstain'}`),
              t(`voting.form.silent.${o.silentVotes ?? 'off'}`),
              vote.allowBallotChange ? t('voting.detail.ballotChange') : t('voting.detail.noBallotChange'),
            ].join('；'),
          },
          ...(o.silentVotesClause ? [{ key: 'clause', label: t('voting.form.silentVotes'), children: t('voting.detail.silentClause', { clause: o.silentVotesClause }) }] : []),
          ...(vote.merkleRoot ? [{ key: 'root', label: t('voting.detail.merkleRoot'), children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{vote.merkleRoot}</Typography.Text> }] : []),
          ...(vote.countedAt ? [{ key: 'counted', label: t('voting.times.countedAt'), children: formatDateTime(vote.countedAt) }] : []),
        ]} />
      </Card>
      {vote.notifications.map((n) => <Alert key={n.id} type="info" showIcon title={i18n.language === 'en' ? n.messageEn : n.messageZh} />)}
      <Card size="small" title={t('voting.detail.questions')}><QuestionsList questions={vote.questions} /></Card>
      <Card size="small" title={t('voting.detail.notice')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{vote.noticeText}</Typography.Paragraph>
      </Card>
      <Card size="small" title={t('voting.detail.documents')} extra={vote.abilities.edit && vote.abilities.uploadDocument && <DocumentUpload vote={vote} />}>
        <DocumentsList documents={vote.documents} />
      </Card>
    </Flex>
  );
}
