// 办结 an open incident: the closing date and, for a complaint, the feedback given to the person who
// complained — without it the complaint stays open (002 第十条(二) 将处理结果反馈给举报人).
import { Alert, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Incident } from '@shared/domain/records';
import { checkClose, needsFeedback } from '@shared/rules/incident-rules';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { localToday } from '@shared/domain/today';
import { closeIncident } from '../../db/incidents';
import { refusals, useSubmit } from '../../components/use-submit';

interface Values {
  closedOn?: Dayjs;
  feedback?: string;
}

export function CloseIncidentDialog({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const complaint = needsFeedback(incident.kind);

  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      await closeIncident(db, incident.id, v.closedOn?.format('YYYY-MM-DD'), v.feedback);
      onClose();
      return `已办结：${incident.kind} ${incident.date}`;
    },
    { check: (v) => refusals(checkClose(incident, v.closedOn?.format('YYYY-MM-DD'), v.feedback, localToday())), fallback: '办结失败' },
  );


  return (
    <Modal open destroyOnHidden title={`办结${incident.kind}`} okText="办结" cancelText="取消" {...modalProps} onCancel={onClose}>
      <p style={{ whiteSpace: 'pre-wrap' }}>{incident.found}</p>
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={{ closedOn: todayField(), feedback: incident.feedback }}>
        <Form.Item name="closedOn" label="办结日期" required>
          <DateField />
        </Form.Item>
        <Form.Item name="feedback" label={complaint ? '对举报人的反馈' : '处理结果'} required={complaint}>
          <Input.TextArea rows={3} maxLength={500} placeholder={complaint ? '写明反馈的处理结果、方式和时间，例如：已电话告知举报人处理结果。' : undefined} />
        </Form.Item>
      </Form>
      {complaint && <Alert type="info" showIcon title="举报投诉须将处理结果反馈给举报人后才能办结（002 第十条(二)）。" />}
    </Modal>
  );
}
