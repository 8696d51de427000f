// The registry (台账): every platform with filters by kind, unit and status and a search that
// also matches pinyin and pinyin initials ("tsg" finds 图书馆).
import { Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { LIFECYCLE_STATUSES, PLATFORM_KINDS, PLATFORM_ROLE_FIELDS, currentFollowers, type Platform } from '@shared/domain/platform';
import { buildSearchKey, matchesSearch } from '@shared/search/pinyin-search';
import { compareZh } from '@shared/domain/collate';
import { useLookups, usePlatforms } from '../../db/queries';
import { navigate } from '../../app/routes';
import { PersonName } from '../../components/person-name';
import { useUiStore } from '../../state/ui-store';
import { PlatformForm } from './platform-form';
import { PlatformDetail } from './platform-detail';
import { warmUpPdf } from '../../pdf/pdf-client';
import { ExportButton } from '../export/export-button';
import { platformsTable } from '../export/list-tables';
import { STATUS_COLORS } from './platform-status';

export function PlatformsPage({ openId }: { openId?: string }) {
  const platforms = usePlatforms();
  const lookups = useLookups();
  const filters = useUiStore((s) => s.platformFilters);
  const setFilters = useUiStore((s) => s.setPlatformFilters);
  const [creating, setCreating] = useState(false);
  // Load the form fonts in the worker while the clerk browses, so 打印 opens quickly.
  useEffect(() => void warmUpPdf(), []);

  // Sorted and keyed once per change of the data, not per key press: a university has 10,000 platforms.
  const keyed = useMemo(
    () =>
      (platforms ?? [])
        .map((p) => ({
          p,
          key: buildSearchKey([p.name, p.accountId, p.kind, lookups.unitName(p.hostUnitId), lookups.personName(p.responsibleId)]),
        }))
        .sort((a, b) => compareZh(a.p.kind, b.p.kind) || compareZh(a.p.name, b.p.name)),
    [platforms, lookups],
  );
  // The search box stays responsive while typing: the list follows the query at low priority.
  const query = useDeferredValue(filters.query);
  const { kind, unitId, status } = filters;
  const rows = useMemo(
    () =>
      keyed
        .filter(
          ({ p, key }) =>
            (!kind || p.kind === kind) &&
            (!unitId || p.hostUnitId === unitId || p.sponsorUnitId === unitId) &&
            (!status || p.status === status) &&
            (!query || matchesSearch(key, query)),
        )
        .map(({ p }) => p),
    [keyed, kind, unitId, status, query],
  );

  if (openId) {
    const platform = platforms?.find((p) => p.id === openId);
    if (platforms && !platform) {
      return <Empty description="找不到该平台，它可能已被移入回收站。">{<Button onClick={() => navigate('platforms')}>返回台账</Button>}</Empty>;
    }
    return platform ? <PlatformDetail platform={platform} /> : null;
  }

  const leftHolders = (p: Platform) =>
    PLATFORM_ROLE_FIELDS.some(([f]) => lookups.people.get(p[f] as string)?.status === '离岗') ||
    p.sectionAdminIds.some((id) => lookups.people.get(id)?.status === '离岗') ||
    lookups.people.get(p.group?.ownerId ?? '')?.status === '离岗';

  return (
    <section aria-labelledby="platforms-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} id="platforms-title" style={{ margin: 0 }}>
          平台台账
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建平台
        </Button>
      </Space>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder="搜索名称、账号、单位（支持拼音和首字母）"
          aria-label="搜索平台"
          defaultValue={filters.query}
          onChange={(e) => setFilters({ query: e.target.value })}
        />
        <Select
          allowClear
          placeholder="平台类型"
          aria-label="按平台类型筛选"
          style={{ width: 140 }}
          value={filters.kind}
          options={PLATFORM_KINDS.map((k) => ({ value: k, label: k }))}
          onChange={(kind) => setFilters({ kind })}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="主办单位"
          aria-label="按单位筛选"
          style={{ width: 200 }}
          value={filters.unitId}
          options={[...lookups.units.values()].map((u) => ({ value: u.id, label: u.name }))}
          onChange={(unitId) => setFilters({ unitId })}
        />
        <Select
          allowClear
          placeholder="状态"
          aria-label="按状态筛选"
          style={{ width: 110 }}
          value={filters.status}
          options={LIFECYCLE_STATUSES.map((k) => ({ value: k, label: k }))}
          onChange={(status) => setFilters({ status })}
        />
        <Typography.Text type="secondary">共 {rows.length} 个</Typography.Text>
        <ExportButton fileName="平台台账" tables={() => [platformsTable(rows, lookups)]} />
      </Space>
      <Table<Platform>
        rowKey="id"
        loading={!platforms}
        dataSource={rows}
        pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(p) => ({ onDoubleClick: () => navigate('platforms', p.id) })}
        locale={{
          emptyText: (
            <Empty description={platforms?.length ? '没有符合条件的平台' : '台账还是空的，点击“新建平台”登记第一个账号'} />
          ),
        }}
        columns={[
          {
            title: '名称',
            render: (_, p) => (
              <Space size={4}>
                <a href={`#/platforms/${encodeURIComponent(p.id)}`}>{p.name}</a>
                {leftHolders(p) && <Tag color="red">有离岗人员</Tag>}
              </Space>
            ),
          },
          { title: '类型', dataIndex: 'kind', width: 100 },
          { title: '账号', dataIndex: 'accountId', ellipsis: true },
          { title: '主办单位', render: (_, p) => lookups.unitName(p.hostUnitId) },
          { title: '责任人', render: (_, p) => <PersonName id={p.responsibleId} lookups={lookups} role="责任人" /> },
          { title: '粉丝/成员', width: 100, render: (_, p) => (p.group ? p.group.memberCount : currentFollowers(p)) ?? '' },
          { title: '状态', width: 90, render: (_, p) => <Tag color={STATUS_COLORS[p.status]}>{p.status}</Tag> },
        ]}
      />
      {creating && <PlatformForm onClose={() => setCreating(false)} onSaved={(p) => navigate('platforms', p.id)} />}
    </section>
  );
}
