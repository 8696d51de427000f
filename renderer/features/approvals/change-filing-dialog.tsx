// 记录变更: a change of an account's name, administrator, leader or maintenance (001 第五条, 004
// 第六条), or its closure (注销). The filing's due date appears as soon as the change date is
// chosen, in working days on the State Council schedule; when that year's schedule is missing the
// dialog says which year to enter instead of guessing.
import { Alert, App as AntApp, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import type { Platform } from '@shared/domain/platform';
import { CHANGE_ITEMS, buildChanges, checkChangeDate, type ChangeInput, type ChangeItemKey } from '@shared/rules/change-filing';
import { changeFilingDeadline } from '@shared/rules/deadlines';
import { db } from '../../db/database';
import { DateField, refuseDate, todayField } from '../../components/date-field';
import { recordChangeFiling, recordClosureFiling } from '../../db/approvals';
import { readPageLookups } from '../../db/queries';
import { PersonPicker } from '../../components/record-select';
import { PlatformPicker } from '../../components/platform-picker';
import { useSubmit } from '../../components/use-submit';
import { RuleError } from '../../db/repository';
import { formatCnDay, type DeadlineRules } from './filing-due';
import { localToday } from '@shared/domain/today';
import { SaveDialog } from '../../components/save-dialog';

type Kind = '变更备案' | '注销备案';

const CLOSED = '该账号已注销，不能再登记变更或注销，请选择其他平台';

interface Values {
  platformId?: string;
  kind: Kind;
  items: ChangeItemKey[];
  before: Partial<Record<ChangeItemKey, string>>;
  after: Partial<Record<ChangeItemKey, string>>;
  changeDate?: Dayjs;
  note?: string;
}

/** The items chosen, with what was entered before and after the change. */
function toInputs(v: Values): ChangeInput[] {
  return (v.items ?? []).map((key) => ({ key, before: v.before?.[key], after: v.after?.[key] }));
}

/** The people the person items name before and after, whose names the filing records. */
function personIdsOf(inputs: readonly ChangeInput[]): (string | undefined)[] {
  return inputs.filter((i) => CHANGE_ITEMS.find((c) => c.key === i.key)?.type === 'person').flatMap((i) => [i.before, i.after]);
}

/** The rule's errors are keyed 'changes' (the item list, here the field 'items') or 'after.<item>'. */
function itemErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, msg]) => [path === 'changes' ? 'items' : path, msg]));
}

function currentValue(p: Platform | undefined, key: ChangeItemKey): string | undefined {
  if (!p) return undefined;
  switch (key) {
    case 'name':
      return p.name;
    case 'maintenance':
      return undefined;
    default:
      return p[key];
  }
}

export function ChangeFilingDialog({
  rules,
  platformId,
  onClose,
  onSaved,
}: {
  rules: DeadlineRules;
  platformId?: string;
  onClose: () => void;
  onSaved?: (approvalId: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { modal } = AntApp.useApp();
  const kind = Form.useWatch('kind', form) ?? '变更备案';
  const items = Form.useWatch('items', form) ?? [];
  const selectedId = Form.useWatch('platformId', form);
  const changeDate = Form.useWatch('changeDate', form);
  const today = localToday();
  const n = rules.profile.changeFilingWorkingDays;
  const office = rules.profile.texts.filingOffice;

  // The chosen platform, read by id (the picker finds platforms through the registers' worker).
  const platform = useLiveQuery(async () => {
    const p = selectedId ? await db.platforms.get(selectedId) : undefined;
    return p && !p.deletedAt ? p : undefined;
  }, [selectedId]);
  const closed = platform?.status === '已注销';

  // Prefill 变更前 with what the registry holds now, once the chosen platform has been read.
  const prefilledFor = useRef<string>(undefined);
  useEffect(() => {
    if (!platform || prefilledFor.current === platform.id) return;
    prefilledFor.current = platform.id;
    form.setFieldValue('before', Object.fromEntries(CHANGE_ITEMS.map((i) => [i.key, currentValue(platform, i.key)])));
  }, [platform, form]);

  const date = changeDate ? changeDate.format('YYYY-MM-DD') : undefined;
  const due = date ? changeFilingDeadline(date, rules.profile, rules.calendar) : undefined;

  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const changeDay = v.changeDate!.format('YYYY-MM-DD');
      const deadline = changeFilingDeadline(changeDay, rules.profile, rules.calendar);
      const dueDate = deadline.missingYear === undefined ? deadline.dueDate : undefined;
      const p = v.platformId ? await db.platforms.get(v.platformId) : undefined;
      if (!p || p.deletedAt || p.status === '已注销') return;

      if (v.kind === '注销备案') {
        const confirmed = await modal.confirm({
          title: `确认注销“${p.name}”？`,
          content: `将登记注销备案，并把该账号的状态改为“已注销”（${changeDay}）。注销后该账号不再出现在提醒中；如登记有误，可在平台详情中变更状态。`,
          okText: '确认注销',
          okButtonProps: { danger: true },
          cancelText: '取消',
        });
        if (!confirmed) return;
        const saved = await recordClosureFiling(db, { platformId: p.id, changeDate: changeDay, dueDate, note: v.note ?? '' });
        onSaved?.(saved.id);
        onClose();
        return `已登记注销备案，“${p.name}”已标记为已注销`;
      }
      // The filing records names: only the people it names are read, by id.
      const inputs = toInputs(v);
      const built = buildChanges(inputs, (await readPageLookups(personIdsOf(inputs))).personName);
      if (!built.ok) throw new RuleError(itemErrors(built.errors));
      const saved = await recordChangeFiling(db, { platformId: p.id, changes: built.changes, changeDate: changeDay, dueDate, note: v.note, platformPatch: built.platformPatch });
      onSaved?.(saved.id);
      onClose();
      return '已登记变更';
    },
    {
      // A future change date stays as typed and is refused here, at the field (never replaced by today).
      check: (v) => {
        const errors: Record<string, string> = {};
        const dateError = checkChangeDate(v.changeDate?.format('YYYY-MM-DD'), today);
        if (dateError) errors.changeDate = dateError;
        if (closed) errors.platformId = CLOSED;
        // Only the refusals are used here; names are read when saving.
        const built = v.kind === '变更备案' ? buildChanges(toInputs(v), () => '') : undefined;
        if (built && !built.ok) Object.assign(errors, itemErrors(built.errors));
        return Object.keys(errors).length > 0 ? errors : undefined;
      },
      fallback: '登记失败',
    },
  );


  return (
    <SaveDialog title="记录变更" width={760} submit={modalProps} onClose={onClose}>
      <Form<Values>
        {...formProps}
        form={form}
        layout="vertical"
        initialValues={{ platformId, kind: '变更备案', items: [], before: {}, after: {}, changeDate: todayField() }}
      >
        <Form.Item
          name="platformId"
          label="平台"
          rules={[{ required: true, message: '请选择要登记变更的平台' }]}
          validateStatus={closed ? 'error' : undefined}
          help={closed ? CLOSED : undefined}
        >
          <PlatformPicker value={selectedId} onChange={(id) => form.setFieldValue('platformId', id)} placeholder="选择平台（可输入拼音首字母）" ariaLabel="平台" width={400} />
        </Form.Item>
        <Form.Item name="kind" label="备案类别">
          <Radio.Group
            options={[
              { value: '变更备案', label: '变更（名称、管理员、分管领导、维护方式等）' },
              { value: '注销备案', label: '注销账号' },
            ]}
          />
        </Form.Item>

        {kind === '变更备案' ? (
          <>
            <Form.Item name="items" label="变更内容" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项变更内容' }]}>
              <Checkbox.Group options={CHANGE_ITEMS.map((i) => ({ value: i.key, label: i.label }))} />
            </Form.Item>
            {CHANGE_ITEMS.filter((i) => items.includes(i.key)).map((item) => (
              <Space key={item.key} align="start" style={{ display: 'flex' }} wrap>
                <Form.Item name={['before', item.key]} label={`变更前的${item.label}`} style={{ width: 300 }}>
                  {item.type === 'person' ? <PersonPicker placeholder="（未登记）" /> : <Input placeholder="（未登记）" />}
                </Form.Item>
                <Typography.Text style={{ lineHeight: '32px', marginTop: 30 }}>→</Typography.Text>
                <Form.Item
                  name={['after', item.key]}
                  label={`变更后的${item.label}`}
                  style={{ width: 300 }}
                  rules={[{ required: true, whitespace: true, message: item.type === 'person' ? `请选择变更后的${item.label}` : `请填写变更后的${item.label}` }]}
                >
                  {item.type === 'person' ? <PersonPicker /> : <Input />}
                </Form.Item>
              </Space>
            ))}
            {items.some((k) => CHANGE_ITEMS.find((i) => i.key === k)?.platformField) && (
              <Typography.Paragraph type="secondary">保存后台账中的相应栏目同时更新为变更后的内容。</Typography.Paragraph>
            )}
          </>
        ) : (
          <Form.Item name="note" label="注销原因" rules={[{ required: true, whitespace: true, message: '请填写注销原因（打印在备案表上）' }]}>
            <Input.TextArea rows={2} placeholder="例如：年检结论为关停注销；功能并入学院公众号" />
          </Form.Item>
        )}

        <Form.Item name="changeDate" label={kind === '注销备案' ? '注销日期' : '变更日期'} rules={[{ validator: (_, d?: Dayjs) => refuseDate(checkChangeDate(d?.format('YYYY-MM-DD'), localToday())) }]}>
          <DateField style={{ width: 200 }} />
        </Form.Item>
        <DueDate due={due} n={n} office={office} />
        {kind === '变更备案' && (
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {platform && <Typography.Text type="secondary">当前状态：{platform.status}</Typography.Text>}
      </Form>
    </SaveDialog>
  );
}

function DueDate({ due, n, office }: { due: { dueDate: string; missingYear?: number } | undefined; n: number; office: string }) {
  if (!due) return null;
  if (due.missingYear !== undefined) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`无法计算应报备日期：尚未录入${due.missingYear}年的放假安排`}
        description={`请在“设置 → 节假日安排”中录入或导入${due.missingYear}年的国务院放假安排（每年11月前后公布）。可以先保存，录入后期限会自动算出；在此之前按最早${formatCnDay(due.dueDate)}提醒。`}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={
        <span>
          应报备日期：<strong data-testid="due-date">{formatCnDay(due.dueDate)}</strong>
        </span>
      }
      description={`变更后${n}个工作日内报${office}备案；已按国务院节假日安排（含调休上班日）计算，变更当天不计。`}
    />
  );
}
