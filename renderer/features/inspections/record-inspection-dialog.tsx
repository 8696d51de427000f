// 记录检查: one account's checks (ticked = 符合), notes, the unit's self-assessment and the result
// approved by the unit's first responsible person (001 第六条). A 关停注销 result can set the
// account to 已注销 at the same time, after a confirmation.
import { App as AntApp, Checkbox, Form, Input, Radio, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Platform } from '@shared/domain/platform';
import { INSPECTION_RESULTS, type Inspection, type InspectionResult } from '@shared/domain/records';
import { checkInspectionInput } from '@shared/rules/inspection-campaign';
import { localToday } from '@shared/domain/today';
import { DateField } from '../../components/date-field';
import { db } from '../../db/database';
import { recordInspection } from '../../db/inspections';
import { PersonPicker } from '../../components/record-select';
import { useSubmit } from '../../components/use-submit';
import { SaveDialog } from '../../components/save-dialog';

/** The radio's value for "no result yet" (antd radios need a value). */
const NO_RESULT = '';

interface Values {
  selfAssessment?: string;
  result: InspectionResult | typeof NO_RESULT;
  approvedById?: string;
  approvedOn?: Dayjs;
  closeAccount: boolean;
}

export function RecordInspectionDialog({
  inspection,
  platform,
  onClose,
}: {
  inspection: Inspection;
  platform: Platform | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { modal } = AntApp.useApp();
  const [checks, setChecks] = useState(() => inspection.checks.map((c) => ({ ...c, note: c.note ?? '' })));
  const result = Form.useWatch('result', form);
  const name = platform ? `${platform.name}（${platform.kind}）` : '（平台已删除）';
  const alreadyClosed = platform?.status === '已注销';

  const setCheck = (index: number, patch: Partial<(typeof checks)[number]>) => setChecks((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const toInput = (v: Values) => ({ checks, result: v.result || undefined, approvedById: v.approvedById, approvedOn: v.approvedOn?.format('YYYY-MM-DD') });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const closing = v.result === '关停注销' && Boolean(v.closeAccount) && !alreadyClosed;
      // Closing an account ends its reminders and cannot be undone from here: ask first.
      if (closing) {
        const confirmed = await modal.confirm({
          title: `将“${platform?.name ?? ''}”设为已注销？`,
          content: '账号状态将改为“已注销”，状态历史中记录本次年度检查结论，并同时登记一份注销备案（可在“开通与备案”中打印备案表并标记已报备）。',
          okText: '保存并设为已注销',
          okButtonProps: { danger: true },
          cancelText: '取消',
        });
        if (!confirmed) return;
      }
      await recordInspection(db, inspection.id, { ...toInput(v), selfAssessment: v.selfAssessment, closeAccount: closing }, localToday());
      onClose();
      return closing ? `已保存，${platform?.name ?? '账号'}已设为“已注销”` : '检查记录已保存';
    },
    {
      check: (v) => {
        const errors = checkInspectionInput(toInput(v), inspection.year, localToday());
        return Object.keys(errors).length > 0 ? errors : undefined;
      },
      fallback: '保存检查记录失败',
    },
  );


  return (
    <SaveDialog title={`记录检查：${name}`} width={820} submit={modalProps} onClose={onClose}>
      <Table
        size="small"
        pagination={false}
        rowKey="item"
        dataSource={checks}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '序号', width: 56, render: (_, __, i) => i + 1 },
          {
            title: '检查项目（勾选为符合）',
            render: (_, c, i) => (
              <Checkbox checked={c.ok} onChange={(e) => setCheck(i, { ok: e.target.checked })}>
                {c.item}
              </Checkbox>
            ),
          },
          {
            title: '说明',
            width: 260,
            render: (_, c, i) => <Input size="small" aria-label={`说明：${c.item}`} value={c.note} onChange={(e) => setCheck(i, { note: e.target.value })} />,
          },
        ]}
      />
      <Form<Values>
        {...formProps}
        form={form}
        layout="vertical"
        initialValues={{
          selfAssessment: inspection.selfAssessment,
          result: inspection.result ?? NO_RESULT,
          approvedById: inspection.approvedById ?? platform?.responsibleId,
          approvedOn: inspection.approvedOn ? dayjs(inspection.approvedOn) : undefined,
          closeAccount: true,
        }}
      >
        <Form.Item name="selfAssessment" label="自查情况">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="result" label="检查结论">
          <Radio.Group
            options={[{ value: NO_RESULT, label: '暂无结论' }, ...INSPECTION_RESULTS.map((r) => ({ value: r, label: r }))]}
            onChange={() => form.setFields([{ name: 'result', errors: [] }])}
          />
        </Form.Item>
        {result === '关停注销' && !alreadyClosed && (
          <Form.Item name="closeAccount" valuePropName="checked">
            <Checkbox>同时将账号状态设为“已注销”</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="approvedById" label="审批人（单位第一责任人）">
          <PersonPicker />
        </Form.Item>
        <Form.Item name="approvedOn" label="审批日期">
          <DateField style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
