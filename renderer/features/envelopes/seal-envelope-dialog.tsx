// 封存新信封: records the custody of a newly sealed envelope — never its contents' values. The
// app assigns the number; the envelopes it replaces (an opened one, or the previous one after a
// password change) are named before saving, because saving retires them.
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Envelope } from '@shared/domain/records';
import { ENVELOPE_ITEMS } from '@shared/domain/records';
import { checkSeal, currentEnvelopes, envelopeState, type SealInput } from '@shared/rules/envelope-state';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { sealEnvelope } from '../../db/credentials';
import { localToday } from '@shared/domain/today';
import { lookupsHold, usePageLookups } from '../../db/queries';
import { PersonPicker } from '../../components/record-select';
import { PlatformPicker } from '../../components/platform-picker';
import { useRegisterPage } from '../../db/register-index';
import { useCredentialsOf } from './use-credentials';
import { refusals, useSubmit } from '../../components/use-submit';

interface Values {
  platformId?: string;
  items: string[];
  sealedOn?: Dayjs;
  passwordChangedOn?: Dayjs;
  sealedById?: string;
  witnessId?: string;
  custodianId?: string;
  location?: string;
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

const CLOSED = '该账号已注销，不再封存密码信封，请选择其他平台';

export function SealEnvelopeDialog({
  platformId,
  onClose,
  onSealed,
}: {
  platformId?: string;
  onClose: () => void;
  onSealed: (e: Envelope) => void;
}) {
  const [form] = Form.useForm<Values>();
  // Only the people chosen are read, by id: the check looks up whether they have left (离岗).
  const named = [Form.useWatch('sealedById', form), Form.useWatch('witnessId', form), Form.useWatch('custodianId', form)];
  const lookups = usePageLookups(named);
  const chosen: string | undefined = Form.useWatch('platformId', form) ?? platformId;
  // The chosen platform and its envelopes, read by id and by the platformId index.
  const platform = useLiveQuery(async () => (chosen ? db.platforms.get(chosen) : undefined), [chosen]);
  const closed = platform?.status === '已注销';
  const own = useCredentialsOf(chosen ? [chosen] : []);
  const replaces = chosen && own ? currentEnvelopes(chosen, own.envelopes) : [];
  // Where the newest envelope was put, as the default place for this one (the register's first row).
  const newest = useRegisterPage({ register: 'envelopes', filter: { showReplaced: true }, watch: ['envelopes'], offset: 0, limit: 1 });
  const lastLocation = newest?.rows[0]?.location;
  useEffect(() => {
    if (lastLocation && !form.isFieldTouched('location') && !form.getFieldValue('location')) form.setFieldValue('location', lastLocation);
  }, [lastLocation, form]);

  const toInput = (v: Values): SealInput => ({
    platformId: v.platformId,
    items: v.items ?? [],
    sealedOn: day(v.sealedOn),
    passwordChangedOn: day(v.passwordChangedOn),
    sealedById: v.sealedById,
    witnessId: v.witnessId,
    custodianId: v.custodianId,
    location: v.location,
  });
  // Checked here for messages at the fields, and again inside the transaction.
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const sealed = await sealEnvelope(db, toInput(v));
      onSealed(sealed);
      return `已登记封存，信封编号 ${sealed.number}`;
    },
    {
      check: (v) => {
        if (closed) return { platformId: CLOSED };
        // Until the people chosen are read, saving checks them in its transaction.
        if (!lookupsHold(lookups, named)) return undefined;
        return refusals(checkSeal(toInput(v), lookups.people, localToday()));
      },
      fallback: '登记封存失败',
    },
  );


  return (
    <Modal open destroyOnHidden title="封存新信封" okText="登记封存" cancelText="取消" {...modalProps} onCancel={onClose} width={640}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="本系统只登记信封的保管情况，不记录任何密码。请打印登记表，由管理员在方框内手写账号和密码后当面密封。"
      />
      <Form<Values>
        {...formProps}
        form={form}
        layout="vertical"
        initialValues={{ platformId, items: ['登录账号', '密码'], sealedOn: todayField(), passwordChangedOn: todayField() }}
      >
        <Form.Item name="platformId" label="平台" required validateStatus={closed ? 'error' : undefined} help={closed ? CLOSED : undefined}>
          <PlatformPicker value={chosen} onChange={(id) => form.setFieldValue('platformId', id)} placeholder="选择平台（可输入拼音首字母）" ariaLabel="平台" width={400} />
        </Form.Item>
        {replaces.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`登记后，以下信封将作废并由新信封替换：${replaces.map((e) => `${e.number}（${envelopeState(e)}）`).join('、')}。请将旧信封一并销毁或归档。`}
          />
        )}
        <Form.Item name="items" label="封存内容（只勾选装入了什么，不填写具体内容）" required>
          <Checkbox.Group options={ENVELOPE_ITEMS.map((i) => ({ value: i, label: i }))} />
        </Form.Item>
        <Form.Item name="sealedOn" label="封存日期" required>
          <DateField />
        </Form.Item>
        <Form.Item name="passwordChangedOn" label="密码最近修改日期" extra="封存的应是刚修改过的密码；下次应修改日期按本单位规则自动计算。">
          <DateField />
        </Form.Item>
        <Form.Item name="sealedById" label="封存人" required>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="witnessId" label="监封人" required>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="custodianId" label="保管人" required>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="location" label="存放位置" required>
          <Input placeholder="如：党委宣传部部长办公室保密柜" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
