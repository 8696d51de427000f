// Step 3 of the import: each column of the clerk's sheet, its header and an example, and the
// field it is imported into (proposed from the header, editable; “不导入” leaves it out).
import { Select, Table, Tag } from 'antd';
import { cellText, type SheetData } from '@shared/spreadsheet/cells';
import { columnLetter, type ColumnMapping } from '@shared/spreadsheet/mapping';
import { TARGET_FIELDS, type ImportTarget } from '@shared/spreadsheet/targets';

const SKIP = '';

interface Props {
  sheet: SheetData;
  headerRow: number;
  headers: string[];
  target: ImportTarget;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

export function MappingTable({ sheet, headerRow, headers, target, mapping, onChange }: Props) {
  const fields = TARGET_FIELDS[target];
  const example = (col: number): string => {
    for (let r = headerRow + 1; r < Math.min(sheet.rows.length, headerRow + 30); r++) {
      const text = cellText(sheet.rows[r]?.[col] ?? null).trim();
      if (text) return [...text].slice(0, 40).join('');
    }
    return '';
  };
  const rows = headers.map((header, index) => ({ index, header, example: example(index) }));

  return (
    <Table
      size="small"
      aria-label="列的对应关系"
      rowKey="index"
      pagination={false}
      dataSource={rows}
      scroll={{ y: 420 }}
      columns={[
        { title: '列', width: 60, render: (_, r) => columnLetter(r.index) },
        { title: '表格中的标题', render: (_, r) => r.header },
        { title: '示例', render: (_, r) => r.example },
        {
          title: '导入为',
          width: 240,
          render: (_, r) => {
            const value = mapping[r.index] ?? null;
            return (
              <Select
                aria-label={`第 ${columnLetter(r.index)} 列“${r.header}”导入为`}
                style={{ width: 220 }}
                value={value ?? SKIP}
                onChange={(key: string) => {
                  // A field goes to one column only: taking it here frees it elsewhere.
                  const next = mapping.map((k, i) => (i === r.index ? key || null : k === key ? null : k));
                  while (next.length < headers.length) next.push(null);
                  onChange(next);
                }}
                options={[
                  { value: SKIP, label: '不导入' },
                  ...fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label })),
                ]}
              />
            );
          },
        },
        {
          title: '',
          width: 90,
          render: (_, r) => (mapping[r.index] ? <Tag color="green">将导入</Tag> : <Tag>不导入</Tag>),
        },
      ]}
    />
  );
}
