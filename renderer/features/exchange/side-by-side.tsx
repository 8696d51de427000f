// One record of an import, 本机 beside 导入 (or a duplicate account beside the stored one), every
// field either side fills, the differing ones marked. A record that belongs here to another unit is
// shown beside its stored copy, the local column naming references as stored here.
import { Table, Tag, Typography } from 'antd';
import type { FieldRow, PlanItem } from '@shared/exchange/plan';

const DIFF_STYLE = { background: '#fff7e6', fontWeight: 600 } as const;

function cell(text: string, row: FieldRow) {
  return <span style={row.differs ? DIFF_STYLE : undefined}>{text || <Typography.Text type="secondary">—</Typography.Text>}</span>;
}

export function SideBySide({ item }: { item: PlanItem }) {
  // A duplicate account not stored here under its id is shown beside the stored account it repeats.
  const localTitle =
    item.status === 'foreign' ? '本机（不属于导出单位）' : item.local ? '本机' : item.duplicates ? '本机已有的同类账号' : '本机（没有此记录）';
  return (
    <Table<FieldRow>
      aria-label={`${item.name}：本机与导入对比`}
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={item.fields}
      columns={[
        {
          title: '字段',
          width: 160,
          render: (_, row) => (
            <span>
              {row.label}
              {row.differs && (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  不同
                </Tag>
              )}
            </span>
          ),
        },
        { title: localTitle, width: '42%', render: (_, row) => cell(row.local, row) },
        { title: '导入', width: '42%', render: (_, row) => cell(row.incoming, row) },
      ]}
    />
  );
}
