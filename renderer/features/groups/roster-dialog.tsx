// 成员名单 of a work group (003 第二十条: 本校教职工，“部门+姓名”实名; 000 第五条): people from the
// registry, or 部门+姓名 for members who are not in it. The member count follows the roster.
import { App as AntApp, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { GroupMember, Platform } from '@shared/domain/platform';
import { db } from '../../db/database';
import { saveRoster } from '../../db/groups';
import { PersonPicker } from '../../components/record-select';
import { showError } from '../../app/errors';
import { SaveDialog } from '../../components/save-dialog';

interface Values {
  members?: GroupMember[];
}

export function RosterDialog({ group, onClose }: { group: Platform; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = form.getFieldsValue(true) as Values;
    const members = (values.members ?? [])
      .map((m) => (m.personId ? { personId: m.personId } : { department: m.department?.trim(), name: m.name?.trim() }))
      .filter((m) => m.personId || m.department || m.name);
    setSaving(true);
    try {
      await saveRoster(db, group.id, members);
      void message.success(`已保存${group.name}的成员名单（${members.length}人）`);
      onClose();
    } catch (e) {
      showError(e, '保存成员名单失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <SaveDialog title={`成员名单：${group.name}`} width={640} submit={{ onOk: submit, confirmLoading: saving }} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        群成员须为本校教职工，按“部门+姓名”实名（003 第二十条）。人员名单中有的人请直接选择，其离岗时首页会提醒群主将其移出；其他成员填写部门和姓名。
      </Typography.Paragraph>
      <Form<Values> form={form} initialValues={{ members: group.group?.members ?? [] }}>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'personId']} label={`成员${index + 1}`} style={{ width: 260 }}>
                    <PersonPicker placeholder="从人员名单选择" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'department']} style={{ width: 130 }}>
                    <Input placeholder="或填写部门" aria-label={`成员${index + 1}部门`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} style={{ width: 100 }}>
                    <Input placeholder="姓名" aria-label={`成员${index + 1}姓名`} />
                  </Form.Item>
                  <Button size="small" onClick={() => remove(field.name)} aria-label={`删除成员${index + 1}`}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({})}>添加成员</Button>
            </>
          )}
        </Form.List>
      </Form>
    </SaveDialog>
  );
}
