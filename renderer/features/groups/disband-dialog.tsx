// 解散 a work group when its work has ended (003 第十九条: 因工作结束…群主主动解散). The group stays
// in the registry as 已停用 with the date, so its filing and logs remain; a second confirmation is
// asked for because the step cannot be undone from here.
import { App as AntApp, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Platform } from '@shared/domain/platform';
import { checkDisband } from '@shared/rules/group-rules';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { localToday } from '@shared/domain/today';
import { disbandGroup } from '../../db/groups';
import { refusals, useSubmit } from '../../components/use-submit';

interface Values {
  date?: Dayjs;
  reason?: string;
}

export function DisbandDialog({ group, onClose }: { group: Platform; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { modal } = AntApp.useApp();

  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const date = v.date!.format('YYYY-MM-DD');
      const confirmed = await modal.confirm({
        title: `确认解散“${group.name}”？`,
        content: `台账中该群将标记为${date}解散、状态改为“已停用”，不再提醒实名核查。请确认群主已在${group.kind}中解散该群。`,
        okText: '确认解散',
        okButtonProps: { danger: true },
        cancelText: '取消',
      });
      if (!confirmed) return;
      await disbandGroup(db, group.id, date, v.reason);
      onClose();
      return `已解散：${group.name}（状态改为已停用）`;
    },
    { check: (v) => refusals(checkDisband(group, v.date?.format('YYYY-MM-DD'), localToday())), fallback: '解散失败' },
  );


  return (
    <Modal open destroyOnHidden title={`解散工作群：${group.name}`} okText="解散" okButtonProps={{ danger: true }} cancelText="取消" {...modalProps} onCancel={onClose}>
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={{ date: todayField() }}>
        <Form.Item name="date" label="解散日期" required>
          <DateField />
        </Form.Item>
        <Form.Item name="reason" label="原因" extra="例如：专项工作结束，群主主动解散（003 第十九条）。">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
