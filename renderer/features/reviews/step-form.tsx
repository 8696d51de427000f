// 记录审核: one step as it came back on the signed paper form — level, reviewer(s), opinion,
// decision, date. The chain rules are asked first, so a refusal shows at the field it concerns
// and nothing is saved.
import { Button, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { Person } from '@shared/domain/person';
import { REVIEW_DECISIONS, type Review, type ReviewDecision } from '@shared/domain/records';
import type { RuleProfile } from '@shared/profiles/types';
import { canRecordStep, chainFor, nextStepIndex, stepName, stepRequirements, type ReviewField } from '@shared/rules/review-chain';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { lookupsHold, usePageLookups } from '../../db/queries';
import { recordReviewStep } from '../../db/reviews';
import { PersonPicker } from '../../components/record-select';
import { useSubmit } from '../../components/use-submit';
import { localToday } from '@shared/domain/today';

interface Values {
  stepIndex?: number;
  reviewerIds?: string[];
  opinion?: string;
  decision?: ReviewDecision;
  date?: Dayjs;
}

const FIELD_NAMES: Partial<Record<ReviewField, keyof Values>> = {
  step: 'stepIndex',
  reviewerIds: 'reviewerIds',
  opinion: 'opinion',
  decision: 'decision',
  date: 'date',
};

export function StepForm({ review, profile }: { review: Review; profile: RuleProfile }) {
  const [form] = Form.useForm<Values>();
  // The chosen reviewers, read by id for the rule check (the transaction checks again).
  const chosen = Form.useWatch('reviewerIds', form);
  const lookups = usePageLookups(chosen ?? []);
  const chain = chainFor(profile, review.major);
  const next = nextStepIndex(review, profile) ?? 0;
  // The form store outlives a recorded step: offer the level now due, not the one just recorded.
  useEffect(() => {
    form.setFieldsValue({ stepIndex: next });
  }, [form, next]);

  const toEntry = (v: Values) => ({ reviewerIds: v.reviewerIds ?? [], opinion: v.opinion, decision: v.decision, date: v.date?.format('YYYY-MM-DD') });
  const { formProps, submit, saving } = useSubmit(
    form,
    async (v) => {
      const stepIndex = v.stepIndex ?? next;
      await recordReviewStep(db, review.id, stepIndex, toEntry(v), localToday());
      form.resetFields();
      return `已记录${stepName(stepIndex, chain[stepIndex]!.roleLabel)}的审核`;
    },
    {
      check: (v) => {
        const ids = v.reviewerIds ?? [];
        if (!lookupsHold(lookups, ids)) return undefined;
        const people = ids.map((id) => lookups.people.get(id) ?? lookups.deletedPeople.get(id)).filter((p): p is Person => p !== undefined);
        const allowed = canRecordStep(review, v.stepIndex ?? next, toEntry(v), people, profile, localToday());
        return allowed.ok ? undefined : { [FIELD_NAMES[allowed.field ?? 'step'] ?? 'stepIndex']: allowed.reason };
      },
    },
  );


  const clear = (name: keyof Values) => () => form.setFields([{ name, errors: [] }]);

  return (
    <Form<Values>
      {...formProps}
      form={form}
      layout="vertical"
      aria-label="记录审核"
      key={`${review.id}-${next}-${review.returnedRounds?.length ?? 0}`}
      initialValues={{ stepIndex: next, date: todayField(), decision: '通过' }}
      onValuesChange={(changed: Values) => {
        for (const k of Object.keys(changed) as (keyof Values)[]) clear(k)();
        // The level governs every other check: re-validate them once it changes.
        if ('stepIndex' in changed) form.setFields((['reviewerIds', 'opinion', 'decision', 'date'] as const).map((name) => ({ name, errors: [] })));
      }}
    >
      <Form.Item name="stepIndex" label="审核级别">
        <Select options={chain.map((rule, i) => ({ value: i, label: `${stepName(i, rule.roleLabel)}${stepRequirements(rule)}` }))} />
      </Form.Item>
      <Form.Item name="reviewerIds" label="审核人" extra="在纸质审核表上签名的人，可选多人。">
        <PersonPicker multiple />
      </Form.Item>
      <Form.Item name="opinion" label="审核意见">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="decision" label="审核结论">
        <Radio.Group options={REVIEW_DECISIONS.map((d) => ({ value: d, label: d }))} />
      </Form.Item>
      <Form.Item name="date" label="审核日期">
        <DateField />
      </Form.Item>
      <Button type="primary" onClick={() => void submit()} loading={saving}>
        记录审核
      </Button>
    </Form>
  );
}
