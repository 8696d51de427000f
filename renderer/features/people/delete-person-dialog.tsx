// Moving a person to the trash: first the duties they still hold (accounts, work groups, sealed
// envelopes, open handovers, reviews in progress), with the offer to hand them all over to another
// person in the same transaction. Left as they are, those records show 王𠮷（已删除）.
import { App as AntApp, Alert, Form, Modal, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Person } from '@shared/domain/person';
import { db } from '../../db/database';
import { deletePerson, findPersonReferences } from '../../db/people';
import { deletedName } from '../../db/queries';
import { PersonPicker } from '../../components/record-select';
import { useUndoDelete } from '../../components/undo-delete';
import { showError } from '../../app/errors';

export function DeletePersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const deleted = useUndoDelete();
  const references = useLiveQuery(() => findPersonReferences(db, person.id), [person.id]);
  const [successorId, setSuccessorId] = useState<string>();
  const [refused, setRefused] = useState<string>();
  const [saving, setSaving] = useState(false);
  const handing = Boolean(successorId && references && references.length > 0);

  const submit = async () => {
    if (successorId === person.id) {
      setRefused('不能移交给本人，请选择另一位人员。');
      return;
    }
    setSaving(true);
    try {
      const handed = await deletePerson(db, person.id, handing ? successorId : undefined);
      const successor = handed > 0 && successorId ? await db.people.get(successorId) : undefined;
      if (handed > 0) void message.success(`已将${person.name}的 ${handed} 项职责移交给${successor?.name ?? ''}，“${person.name}”已移入回收站`);
      else deleted('people', person.id, person.name);
      onClose();
    } catch (e) {
      showError(e, '删除失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      destroyOnHidden
      title={`将“${person.name}”移入回收站？`}
      okText={handing ? '移交并移入回收站' : '移入回收站'}
      okButtonProps={{ danger: true, disabled: references === undefined }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
    >
      {references === undefined ? (
        <Typography.Paragraph>正在查找{person.name}仍担任的职责…</Typography.Paragraph>
      ) : references.length === 0 ? (
        <Typography.Paragraph>{person.name}没有在单位、账号、工作群、信封、交接或审核中担任职责。移入回收站后可在“回收站”中恢复。</Typography.Paragraph>
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${person.name}仍担任以下 ${references.length} 项职责`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="仍担任的职责">
                {references.map((r) => (
                  <li key={`${r.table}/${r.recordId}/${r.field}`}>{r.label}</li>
                ))}
              </ul>
            }
          />
          <Form layout="vertical">
            <Form.Item
              label="移交给"
              htmlFor="successor"
              validateStatus={refused ? 'error' : undefined}
              help={refused}
              extra={`选择接替人员后，以上职责与删除一并办理，每项变更都记入审计日志。不选择则登记保持不变，显示为“${deletedName(person.name)}”。`}
            >
              <PersonPicker
                id="successor"
                value={successorId}
                onChange={(v) => {
                  setRefused(undefined);
                  setSuccessorId(typeof v === 'string' ? v : undefined);
                }}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
