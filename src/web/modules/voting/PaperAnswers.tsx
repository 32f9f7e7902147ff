import { useMemo } from 'react';
import { Checkbox, Flex, Form, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitLabel } from './RollTable.tsx';
import { useFullRoll } from './voting.api.ts';
import type { Choice, PaperAnswer, QuestionView } from './voting.types.ts';

// What a paper sheet says, question by question, as staff type it; and a unit picker over the roll.

export type SheetAnswers = Record<string, { choice?: Choice; marks?: string[] }>;

/** Form values → the API's answers: a question left empty on the sheet is not sent. */
export function toAnswers(questions: QuestionView[], answers: SheetAnswers | undefined): PaperAnswer[] {
  return questions.flatMap((q): PaperAnswer[] => {
    const a = answers?.[q.id];
    if (q.kind === 'election') return a?.marks ? [{ questionId: q.id, marks: a.marks }] : [];
    return a?.choice ? [{ questionId: q.id, choice: a.choice }] : [];
  });
}

export function AnswerFields({ questions }: { questions: QuestionView[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      {questions.map((q) => (
        <div key={q.id} data-testid="paper-question">
          <Typography.Text>{q.position}. {q.title}</Typography.Text>
          {q.kind === 'decision' ? (
            <Form.Item name={['answers', q.id, 'choice']} style={{ marginBottom: 8 }}>
              <Radio.Group options={(['for', 'against', 'abstain'] as const).map((c) => ({ value: c, label: t(`voting.choice.${c}`) }))} />
            </Form.Item>
          ) : (
            <Form.Item name={['answers', q.id, 'marks']} style={{ marginBottom: 8 }} extra={t('voting.ballot.chooseMarks', { seats: q.seats })}>
              <Checkbox.Group options={q.candidates.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
        </div>
      ))}
    </Flex>
  );
}

/** A counted unit of the roll, searched by building and number. */
export function UnitSelect({ voteId, value, onChange, countedOnly = true }: { voteId: string; value?: string; onChange?: (unitId: string) => void; countedOnly?: boolean }) {
  const { t } = useTranslation();
  const roll = useFullRoll(voteId);
  const options = useMemo(
    () => (roll.data?.items ?? []).filter((u) => !countedOnly || u.counted).map((u) => ({ value: u.unitId, label: unitLabel(u) })),
    [roll.data, countedOnly],
  );
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={roll.isPending}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('voting.paper.unit')}
      style={{ minWidth: 200 }}
      data-testid="unit-select"
    />
  );
}
