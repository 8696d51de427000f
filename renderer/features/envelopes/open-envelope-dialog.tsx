// 登记启封: an envelope is opened only with approval (非经批准不得启封), and only once — an opened
// envelope must be replaced by a new one after the password is changed.
import { App as AntApp, Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Envelope } from '@shared/domain/records';
import { checkOpening, type OpeningInput } from '@shared/rules/envelope-state';
import { db } from '../../db/database';
import { openEnvelope } from '../../db/credentials';
import { useLookups } from '../../db/queries';
import { PersonSelect } from '../../components/record-select';
import { showCredentialError, showRuleCheck } from './rule-errors';

interface Values {
  at?: Dayjs;
  byId?: string;
  reason?: string;
  approvedById?: string;
}

export function OpenEnvelopeDialog({ envelope, onClose }: { envelope: Envelope; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const lookups = useLookups();
  const [saving, setSaving] = useState(false);
  // An envelope already opened (or replaced) is refused before anything is typed.
  const blocked = checkOpening(envelope, {}, lookups.people, new Date().toISOString());
  const refusal = !blocked.ok ? blocked.errors._ : undefined;

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const input: OpeningInput = { at: v.at?.toISOString(), byId: v.byId, reason: v.reason, approvedById: v.approvedById };
    // "Now" at millisecond precision: the default time was taken when the dialog opened, and a
    // clerk (or a test) may confirm within the same second.
    if (showRuleCheck(form, checkOpening(envelope, input, lookups.people, new Date().toISOString()))) return;
    setSaving(true);
    try {
      await openEnvelope(db, envelope.id, input);
      void message.warning(`已登记启封。请尽快更换密码并封存新信封（信封 ${envelope.number} 随之作废）。`);
      onClose();
    } catch (e) {
      showCredentialError(form, e, '登记启封失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      destroyOnHidden
      title={`登记启封：${envelope.number}`}
      okText="确认启封"
      cancelText="取消"
      okButtonProps={{ disabled: Boolean(refusal), danger: true }}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
    >
      {refusal ? (
        <Alert type="error" showIcon title={refusal} />
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={{ at: dayjs() }}>
          <Form.Item name="at" label="启封时间" required>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="byId" label="启封人" required>
            <PersonSelect lookups={lookups} />
          </Form.Item>
          <Form.Item name="reason" label="启封原因" required>
            <Input.TextArea rows={2} placeholder="如：管理员绑定手机更换，需登录后台重新绑定" />
          </Form.Item>
          <Form.Item name="approvedById" label="批准人" required extra="非经批准不得启封。">
            <PersonSelect lookups={lookups} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
