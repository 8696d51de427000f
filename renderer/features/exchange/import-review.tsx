// The import plan as the clerk reviews it: counts, then the records grouped 新增 / 重复账号 /
// 不属于导出单位 / 有更新 / 有冲突 / 相同, each with 本机 beside 导入; checkboxes (new and changed
// ticked, conflicts not; duplicate accounts, records that belong here to another unit, and what is
// held back with them cannot be ticked) and the merge button with a confirmation.
import { Alert, App as AntApp, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EXCHANGE_TABLE_LABELS, type ExchangePackage } from '@shared/exchange/format';
import {
  CONFLICT_REASON_TEXT,
  ITEM_STATUSES,
  STATUS_LABELS,
  UNMERGEABLE_STATUSES,
  itemsToWrite,
  selectionProblems,
  type ImportPlan,
  type ItemStatus,
  type PlanItem,
} from '@shared/exchange/plan';
import { db } from '../../db/database';
import { mergePackage, type MergeResult } from '../../db/exchange';
import { errorText } from '../../app/errors';
import { SideBySide } from './side-by-side';
import { useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';

const STATUS_COLORS: Record<ItemStatus, string> = { new: 'green', duplicate: 'orange', foreign: 'magenta', changed: 'blue', conflict: 'red', same: 'default' };
const EMPTY_TEXT: Record<ItemStatus, string> = {
  new: '没有新增的记录。',
  duplicate: '没有与本机已有账号重复的平台。',
  foreign: '没有在本机属于其他单位的记录。',
  changed: '没有需要更新的记录。',
  conflict: '没有冲突。',
  same: '没有与本机相同的记录。',
};

/**
 * Records the clerk may tick: never a duplicate account (merging it would double the registry) nor
 * a record that belongs here to another unit (the package has no say over it).
 */
const SELECTABLE: ReadonlySet<ItemStatus> = new Set(ITEM_STATUSES.filter((s) => !UNMERGEABLE_STATUSES.has(s)));

const DUPLICATE_INTRO =
  '本机已用另一个记录编号登记了与这些平台同一平台类型、同一账号ID的平台（例如从 Excel 台账导入时另行登记的）。合并会使台账中出现两条同一账号，因此不能勾选合并。展开可对照本机的记录和导入的记录。';

const FOREIGN_INTRO =
  '这些记录在本机已有，但在本机不属于导出单位或其下级单位：单位不在导出单位之下，平台的主办单位、备案所属平台的主办单位或人员的所在单位是其他单位（以本机的记录为准）。数据包只能更新导出单位自己的记录，因此不能勾选合并；数据包中的平台仍可以引用这些人员。可能是对方的台账与本机不一致，也可能是数据包被改动过。展开可对照本机的记录和导入的记录。';

function remark(item: PlanItem): string {
  const parts: string[] = [];
  if (item.reason) parts.push(CONFLICT_REASON_TEXT[item.reason]);
  if (item.note) parts.push(item.note);
  if (item.missing.length > 0) parts.push(`引用的${item.missing.map((m) => m.label).join('、')}在本机和数据包中都没有，合并后将显示为“已删除”`);
  return parts.join('；');
}

export function mergeSummary(result: MergeResult): string {
  const { new: added, changed, conflict } = result.byStatus;
  return `已合并 ${result.written} 条记录：新增 ${added} 条、更新 ${changed} 条、冲突中采用导入版本 ${conflict} 条。每条都已记入审计日志。`;
}

interface Props {
  pkg: ExchangePackage;
  plan: ImportPlan;
  fileName: string;
  /** Called after a merge with its result, so the page can compare again. */
  onMerged: (result: MergeResult) => void;
}

export function ImportReview({ pkg, plan, fileName, onMerged }: Props) {
  const timeZone = useTimeZone();
  const { modal } = AntApp.useApp();
  const [accepted, setAccepted] = useState<Set<string>>(() => new Set(plan.items.filter((i) => i.preselected).map((i) => i.key)));
  const [error, setError] = useState<string | null>(null);
  const toWrite = useMemo(() => itemsToWrite(plan, accepted), [plan, accepted]);
  const nothingToMerge = plan.counts.new + plan.counts.changed + plan.counts.conflict === 0;
  const nothingText =
    plan.counts.duplicate + plan.counts.foreign === 0
      ? '数据包中的记录与本机完全相同，无需合并。'
      : `数据包中没有可以合并的记录：其余记录与本机相同，${[plan.counts.duplicate > 0 && '重复账号', plan.counts.foreign > 0 && '不属于导出单位的记录'].filter(Boolean).join('和')}不能合并（见下方说明）。`;

  const setGroup = (status: ItemStatus, keys: string[]) =>
    setAccepted((prev) => {
      const next = new Set([...prev].filter((k) => plan.items.find((i) => i.key === k)?.status !== status));
      for (const k of keys) next.add(k);
      return next;
    });

  const merge = () => {
    setError(null);
    const problems = selectionProblems(plan, accepted);
    if (problems.length > 0) {
      setError(`未合并：${problems.join('')}`);
      return;
    }
    const count = (s: ItemStatus) => toWrite.filter((i) => i.status === s).length;
    modal.confirm({
      title: '确认合并所选记录？',
      content: `将写入 ${toWrite.length} 条记录（新增 ${count('new')} 条、更新 ${count('changed')} 条、冲突中采用导入版本 ${count('conflict')} 条），每条都记入审计日志。未勾选的记录保持本机现状。`,
      okText: '合并',
      cancelText: '取消',
      onOk: async () => {
        try {
          onMerged(await mergePackage(db, pkg, plan, accepted));
        } catch (e) {
          console.error('合并数据包失败', e);
          setError(errorText(e, '合并失败，本机数据未做任何更改'));
        }
      },
    });
  };

  return (
    <section aria-label="导入对比">
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="文件">{fileName}</Descriptions.Item>
        <Descriptions.Item label="导出单位">{pkg.unit.name}</Descriptions.Item>
        <Descriptions.Item label="所属学校">{pkg.institution || '—'}</Descriptions.Item>
        <Descriptions.Item label="导出时间">{instantText(pkg.exportedAt, timeZone)}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 16 }} aria-label="对比结果统计">
        {ITEM_STATUSES.map((s) => (
          <Tag key={s} color={STATUS_COLORS[s]} data-testid={`count-${s}`}>
            {STATUS_LABELS[s]} {plan.counts[s]}
          </Tag>
        ))}
      </Space>
      {nothingToMerge && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={nothingText} />}
      {ITEM_STATUSES.map((status) => {
        const items = plan.items.filter((i) => i.status === status);
        const selectable = SELECTABLE.has(status);
        return (
          <section key={status} aria-label={STATUS_LABELS[status]} style={{ marginBottom: 24 }}>
            <Typography.Title level={5}>
              {STATUS_LABELS[status]}（{items.length}）
            </Typography.Title>
            {status === 'duplicate' && items.length > 0 && <Typography.Paragraph type="secondary">{DUPLICATE_INTRO}</Typography.Paragraph>}
            {status === 'foreign' && items.length > 0 && <Typography.Paragraph type="secondary">{FOREIGN_INTRO}</Typography.Paragraph>}
            {items.length === 0 ? (
              <Typography.Text type="secondary">{EMPTY_TEXT[status]}</Typography.Text>
            ) : (
              <Table<PlanItem>
                rowKey="key"
                size="small"
                dataSource={items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                rowSelection={
                  selectable
                    ? {
                        selectedRowKeys: items.filter((i) => accepted.has(i.key)).map((i) => i.key),
                        onChange: (keys) => setGroup(status, keys as string[]),
                        // Held back with a duplicate account or a record of another unit (see blockDependents in plan.ts).
                        getCheckboxProps: (i) => ({ 'aria-label': `合并 ${EXCHANGE_TABLE_LABELS[i.table]} ${i.name}`, disabled: Boolean(i.blocked) }),
                      }
                    : undefined
                }
                expandable={
                  status !== 'same'
                    ? {
                        expandedRowRender: (i) => <SideBySide item={i} />,
                        defaultExpandedRowKeys: status === 'new' ? [] : items.map((i) => i.key),
                      }
                    : undefined
                }
                columns={[
                  { title: '类别', width: 110, render: (_, i) => EXCHANGE_TABLE_LABELS[i.table] },
                  { title: '名称', render: (_, i) => i.name },
                  {
                    title: status === 'same' ? '说明' : '不同的字段',
                    render: (_, i) => (status === 'new' || status === 'same' ? '' : i.fields.filter((f) => f.differs).map((f) => f.label).join('、')),
                  },
                  { title: '备注', render: (_, i) => remark(i) },
                ]}
              />
            )}
          </section>
        );
      })}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      {!nothingToMerge && (
        <Button type="primary" disabled={toWrite.length === 0} onClick={merge}>
          合并所选记录（{toWrite.length}）
        </Button>
      )}
    </section>
  );
}
