// Units (单位): list, create, edit, move to trash.
import { Button, Form, Input, Select, Space } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { RANKS, UNIT_KINDS, type Unit } from '@shared/domain/unit';
import { validateUnit } from '@shared/domain/validation';
import { fold, matchesSearch } from '@shared/search/search-match';
import { usePageLookups, useUnits } from '../../db/queries';
import { useUnitKeys } from '../../db/people-index';
import { PersonName } from '../../components/person-name';
import { PersonPicker, UnitSelect } from '../../components/record-select';
import { rowActionsColumn } from '../../components/row-actions';
import { useRecordSubmit } from '../../components/use-record-submit';
import { RegisterList, RegisterPage } from '../../components/register-page';
import { exportUnits } from '../export/list-tables';
import { useKeptFilter } from '../../state/kept-filter';
import { SaveDialog } from '../../components/save-dialog';

export function UnitsPage() {
  const units = useUnits();
  // Names of the people the units name (two per unit), read by id: not every person of the ledger.
  const lookups = usePageLookups((units ?? []).flatMap((u) => [u.firstResponsibleId, u.partySecretaryId]));
  const [query, setQuery] = useKeptFilter('units.query', '');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const deferred = useDeferredValue(query);
  // Pinyin keys come from the people worker; until they do, a unit is found by its name and kind as typed.
  const keys = useUnitKeys();
  const rows = useMemo(() => {
    const keyOf = (u: Unit) => {
      const k = keys?.get(u.id);
      return k ? `${k.name}\n${k.kind}` : `${fold(u.name)}\n${fold(u.kind)}`;
    };
    return units?.filter((u) => !deferred || matchesSearch(keyOf(u), deferred));
  }, [units, deferred, keys]);

  return (
    <RegisterPage
      title="单位"
      titleId="units-title"
      actions={
        <Button type="primary" onClick={() => setEditing('new')}>
          新建单位
        </Button>
      }
    >
      <RegisterList<Unit>
        search={{ value: query, onChange: setQuery, placeholder: '搜索单位（支持拼音首字母）', label: '搜索单位', width: 240 }}
        exportAs={{ fileName: '单位', tables: async () => [await exportUnits(rows ?? [])] }}
        rowKey="id"
        rows={rows}
        pageSize={20}
        empty={deferred ? '没有符合条件的单位' : '还没有单位，点击“新建单位”添加'}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类别', dataIndex: 'kind', width: 110 },
          { title: '上级单位', render: (_, u) => lookups.unitName(u.parentId) },
          {
            title: '第一责任人',
            width: 140,
            render: (_, u) => (
              <>
                <PersonName id={u.firstResponsibleId} lookups={lookups} role="第一责任人" />
                {u.firstResponsibleRank ? `（${u.firstResponsibleRank}）` : ''}
              </>
            ),
          },
          { title: '党组织书记', width: 110, render: (_, u) => <PersonName id={u.partySecretaryId} lookups={lookups} role="党组织书记" /> },
          { title: '联系电话', dataIndex: 'phone', width: 130 },
          rowActionsColumn<Unit>('units', setEditing),
        ]}
      />
      {editing && <UnitDialog unit={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </RegisterPage>
  );
}

function UnitDialog({ unit, onClose }: { unit?: Unit; onClose: () => void }) {
  const [form] = Form.useForm();
  // Every unit for the parent picker; people are searched by the person pickers.
  const lookups = usePageLookups([]);
  const { formProps, modalProps } = useRecordSubmit<Unit, Partial<Unit>>(form, {
    table: 'units',
    validate: validateUnit,
    toDraft: (values) => values,
    existingId: unit?.id,
    onSaved: onClose,
  });
  return (
    <SaveDialog title={unit ? `编辑单位：${unit.name}` : '新建单位'} submit={modalProps} onClose={onClose}>
      <Form {...formProps} form={form} layout="vertical" initialValues={unit ?? { kind: '职能部门' }}>
        <Form.Item name="name" label="单位名称" required>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="kind" label="类别" required>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="parentId" label="上级单位（学生组织、社团填挂靠单位）">
          <UnitSelect lookups={lookups} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="firstResponsibleId" label="第一责任人" style={{ flex: 2 }}>
            <PersonPicker />
          </Form.Item>
          <Form.Item name="firstResponsibleRank" label="级别" style={{ flex: 1 }}>
            <Select allowClear options={RANKS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="partySecretaryId" label="党组织书记">
          <PersonPicker />
        </Form.Item>
        <Form.Item name="contactId" label="联络人">
          <PersonPicker />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input placeholder="例如 029-87092255 或 13800000000" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
