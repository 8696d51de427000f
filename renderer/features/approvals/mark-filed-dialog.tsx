// 标记已报备: the paper filing has been handed in to the filing office — when, and who signed it.
import { Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Approval } from '@shared/domain/records';
import { checkFiledOn } from '@shared/rules/change-filing';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { markFiled } from '../../db/approvals';
import { useSubmit } from '../../components/use-submit';
import { localToday } from '@shared/domain/today';
import { SaveDialog } from '../../components/save-dialog';

interface Values {
  filedOn?: Dayjs;
  signedBy?: string;
  signedOn?: Dayjs;
}

export function MarkFiledDialog({ approval, office, onClose }: { approval: Approval; office: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();

  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      await markFiled(db, approval.id, { filedOn: v.filedOn!.format('YYYY-MM-DD'), signedBy: v.signedBy, signedOn: v.signedOn?.format('YYYY-MM-DD') });
      onClose();
      return '已标记为已报备';
    },
    {
      check: (v) => {
        const error = checkFiledOn(v.filedOn?.format('YYYY-MM-DD'), approval.changeDate, localToday());
        return error ? { filedOn: error } : undefined;
      },
    },
  );


  return (
    <SaveDialog title="标记已报备" submit={modalProps} onClose={onClose}>
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={{ filedOn: todayField(), signedBy: approval.signedBy, signedOn: approval.signedOn ? dayjs(approval.signedOn) : undefined }}>
        <Form.Item name="filedOn" label="报备日期" extra={`纸质备案表交${office}的日期`} rules={[{ required: true, message: '请选择报备日期' }]}>
          <DateField style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="signedBy" label="签字人" extra="在纸质备案表上签字的单位负责人">
          <Input style={{ width: 300 }} />
        </Form.Item>
        <Form.Item name="signedOn" label="签字日期">
          <DateField style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
