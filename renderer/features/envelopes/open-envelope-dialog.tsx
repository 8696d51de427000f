// 登记启封: an envelope is opened only with approval (非经批准不得启封), and only once — an opened
// envelope must be replaced by a new one after the password is changed.
import { Alert, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Envelope } from '@shared/domain/records';
import { checkOpening, type OpeningInput } from '@shared/rules/envelope-state';
import { db } from '../../db/database';
import { openEnvelope } from '../../db/credentials';
import { lookupsHold, usePageLookups, useTimeZone } from '../../db/queries';
import { PersonPicker } from '../../components/record-select';
import { refusals, useSubmit } from '../../components/use-submit';
import { DateField, fieldInstant, nowField } from '../../components/date-field';

interface Values {
  at?: Dayjs;
  byId?: string;
  reason?: string;
  approvedById?: string;
}

export function OpenEnvelopeDialog({ envelope, onClose }: { envelope: Envelope; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const timeZone = useTimeZone();
  // Only the people chosen are read, by id: the check looks up whether they have left (离岗).
  const named = [Form.useWatch('byId', form), Form.useWatch('approvedById', form)];
  const lookups = usePageLookups(named);
  // An envelope already opened (or replaced) is refused before anything is typed (no person needed).
  const blocked = checkOpening(envelope, {}, new Map(), new Date().toISOString(), timeZone);
  const refusal = !blocked.ok ? blocked.errors._ : undefined;

  const toInput = (v: Values): OpeningInput => ({ at: v.at ? fieldInstant(v.at, timeZone) : undefined, byId: v.byId, reason: v.reason, approvedById: v.approvedById });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      await openEnvelope(db, envelope.id, toInput(v));
      onClose();
      return { warning: `已登记启封。请尽快更换密码并封存新信封（信封 ${envelope.number} 随之作废）。` };
    },
    {
      // "Now" at millisecond precision: the default time was taken when the dialog opened, and a
      // clerk (or a test) may confirm within the same second. Until the people chosen are read,
      // saving checks them in its transaction.
      check: (v) => (lookupsHold(lookups, named) ? refusals(checkOpening(envelope, toInput(v), lookups.people, new Date().toISOString(), timeZone)) : undefined),
      fallback: '登记启封失败',
    },
  );

  return (
    <Modal
      open
      destroyOnHidden
      title={`登记启封：${envelope.number}`}
      okText="确认启封"
      cancelText="取消"
      okButtonProps={{ disabled: Boolean(refusal), danger: true }}
      {...modalProps}
      onCancel={onClose}
    >
      {refusal ? (
        <Alert type="error" showIcon title={refusal} />
      ) : (
        <Form<Values> {...formProps} form={form} layout="vertical" initialValues={{ at: nowField(timeZone) }}>
          <Form.Item name="at" label="启封时间" required>
            <DateField showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="byId" label="启封人" required>
            <PersonPicker />
          </Form.Item>
          <Form.Item name="reason" label="启封原因" required>
            <Input.TextArea rows={2} placeholder="如：管理员绑定手机更换，需登录后台重新绑定" />
          </Form.Item>
          <Form.Item name="approvedById" label="批准人" required extra="非经批准不得启封。">
            <PersonPicker />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
