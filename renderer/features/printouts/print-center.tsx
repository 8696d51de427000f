// 打印中心: pick a form, pick records (or none for a blank form), preview one or batch-print many.
import { Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { getForm, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { matchesSearch } from '@shared/search/pinyin-search';
import { PrintPreview } from '../print/print-preview';
import { BatchPrintDialog } from './batch-print-dialog';
import { PRINTABLE_FORMS, loadFormRecords, type FormRecordChoice } from './form-records';
import { warmUpPdf } from '../../pdf/pdf-client';

export function PrintCenter() {
  const [formId, setFormId] = useState<FormId>(PRINTABLE_FORMS[0]!.id);
  const [choices, setChoices] = useState<FormRecordChoice[] | undefined>();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ record: FormRecordMap[FormId] | null } | null>(null);
  const [batch, setBatch] = useState<FormRecordMap[FormId][] | null>(null);
  const def = getForm(formId);

  useEffect(() => void warmUpPdf(), []);
  useEffect(() => {
    let live = true;
    setChoices(undefined);
    setSelected([]);
    void loadFormRecords(formId).then((c) => live && setChoices(c));
    return () => {
      live = false;
    };
  }, [formId]);

  const rows = useMemo(() => (choices ?? []).filter((c) => !query || matchesSearch(c.searchKey, query)), [choices, query]);
  const chosen = (choices ?? []).filter((c) => selected.includes(c.key)).map((c) => c.record);

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
        <Input.Search allowClear style={{ width: 260 }} placeholder="筛选（支持拼音首字母）" aria-label="筛选记录" onChange={(e) => setQuery(e.target.value)} />
        <Button disabled={rows.length === 0} onClick={() => setSelected(rows.map((r) => r.key))}>
          全选（{rows.length}）
        </Button>
        <Button disabled={selected.length !== 1} onClick={() => setPreview({ record: chosen[0]! })}>
          预览所选
        </Button>
        <Button type="primary" disabled={selected.length === 0} onClick={() => setBatch(chosen)}>
          批量打印所选（{selected.length}）
        </Button>
      </Space>
      <Table<FormRecordChoice>
        rowKey="key"
        size="small"
        loading={!choices}
        dataSource={rows}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="没有可打印此表格的记录；可打印空白表手工填写。" /> }}
        columns={[{ title: '记录', dataIndex: 'label' }]}
      />
      {preview && <PrintPreview formId={formId} record={preview.record} onClose={() => setPreview(null)} />}
      {batch && <BatchPrintDialog formId={formId} records={batch} onClose={() => setBatch(null)} />}
    </section>
  );
}
