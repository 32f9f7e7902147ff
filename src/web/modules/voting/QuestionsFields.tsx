import { Button, Card, Flex, Form, Input, InputNumber, Select, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

// The questions of a draft: each with its Civil Code Art. 278 item (which decides the class and
// so the threshold), decision or election, and for an election the seats and candidates.

/** Items 6–8 need 3/4 under the Civil Code; the server's questionView.class says so once saved. */
export const SPECIAL_ITEMS = new Set([6, 7, 8]);

export interface QuestionFormValue {
  title: string;
  item: number;
  kind: 'decision' | 'election';
  seats?: number;
  /** one candidate per line */
  candidatesText?: string;
}

export function QuestionsFields() {
  const { t } = useTranslation();
  const items = Array.from({ length: 9 }, (_, i) => i + 1);
  return (
    <Form.List name="questions">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              data-testid="question-fields"
              title={`${index + 1}.`}
              extra={fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>{t('voting.form.removeQuestion')}</Button>}
            >
              <Form.Item name={[field.name, 'title']} label={t('voting.form.questionTitle')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input maxLength={300} data-testid="question-title" />
              </Form.Item>
              <Flex gap={12} wrap>
                <Form.Item name={[field.name, 'kind']} label={t('voting.form.kind')} style={{ minWidth: 140 }}>
                  <Select options={(['decision', 'election'] as const).map((k) => ({ value: k, label: t(`voting.kind.${k}`) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.questions?.[index]?.kind !== b.questions?.[index]?.kind}>
                  {({ getFieldValue }) => (
                    <Form.Item
                      name={[field.name, 'item']}
                      label={t('voting.form.item')}
                      style={{ flex: 1, minWidth: 260 }}
                      rules={[{ required: true, message: t('validation.required') }, {
                        validator: (_, item) => (getFieldValue(['questions', index, 'kind']) === 'election' && item !== 3 ? Promise.reject(new Error(t('voting.form.electionItem'))) : Promise.resolve()),
                      }]}
                    >
                      <Select
                        data-testid="question-item"
                        options={items.map((i) => ({
                          value: i,
                          label: <span>{i}. {t(`voting.item.${i}`)} {SPECIAL_ITEMS.has(i) && <Tag color="red">{t('voting.class.special')}</Tag>}</span>,
                        }))}
                      />
                    </Form.Item>
                  )}
                </Form.Item>
              </Flex>
              <Form.Item noStyle shouldUpdate={(a, b) => a.questions?.[index]?.kind !== b.questions?.[index]?.kind}>
                {({ getFieldValue }) => getFieldValue(['questions', index, 'kind']) === 'election' && (
                  <Flex gap={12} wrap>
                    <Form.Item name={[field.name, 'seats']} label={t('voting.form.seats')} rules={[{ required: true, message: t('validation.required') }]}>
                      <InputNumber min={1} max={50} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'candidatesText']} label={t('voting.form.candidates')} extra={t('voting.form.candidatesHint')} style={{ flex: 1, minWidth: 220 }}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                      <Input.TextArea rows={4} />
                    </Form.Item>
                  </Flex>
                )}
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ title: '', item: 9, kind: 'decision' })} data-testid="add-question">{t('voting.form.addQuestion')}</Button>
        </Flex>
      )}
    </Form.List>
  );
}
