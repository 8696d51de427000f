// 打印中心: pick a form, pick records (or none for a blank form), preview one or batch-print many.
// The list of records is built and searched in a worker (form-records.ts) and shown a page at a
// time: a university's hundred thousand reviews never pass through the window.
import { App as AntApp, Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import { useDeferredValue, useEffect, useState } from 'react';
import { getForm, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { showError } from '../../app/errors';
import { PrintPreview } from '../print/print-preview';
import { BatchPrintDialog } from './batch-print-dialog';
import { PRINTABLE_FORMS, isStaleList, openPickList, pickKeys, pickPage, pickRecords, type PickList, type PickPage, type PickRow } from './form-records';
import { usePdfWarmUpOnceShown } from '../../pdf/use-pdf-warm-up';

const PAGE_SIZE = 20;

export function PrintCenter() {
  const [formId, setFormId] = useState<FormId>(PRINTABLE_FORMS[0]!.id);
  const [built, setList] = useState<PickList | undefined>();
  // The list of the form chosen: until its list is built, the last form's is not offered.
  const list = built?.formId === formId ? built : undefined;
  const [typed, setTyped] = useState('');
  const query = useDeferredValue(typed.trim());
  const [page, setPage] = useState(1);
  const [found, setFound] = useState<(PickPage & { of: string }) | undefined>();
  usePdfWarmUpOnceShown(found !== undefined);
  const [picked, setPicked] = useState<{ formId: FormId; keys: string[] }>({ formId, keys: [] });
  // A choice belongs to its form: another form starts with none.
  const selected = picked.formId === formId ? picked.keys : [];
  const setSelected = (keys: string[]) => setPicked({ formId, keys });
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ record: FormRecordMap[FormId] | null } | null>(null);
  const [batch, setBatch] = useState<FormRecordMap[FormId][] | null>(null);
  const def = getForm(formId);
  const { message } = AntApp.useApp();

  useEffect(() => {
    let live = true;
    setList(undefined);
    setFound(undefined);
    openPickList(formId).then(
      (l) => live && setList(l),
      (e: unknown) => live && showError(e, '读取可打印的记录失败'),
    );
    return () => {
      live = false;
    };
  }, [formId]);
  useEffect(() => setPage(1), [query, list]);
  useEffect(() => {
    if (!list) return;
    let live = true;
    const of = `${list.list}|${query}`;
    pickPage(list, query, (page - 1) * PAGE_SIZE, PAGE_SIZE).then(
      (p) => live && setFound({ ...p, of }),
      (e: unknown) => live && !isStaleList(e) && showError(e, '读取可打印的记录失败'),
    );
    return () => {
      live = false;
    };
  }, [list, query, page]);

  // Rows shown are the current list's and query's; while the next page is read the last one stays.
  const current = found && list && found.of.startsWith(`${list.list}|`) ? found : undefined;
  const total = current && found?.of === `${list?.list}|${query}` ? current.total : undefined;

  /** Reads the chosen records, then hands them on; nothing happens if the list was replaced meanwhile. */
  const withChosen = (then: (records: FormRecordMap[FormId][]) => void) => {
    if (!list) return;
    setBusy(true);
    pickRecords(list, selected)
      .then((records) => {
        if (records.length === 0) void message.warning('所选记录已被删除或移入回收站，请重新选择。');
        else then(records);
      })
      .catch((e: unknown) => !isStaleList(e) && showError(e, '读取所选记录失败'))
      .finally(() => setBusy(false));
  };

  const selectAll = () => {
    if (!list) return;
    setBusy(true);
    pickKeys(list, query)
      .then((keys) => setPicked({ formId: list.formId, keys }))
      .catch((e: unknown) => !isStaleList(e) && showError(e, '读取可打印的记录失败'))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-label="打印中心">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="选择表格"
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 420 }}
          value={formId}
          options={PRINTABLE_FORMS.map((f) => ({ value: f.id, label: `${f.id} ${f.title}` }))}
          onChange={(v) => setFormId(v)}
        />
        <Button onClick={() => setPreview({ record: null })}>打印空白表</Button>
      </Space>
      <Typography.Paragraph type="secondary">
        依据：{def.source}。勾选记录后可逐份预览，或合并为一个 PDF 批量打印；每份表格都有自己的编号，打印后登记为“待签回”。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear style={{ width: 260 }} placeholder="筛选（支持拼音首字母）" aria-label="筛选记录" onChange={(e) => setTyped(e.target.value)} />
        <Button disabled={!total || busy} onClick={selectAll}>
          全选（{total ?? 0}）
        </Button>
        <Button disabled={selected.length !== 1 || busy} onClick={() => withChosen((r) => setPreview({ record: r[0]! }))}>
          预览所选
        </Button>
        <Button type="primary" disabled={selected.length === 0 || busy} loading={busy} onClick={() => withChosen(setBatch)}>
          批量打印所选（{selected.length}）
        </Button>
        {selected.length > 0 && (
          <Button type="link" onClick={() => setSelected([])}>
            清除选择
          </Button>
        )}
      </Space>
      <Table<PickRow>
        rowKey="key"
        size="small"
        loading={total === undefined}
        dataSource={current?.rows ?? []}
        rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys.map(String)) }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: current?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
        locale={{ emptyText: <Empty description={query ? '没有符合筛选条件的记录' : '没有可打印此表格的记录；可打印空白表手工填写。'} /> }}
        columns={[{ title: '记录', dataIndex: 'label' }]}
      />
      {preview && <PrintPreview formId={formId} record={preview.record} onClose={() => setPreview(null)} />}
      {batch && <BatchPrintDialog formId={formId} records={batch} onClose={() => setBatch(null)} />}
    </section>
  );
}
