// 记录实名核查 (003 第二十条: 群主要定期对群内人员予以认定，对离职（岗）人员及时移出): the date,
// how many members were removed and a note. The app cannot see a group's members, so the staff of
// the group's unit who have left are listed as a hint of whom to look for.
import { Alert, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Dayjs } from 'dayjs';
import type { Platform } from '@shared/domain/platform';
import { checkRealNameCheck, type RealNameCheckInput } from '@shared/rules/group-rules';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { localToday } from '@shared/domain/today';
import { readRealNameHints, recordRealNameCheck } from '../../db/groups';
import { refusals, useSubmit } from '../../components/use-submit';
import { SaveDialog } from '../../components/save-dialog';

interface Values {
  date?: Dayjs;
  removedCount?: number | null;
  note?: string;
}

export function RealNameCheckDialog({ group, onClose }: { group: Platform; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  // Only the group's unit's staff and the roster's people are read (by index and by id).
  const hints = useLiveQuery(() => readRealNameHints(db, group), [group]);
  // Until they are read, "no departed staff" would be a false all-clear.
  const loaded = hints !== undefined;
  const departed = hints?.departed ?? [];
  // The check is recorded against the roster: its departed members are shown and, unless the
  // owner unticks it, removed from the roster with the check.
  const onRoster = hints?.onRoster ?? [];
  const [removeFromRoster, setRemoveFromRoster] = useState(true);

  const toInput = (v: Values): RealNameCheckInput => ({ date: v.date?.format('YYYY-MM-DD'), removedCount: v.removedCount ?? undefined, note: v.note });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const input = toInput(v);
      const removed = removeFromRoster ? onRoster.map((p) => p.id) : [];
      const { logged } = await recordRealNameCheck(db, group.id, input, localToday(), removed);
      onClose();
      return `已记录${group.name}${input.date}的实名核查${logged ? '，移出情况已记入问题登记' : ''}`;
    },
    { check: (v) => refusals(checkRealNameCheck(group, toInput(v), localToday())), fallback: '记录实名核查失败' },
  );


  return (
    <SaveDialog title={`记录实名核查：${group.name}`} submit={modalProps} onClose={onClose}>
      <Typography.Paragraph type="secondary">核对群成员是否均按“部门+姓名”实名，移出离职（岗）人员和无法确认身份的成员（003 第二十条）。</Typography.Paragraph>
      {loaded && onRoster.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="成员名单中已离岗的人员（应移出）"
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="名单中已离岗的成员">
                {onRoster.map((p) => (
                  <li key={p.id}>{`${p.name}${p.statusDate ? `（${p.statusDate}离岗）` : ''}`}</li>
                ))}
              </ul>
              <Checkbox checked={removeFromRoster} onChange={(e) => setRemoveFromRoster(e.target.checked)}>
                已移出群，从成员名单中删除
              </Checkbox>
            </>
          }
        />
      )}
      {!loaded ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="正在读取人员名单…" />
      ) : departed.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${hints.unitName}的离岗人员（请核对是否仍在群内）`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="应移出的离岗人员">
              {departed.map((p) => (
                <li key={p.id}>{`${p.name}${p.statusDate ? `（${p.statusDate}离岗）` : ''}`}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={group.hostUnitId ? '人员名单中本单位没有离岗人员。' : '该群未登记主办单位，无法列出应移出的离岗人员。'} />
      )}
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={{ date: todayField() }}>
        <Form.Item name="date" label="核查日期" required>
          <DateField />
        </Form.Item>
        <Form.Item name="removedCount" label="移出人数" extra="移出人员会记入该群的问题登记（F15），群成员数相应减少。">
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={300} placeholder="例如：移出已调离人员曹宁；2人修改群名片为实名" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
