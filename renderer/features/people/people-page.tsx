// People (人员): list, create, edit, move to trash; 离岗 people who still hold roles are flagged.
import { Alert, Button, Form, Input, Radio, Select, Space, Switch} from 'antd';
import dayjs from 'dayjs';
import { useDeferredValue, useEffect, useState } from 'react';
import { PERSON_STATUSES, type Person } from '@shared/domain/person';
import { RANKS } from '@shared/domain/unit';
import { validatePerson } from '@shared/domain/validation';
import { useFlaggedPeople, usePeoplePage, usePeopleRoles, warmPeople } from '../../db/people-index';
import { usePageLookups } from '../../db/queries';
import { DateField } from '../../components/date-field';
import { UnitSelect } from '../../components/record-select';
import { rowActionsColumn } from '../../components/row-actions';
import { useRecordSubmit } from '../../components/use-record-submit';
import { FilterSelect, RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import { peopleSheet } from '../export/list-tables';
import { DeletePersonDialog } from './delete-person-dialog';
import { useKeptFilter } from '../../state/kept-filter';
import { SaveDialog } from '../../components/save-dialog';
import { FLAGGED_NAMED, flaggedNames } from '../../components/flagged-people';
import { StatusTag } from '../../components/status-tag';

const PAGE_SIZE = 20;

export function PeoplePage() {
  const [query, setQuery] = useKeptFilter('people.query', '');
  const [status, setStatus] = useKeptFilter<string | undefined>('people.status', undefined);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  useEffect(() => warmPeople(), []);

  // The list follows the deferred query, so typing never waits for it.
  const deferred = useDeferredValue(query);
  const filter = { status, query: deferred.trim() || undefined };
  const [page, setPage] = useListPage(JSON.stringify(filter));
  const data = usePeoplePage(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const roles = usePeopleRoles(data?.rows.map((p) => p.id) ?? []);
  const flagged = useFlaggedPeople() ?? [];
  const unitName = (id: string | undefined) => data?.lookups.unitName(id) ?? '';

  return (
    <RegisterPage
      title="人员"
      titleId="people-title"
      actions={
        <Button type="primary" onClick={() => setEditing('new')}>
          新建人员
        </Button>
      }
    >
      {flagged.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${flagged.length} 位已离岗人员仍登记在岗位上：${flaggedNames(flagged.map((p) => p.name))}。请在相应的平台或单位中更换人员${flagged.length > FLAGGED_NAMED ? '；“状态”选“离岗”可逐一查看' : ''}。`}
        />
      )}
      <RegisterList<Person>
        search={{ value: query, onChange: setQuery, placeholder: '搜索姓名、单位（支持拼音）', label: '搜索人员', width: 240 }}
        filters={
          <FilterSelect<string> label="状态" width={100} values={PERSON_STATUSES} value={status} onChange={setStatus} />
        }
        exportAs={{ fileName: '人员', tables: async () => [await peopleSheet(filter)] }}
        rowKey="id"
        rows={data?.rows}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage, pending: data?.pending }}
        empty={deferred || status ? '没有符合条件的人员' : '还没有人员，点击“新建人员”添加'}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '单位', width: 160, render: (_, p) => unitName(p.unitId) },
          { title: '职务/岗位', dataIndex: 'title', width: 130 },
          { title: '电话', dataIndex: 'phone', width: 130 },
          { title: '教师', width: 70, render: (_, p) => (p.isTeacher ? '是' : '否') },
          {
            title: '状态',
            width: 140,
            render: (_, p) =>
              p.status === '离岗' ? (
                <StatusTag color="red">离岗{p.statusDate ? ` ${p.statusDate}` : ''}</StatusTag>
              ) : (
                <StatusTag color="green">在岗</StatusTag>
              ),
          },
          {
            title: '担任角色',
            render: (_, p) => {
              const held = roles?.get(p.id) ?? [];
              return (
                <span className={p.status === '离岗' && held.length ? 'ledger-flag' : undefined}>
                  {held.slice(0, 3).join('；')}
                  {held.length > 3 ? ` 等${held.length}项` : ''}
                </span>
              );
            },
          },
          rowActionsColumn<Person>('people', setEditing, setDeleting),
        ]}
      />
      {deleting && <DeletePersonDialog person={deleting} onClose={() => setDeleting(null)} />}
      {editing && <PersonDialog person={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </RegisterPage>
  );
}

type PersonFormValues = Omit<Partial<Person>, 'statusDate'> & { statusDate?: dayjs.Dayjs };

function PersonDialog({ person, onClose }: { person?: Person; onClose: () => void }) {
  const [form] = Form.useForm<PersonFormValues>();
  // The unit picker needs every unit (a few hundred), not every person.
  const lookups = usePageLookups([]);
  const status = Form.useWatch('status', form);
  const { formProps, modalProps } = useRecordSubmit<Person, PersonFormValues>(form, {
    table: 'people',
    validate: validatePerson,
    toDraft: (values) => ({ ...values, statusDate: values.statusDate ? dayjs(values.statusDate).format('YYYY-MM-DD') : undefined }),
    existingId: person?.id,
    onSaved: onClose,
  });
  return (
    <SaveDialog title={person ? `编辑人员：${person.name}` : '新建人员'} submit={modalProps} onClose={onClose}>
      <Form<PersonFormValues>
        {...formProps}
        form={form}
        layout="vertical"
        initialValues={
          person
            ? { ...person, statusDate: person.statusDate ? dayjs(person.statusDate) : undefined }
            : { status: '在岗', isTeacher: false }
        }
      >
        <Form.Item name="name" label="姓名" required>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="unitId" label="单位">
          <UnitSelect lookups={lookups} />
        </Form.Item>
        <Form.Item name="title" label="职务/岗位">
          <Input placeholder="例如：党委书记、科长、辅导员" />
        </Form.Item>
        <Form.Item name="rank" label="职级（部分规则要求审核人为处级领导）">
          <Select allowClear placeholder="未登记" options={RANKS.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item name="phone" label="电话">
          <Input placeholder="例如 13800000000 或 029-87092255" />
        </Form.Item>
        <Form.Item name="isTeacher" label="是否为教师（部分规则要求审核人为教师）" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Space>
          <Form.Item name="status" label="状态" required>
            <Radio.Group options={PERSON_STATUSES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item name="statusDate" label={status === '离岗' ? '离岗日期' : '状态变更日期'}>
            <DateField />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
