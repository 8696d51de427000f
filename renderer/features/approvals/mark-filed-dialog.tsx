// 标记已报备: the paper filing has been handed in to the filing office — when, and who signed it.
import { App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Approval } from '@shared/domain/records';
import { checkFiledOn } from '@shared/rules/change-filing';
import { db } from '../../db/database';
import { markFiled } from '../../db/approvals';
import { showError } from '../../app/errors';
import { localToday } from '@shared/domain/today';

interface Values {
  filedOn?: Dayjs;
  signedBy?: string;
  signedOn?: Dayjs;
}

export function MarkFiledDialog({ approval, office, onClose }: { approval: Approval; office: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    const filedOn = v.filedOn?.format('YYYY-MM-DD');
    const error = checkFiledOn(filedOn, approval.changeDate, localToday());
    if (error) {
      form.setFields([{ name: 'filedOn', errors: [error] }]);
      return;
    }
    setSaving(true);
    try {
      await markFiled(db, approval.id, { filedOn: filedOn!, signedBy: v.signedBy, signedOn: v.signedOn?.format('YYYY-MM-DD') });
      void message.success('已标记为已报备');
      onClose();
    } catch (e) {
      showError(e, '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="标记已报备" okText="保存" cancelText="取消" onOk={submit} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ filedOn: dayjs(), signedBy: approval.signedBy, signedOn: approval.signedOn ? dayjs(approval.signedOn) : undefined }}>
        <Form.Item name="filedOn" label="报备日期" extra={`纸质备案表交${office}的日期`} rules={[{ required: true, message: '请选择报备日期' }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="signedBy" label="签字人" extra="在纸质备案表上签字的单位负责人">
          <Input style={{ width: 300 }} />
        </Form.Item>
        <Form.Item name="signedOn" label="签字日期">
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
