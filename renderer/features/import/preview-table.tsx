// Step 4 of the import: every data row with its problems. Rows with errors are red, duplicates
// orange; the clerk sees the row number as the spreadsheet shows it and the column at fault.
import { Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportPreview, PreviewRow } from '@shared/spreadsheet/convert';
import type { ColumnMapping } from '@shared/spreadsheet/mapping';

const ERROR_BG = '#fff1f0';
const DUPLICATE_BG = '#fff7e6';

export function rowState(r: PreviewRow): '可导入' | '有错误' | '重复' {
  if (r.duplicate) return '重复';
  return r.draft ? '可导入' : '有错误';
}

export function PreviewTable({ preview, mapping }: { preview: ImportPreview; mapping: ColumnMapping }) {
  const [problemsOnly, setProblemsOnly] = useState(false);
  const columns = mapping.flatMap((key, index) => (key ? [index] : []));
  const rows = problemsOnly ? preview.rows.filter((r) => rowState(r) !== '可导入') : preview.rows;

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={problemsOnly} onChange={setProblemsOnly} aria-label="只看有问题的行" />
        <span>只看有问题的行</span>
      </Space>
      <Table<PreviewRow>
        size="small"
        aria-label="导入预览"
        rowKey="rowNumber"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ style: { background: r.duplicate ? DUPLICATE_BG : r.draft ? undefined : ERROR_BG } })}
        columns={[
          { title: '行号', width: 64, fixed: 'left', render: (_, r) => `第 ${r.rowNumber} 行` },
          {
            title: '状态',
            width: 80,
            fixed: 'left',
            render: (_, r) => {
              const state = rowState(r);
              return <Tag color={state === '可导入' ? 'green' : state === '重复' ? 'orange' : 'red'}>{state}</Tag>;
            },
          },
          {
            title: '问题',
            width: 360,
            render: (_, r) =>
              r.duplicate ? (
                <Typography.Text type="warning">{r.duplicate}</Typography.Text>
              ) : (
                <Space orientation="vertical" size={0}>
                  {r.errors.map((e, i) => (
                    <Typography.Text key={i} type="danger">{`${e.column}：${e.message}`}</Typography.Text>
                  ))}
                </Space>
              ),
          },
          ...columns.map((index) => ({
            title: preview.headers[index] ?? '',
            key: `c${index}`,
            render: (_: unknown, r: PreviewRow) => r.cells[index] ?? '',
          })),
        ]}
      />
    </>
  );
}
