// 登记交接后更换密码: the date and who confirmed it. Only the fact is recorded — never the password.
import { Alert, Button, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Handover } from '@shared/domain/records';
import { checkPasswordChange, type PasswordChangeInput } from '@shared/rules/handover-state';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { recordPasswordChange } from '../../db/credentials';
import { localToday } from '@shared/domain/today';
import { lookupsHold, usePageLookups } from '../../db/queries';
import { PersonPicker } from '../../components/record-select';
import { refusals, useSubmit } from '../../components/use-submit';
import { PasswordCheckDialog } from '../envelopes/password-check-dialog';
import { usePasswordPolicy } from '../envelopes/use-credentials';

interface Values {
  date?: Dayjs;
  confirmedById?: string;
}

export function PasswordChangeDialog({ handover, onClose }: { handover: Handover; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  // The people the check compares: who confirms, and the handover's own three.
  const named = [Form.useWatch('confirmedById', form), handover.outgoingId, handover.incomingId, handover.supervisorId];
  const lookups = usePageLookups(named);
  const policy = usePasswordPolicy();
  const [checking, setChecking] = useState(false);

  const toInput = (v: Values): PasswordChangeInput => ({ date: v.date?.format('YYYY-MM-DD'), confirmedById: v.confirmedById });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      await recordPasswordChange(db, handover.id, toInput(v));
      onClose();
      return '已登记更换密码，交接完成。请将新密码封存为新信封。';
    },
    {
      // Until the people are read, saving checks them in its transaction.
      check: (v) => (lookupsHold(lookups, named) ? refusals(checkPasswordChange(handover, toInput(v), lookups.people, localToday())) : undefined),
      fallback: '登记更换密码失败',
    },
  );

  return (
    <Modal open destroyOnHidden title="登记更换密码" okText="确认已更换" cancelText="取消" {...modalProps} onCancel={onClose}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="只登记更换日期和确认人，不要在此输入密码。"
        action={
          policy && (
            <Button size="small" onClick={() => setChecking(true)}>
              密码强度自检
            </Button>
          )
        }
      />
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={{ date: todayField(), confirmedById: handover.supervisorId }}>
        <Form.Item name="date" label="更换密码日期" required>
          <DateField />
        </Form.Item>
        <Form.Item name="confirmedById" label="确认人" required extra="由接收人或监交人确认；移交人不能确认。">
          <PersonPicker />
        </Form.Item>
      </Form>
      {checking && policy && <PasswordCheckDialog policy={policy} onClose={() => setChecking(false)} />}
    </Modal>
  );
}
