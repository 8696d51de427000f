// 登记交接 (000 第六条 2): outgoing, incoming, supervisor, date and the checklist. Saving also
// makes the incoming administrator the platform's 总管理员 and creates the change filing that the
// change requires (001 第五条, 004 第六条), all in one transaction.
import { App as AntApp, Alert, Checkbox, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { HANDOVER_CHECKLIST, checkHandover, type HandoverInput } from '@shared/rules/handover-state';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { recordHandover } from '../../db/credentials';
import { localToday } from '@shared/domain/today';
import { lookupsHold, usePageLookups } from '../../db/queries';
import { PersonPicker } from '../../components/record-select';
import { PlatformPicker } from '../../components/platform-picker';
import { refusals, useSubmit } from '../../components/use-submit';

interface Values {
  platformId?: string;
  outgoingId?: string;
  incomingId?: string;
  supervisorId?: string;
  date?: Dayjs;
  done: string[];
}

export function HandoverDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { modal } = AntApp.useApp();
  // Only the platform chosen and the people named are read, not the whole ledger.
  const platformId = Form.useWatch('platformId', form);
  const platform = useLiveQuery(async () => (platformId ? ((await db.platforms.get(platformId)) ?? null) : null), [platformId]);
  const named = [Form.useWatch('outgoingId', form), Form.useWatch('incomingId', form), Form.useWatch('supervisorId', form), platform?.chiefAdminId];
  const lookups = usePageLookups(named);

  const toInput = (v: Values): HandoverInput => ({ platformId: v.platformId, outgoingId: v.outgoingId, incomingId: v.incomingId, supervisorId: v.supervisorId, date: v.date?.format('YYYY-MM-DD') });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const input = toInput(v);
      const checklist = HANDOVER_CHECKLIST.map((item) => ({ item, done: (v.done ?? []).includes(item) }));
      const { filing, holidayDataMissingYear } = await recordHandover(db, { ...input, checklist });
      const incoming = (await db.people.get(input.incomingId!))?.name ?? '';
      onClose();
      if (holidayDataMissingYear) {
        modal.warning({
          title: '交接已登记，但未能计算变更备案的报备期限',
          content: `${holidayDataMissingYear}年的法定节假日安排尚未录入，无法按工作日计算期限。总管理员已改为${incoming}，变更备案已保存（暂无报备期限）。请在“设置 → 节假日安排”中录入或导入${holidayDataMissingYear}年的放假安排，录入后报备期限会自动算出。`,
          okText: '知道了',
        });
        return;
      }
      return `已登记交接：总管理员已改为${incoming}；已生成变更备案，应于 ${filing.dueDate} 前报备。`;
    },
    {
      // Until the platform and the people chosen are read, saving checks them in its transaction.
      check: (v) => {
        if (platform === undefined || (v.platformId && platform?.id !== v.platformId) || !lookupsHold(lookups, named)) return undefined;
        // The picker finds every platform; a 已停用 one was never offered for a handover before.
        if (platform?.status === '已停用') return { platformId: '该平台已停用，无需交接。' };
        return refusals(checkHandover(toInput(v), platform && !platform.deletedAt ? platform : undefined, lookups.people, localToday()));
      },
      fallback: '登记交接失败',
    },
  );


  return (
    <Modal open destroyOnHidden title="登记交接" okText="登记交接" cancelText="取消" {...modalProps} onCancel={onClose} width={640}>
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={{ date: todayField(), done: [] }}>
        <Form.Item name="platformId" label="平台" required>
          <PlatformPicker
            value={platformId}
            placeholder="选择平台"
            ariaLabel="平台"
            width="100%"
            onChange={(id) => {
              form.setFieldValue('platformId', id);
              // The outgoing administrator is normally the registered 总管理员.
              if (id) void db.platforms.get(id).then((p) => form.setFieldValue('outgoingId', p?.chiefAdminId));
            }}
          />
        </Form.Item>
        <Form.Item name="outgoingId" label="移交人" required extra="须为台账中该平台登记的总管理员。">
          <PersonPicker />
        </Form.Item>
        <Form.Item name="incomingId" label="接收人" required>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="supervisorId" label="监交人" required>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="date" label="交接日期" required>
          <DateField />
        </Form.Item>
        <Form.Item name="done" label="交接清单（勾选已完成的项目）">
          <Checkbox.Group options={HANDOVER_CHECKLIST.map((i) => ({ value: i, label: i }))} style={{ display: 'grid', gap: 6 }} />
        </Form.Item>
      </Form>
      <Alert
        type="info"
        showIcon
        title="登记后：台账中该平台的总管理员改为接收人，并自动生成一条变更备案（报备期限按本单位规则计算）。交接须在更换密码并确认后才算完成（000 第六条）。"
      />
    </Modal>
  );
}
