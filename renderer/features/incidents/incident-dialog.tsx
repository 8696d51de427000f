// 登记 / 编辑 a problem, complaint or opinion event (002 第十条, 003 第十六、二十三条): what was found
// where, the actions taken, to whom it was reported, the feedback to the complainant and the closing
// date. Refused input is shown at its field; what was typed stays.
import { Checkbox, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { INCIDENT_ACTIONS, INCIDENT_KINDS, type Incident } from '@shared/domain/records';
import { checkIncident, COMPLAINANT_MAX, CONTACT_MAX, needsFeedback, type IncidentAction, type IncidentInput, type IncidentKind } from '@shared/rules/incident-rules';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { localToday } from '@shared/domain/today';
import { saveIncident } from '../../db/incidents';
import { PlatformPicker } from '../../components/platform-picker';
import { refusals, useSubmit } from '../../components/use-submit';
import { SaveDialog } from '../../components/save-dialog';

interface Values {
  kind?: IncidentKind;
  date?: Dayjs;
  platformId?: string;
  found?: string;
  complainant?: string;
  complainantContact?: string;
  actions: IncidentAction[];
  reportedTo?: string;
  feedback?: string;
  closedOn?: Dayjs;
}

const day = (d: string | undefined) => (d ? dayjs(d) : undefined);

export function IncidentDialog({
  incident,
  preset,
  onClose,
}: {
  /** The record to edit; a new one is registered when absent. */
  incident?: Incident;
  /** Values a new record starts with, e.g. a group's 问题登记 from the work-group page. */
  preset?: { kind?: IncidentKind; platformId?: string };
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const platformId = Form.useWatch('platformId', form);
  const kind = Form.useWatch('kind', form);

  const initialValues: Values = incident
    ? { ...incident, date: day(incident.date), closedOn: day(incident.closedOn), actions: [...incident.actions] }
    : { kind: preset?.kind, platformId: preset?.platformId, date: todayField(), actions: [] };

  const toInput = (v: Values): IncidentInput => ({
    kind: v.kind,
    date: v.date?.format('YYYY-MM-DD'),
    platformId: v.platformId,
    found: v.found,
    // Only a complaint has a complainant; a kind changed away from 举报投诉 drops them.
    complainant: needsFeedback(v.kind) ? v.complainant : undefined,
    complainantContact: needsFeedback(v.kind) ? v.complainantContact : undefined,
    actions: v.actions,
    reportedTo: v.reportedTo,
    feedback: v.feedback,
    closedOn: v.closedOn?.format('YYYY-MM-DD'),
  });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const input = toInput(v);
      await saveIncident(db, input, incident?.id);
      onClose();
      return incident ? '已保存' : `已登记${input.kind}`;
    },
    { check: (v) => refusals(checkIncident(toInput(v), localToday())), fallback: '保存失败' },
  );


  const title = incident ? `编辑${incident.kind}` : preset?.kind === '问题登记' ? '问题登记' : '登记问题、举报投诉或舆情';
  return (
    <SaveDialog title={title} width={640} submit={modalProps} onClose={onClose}>
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item name="kind" label="类别" required>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder="选择类别" options={INCIDENT_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="date" label="发现（受理）日期" required>
          <DateField />
        </Form.Item>
        <Form.Item name="platformId" label="平台或工作群" required={kind === '问题登记'} extra={kind === '问题登记' ? undefined : '举报投诉、舆情不涉及本校平台时可不选。'}>
          {/* Found by what is typed (name, account, pinyin initials): the ledger may hold 10,000 platforms. */}
          <PlatformPicker value={platformId} onChange={(id) => form.setFieldValue('platformId', id)} placeholder="选择平台或工作群" ariaLabel="平台或工作群" width="100%" />
        </Form.Item>
        <Form.Item name="found" label="发现的问题" required extra="举报投诉写明举报渠道和内容；舆情写明出现的平台和情况。">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {needsFeedback(kind) && (
          <>
            <Form.Item name="complainant" label="举报人" extra="处理结果须反馈给举报人（002 第十条(二)）；匿名举报时留空。">
              <Input maxLength={COMPLAINANT_MAX} placeholder="姓名或单位" />
            </Form.Item>
            <Form.Item name="complainantContact" label="联系方式">
              <Input maxLength={CONTACT_MAX} placeholder="电话、邮箱或地址" />
            </Form.Item>
          </>
        )}
        <Form.Item name="actions" label="处置措施">
          <Checkbox.Group options={INCIDENT_ACTIONS.map((a) => ({ value: a, label: a }))} />
        </Form.Item>
        <Form.Item name="reportedTo" label="上报对象">
          <Input maxLength={100} placeholder="例如：党委宣传部网宣室" />
        </Form.Item>
        <Form.Item name="feedback" label={needsFeedback(kind) ? '对举报人的反馈' : '处理结果'} extra={needsFeedback(kind) ? '将处理结果反馈给举报人后才能办结（002 第十条(二)）。' : undefined}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="closedOn" label="办结日期" extra="尚未处理完毕时留空，之后在列表中点击“办结”。">
          <DateField />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
