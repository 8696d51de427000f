// The registry (台账): every platform with filters by kind, unit and status and a search that
// also matches pinyin and pinyin initials ("tsg" finds 图书馆). The list reads one page at a time
// from the search worker's index (renderer/db/register-index.ts), never the whole table.
import { Button, Empty} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { LIFECYCLE_STATUSES, PLATFORM_KINDS, currentFollowers, type Platform } from '@shared/domain/platform';
import { db } from '../../db/database';
import { usePageLookups, type Lookups } from '../../db/queries';
import { startPlatformPage, usePlatformPage, warmRegister } from '../../db/register-index';
import type { PlatformFilter } from '@shared/search/register-index';
import { navigate, routeHref } from '../../app/routes';
import { PersonName } from '../../components/person-name';
import { FilterSelect, RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import type { RegisterColumns } from '../../components/register-table';
import { useUiStore, type PlatformFilters } from '../../state/ui-store';
import { PlatformForm } from './platform-form';
import { PlatformDetail } from './platform-detail';
import { usePdfWarmUpOnceShown } from '../../pdf/use-pdf-warm-up';
import { platformsSheet } from '../export/list-tables';
import { STATUS_COLORS } from './platform-status';
import { platformPersonIds } from '@shared/domain/roles';
import { StatusTag } from '../../components/status-tag';

const PAGE_SIZE = 25;

/** What the list asks the search worker for: the filters as chosen, the query as typed (trimmed). */
function platformFilter(filters: PlatformFilters): PlatformFilter {
  return { kind: filters.kind, unitId: filters.unitId, status: filters.status, query: filters.query?.trim() || undefined };
}

export function PlatformsPage({ openId }: { openId?: string }) {
  if (openId) return <OpenedPlatform id={openId} />;
  return <PlatformList />;
}

function OpenedPlatform({ id }: { id: string }) {
  // null: read, not there (or in the trash); undefined: still reading.
  const platform = useLiveQuery(async () => {
    const p = await db.platforms.get(id);
    return p && !p.deletedAt ? p : null;
  }, [id]);
  if (platform === null) {
    return <Empty description="找不到该平台，它可能已被移入回收站。">{<Button onClick={() => navigate('platforms')}>返回台账</Button>}</Empty>;
  }
  return platform ? <PlatformDetail platform={platform} /> : null;
}

function PlatformList() {
  const filters = useUiStore((s) => s.platformFilters);
  const setFilters = useUiStore((s) => s.setPlatformFilters);
  const [creating, setCreating] = useState(false);
  useEffect(() => void warmRegister('platforms'), []);

  // The query goes straight to the page read: the list is drawn again only when that read
  // answers, so typing never waits for it (a deferred query only added a render before the read).
  const filter = platformFilter(filters);
  const [page, setPage] = useListPage(JSON.stringify(filter));
  const data = usePlatformPage(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  usePdfWarmUpOnceShown(data !== undefined);
  const found = data?.total;
  // Units for the filter before the first page arrives (a few hundred, read once).
  const unitsOnly = usePageLookups([]);
  const lookups = data?.lookups ?? unitsOnly;

  // Drawn again only when the rows' names change, not at every key typed in the search box.
  const columns = useMemo(() => platformColumns(lookups), [lookups]);
  const unitOptions = useMemo(() => [...unitsOnly.units.values()].map((u) => ({ value: u.id, label: u.name })), [unitsOnly]);
  const anyFilter = Boolean(filter.kind || filter.unitId || filter.status || filter.query);
  // A key typed: the first page's read starts now, while the list is drawn for the new query.
  const searchFor = (query: string) => {
    const next = platformFilter({ ...filters, query });
    if (JSON.stringify(next) !== JSON.stringify(filter)) startPlatformPage(next, PAGE_SIZE);
    setFilters({ query });
  };
  // The same element at every read, so the button is not drawn again at every key typed.
  const actions = useMemo(
    () => (
      <Button type="primary" onClick={() => setCreating(true)}>
        新建平台
      </Button>
    ),
    [],
  );

  return (
    <RegisterPage title="平台台账" titleId="platforms-title" actions={actions}>
      <RegisterList<Platform>
        search={{ value: filters.query ?? '', onChange: (query) => searchFor(query), placeholder: '搜索名称、账号、单位（支持拼音和首字母）', label: '搜索平台' }}
        filters={
          <>
            <FilterSelect label="平台类型" width={140} values={PLATFORM_KINDS} value={filters.kind} onChange={(kind) => setFilters({ kind })} />
            <FilterSelect
              label="主办单位"
              ariaLabel="按单位筛选"
              width={200}
              searchable
              values={unitOptions}
              value={filters.unitId}
              onChange={(unitId) => setFilters({ unitId })}
            />
            <FilterSelect label="状态" width={110} values={LIFECYCLE_STATUSES} value={filters.status} onChange={(status) => setFilters({ status })} />
          </>
        }
        count={found === undefined ? undefined : `共 ${found} 个`}
        exportAs={{ fileName: '平台台账', tables: async () => [await platformsSheet(filter)] }}
        rows={data?.rows}
        rowKey="id"
        label="平台台账"
        paging={{ page, pageSize: PAGE_SIZE, total: found ?? 0, onPage: setPage, pending: data?.pending }}
        onOpen={(p) => navigate('platforms', p.id)}
        empty={anyFilter || found ? '没有符合条件的平台' : '台账还是空的，点击“新建平台”登记第一个账号'}
        columns={columns}
      />
      {creating && <PlatformForm onClose={() => setCreating(false)} onSaved={(p) => navigate('platforms', p.id)} />}
    </RegisterPage>
  );
}

function platformColumns(lookups: Lookups): RegisterColumns<Platform> {
  const leftHolders = (p: Platform) => platformPersonIds(p).some((id) => id && lookups.people.get(id)?.status === '离岗');
  return [
    {
      title: '名称',
      render: (_, p) => (
        <span className="ledger-cell-line">
          <a href={routeHref('platforms', p.id)}>{p.name}</a>
          {leftHolders(p) && <StatusTag color="red">有离岗人员</StatusTag>}
        </span>
      ),
    },
    // Wide enough for the longest kinds (微信公众号) on one line.
    { title: '类型', dataIndex: 'kind', width: 110 },
    { title: '账号', dataIndex: 'accountId', width: 150, ellipsis: true },
    { title: '主办单位', render: (_, p) => lookups.unitName(p.hostUnitId) },
    { title: '责任人', width: 110, render: (_, p) => <PersonName id={p.responsibleId} lookups={lookups} role="责任人" /> },
    { title: '粉丝/成员', width: 100, render: (_, p) => (p.group ? p.group.memberCount : currentFollowers(p)) ?? '' },
    { title: '状态', width: 90, render: (_, p) => <StatusTag color={STATUS_COLORS[p.status]}>{p.status}</StatusTag> },
  ];
}
