// The one register page: a title with the page's buttons, an optional notice, and the list
// itself — search box, filters, count, export and a paged table. Every register (平台台账, 发布审核,
// 人员 …) is this shell with its own columns and filters, so a change to how lists look, search or
// page is made here once.
import { Input, Select, Space, Typography } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type Key, type ReactNode } from 'react';
import type { ExportSource } from '@shared/spreadsheet/export-table';
import { ExportButton } from '../features/export/export-button';
import { RegisterTable, type RegisterColumns, type RegisterTableProps } from './register-table';

/** The page around a register: heading (labelled for screen readers), buttons, notices, content. */
export function RegisterPage({
  title,
  titleId,
  actions,
  children,
}: {
  title: string;
  /** The heading's id, which the section is labelled by (e.g. 'platforms-title'). */
  titleId: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={titleId}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} id={titleId} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {actions && <Space wrap>{actions}</Space>}
      </Space>
      {children}
    </section>
  );
}

interface FilterSelectProps<V extends string> {
  label: string;
  ariaLabel?: string;
  /** The values, shown as they are, or with labels of their own (e.g. a unit's name for its id). */
  values: readonly V[] | readonly { value: V; label: string }[];
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  width?: number;
  /** Typing narrows the list (for long lists such as units). */
  searchable?: boolean;
}

/**
 * A filter of a register: one value out of a list, or all of them when cleared. Its label is the
 * placeholder and, as 按…筛选, its accessible name (e2e tests find it by that). Drawn again only
 * when what it shows changes, not at every key typed in the register's search box (its page
 * re-renders then, with a new onChange each time: the newest is called through a ref).
 */
export function FilterSelect<V extends string>(props: FilterSelectProps<V>) {
  const latest = useRef(props.onChange);
  useEffect(() => {
    latest.current = props.onChange;
  });
  const onChange = useCallback((value: V | undefined) => latest.current(value), []);
  return <FilterSelectView<V> {...props} onChange={onChange} />;
}

function FilterSelectViewOf<V extends string>({ label, ariaLabel = `按${label}筛选`, values, value, onChange, width = 130, searchable = false }: FilterSelectProps<V>) {
  const options = useMemo(() => values.map((v) => (typeof v === 'string' ? { value: v, label: v } : v)), [values]);
  return (
    <Select<V>
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      placeholder={label}
      aria-label={ariaLabel}
      style={{ width }}
      value={value}
      options={options}
      onChange={onChange}
    />
  );
}

// memo() loses the type parameter; the cast gives it back.
const FilterSelectView = memo(FilterSelectViewOf) as typeof FilterSelectViewOf;

export interface RegisterSearch {
  /** The query as kept (the box starts with it when the clerk comes back to the page). */
  value: string;
  onChange: (query: string) => void;
  placeholder: string;
  /** The box's accessible name (e2e tests find it by this). */
  label: string;
  width?: number;
}

/**
 * How the table pages: `total` present means the rows given are one page the caller read from the
 * database (server-side paging); without it the rows are all the rows and the table pages them.
 */
export interface RegisterPaging {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /**
   * A read for this page or these filters is under way and the rows shown are the last read's:
   * the list says so (busy at once for assistive technology and tests; once the read has taken
   * BUSY_SHOWN_AFTER_MS, so a quick read does not flicker, 正在查找… in place of the count and the
   * rows greyed under a spinner).
   */
  pending?: boolean;
}

/** How long a read of a page may take before the rows shown are covered by a spinner. */
export const BUSY_SHOWN_AFTER_MS = 300;

export interface RegisterListProps<T> {
  search?: RegisterSearch;
  /** Filter controls after the search box. */
  filters?: ReactNode;
  /** The count shown after the filters, e.g. `共 12 个`. */
  count?: ReactNode;
  /** File name and tables of 导出 Excel, built when clicked (an export reads what it needs then). */
  exportAs?: { fileName: string; tables: () => ExportSource[] | Promise<ExportSource[]> };
  /** More controls at the end of the toolbar. */
  extra?: ReactNode;
  rows: readonly T[] | undefined;
  rowKey: keyof T & string | ((row: T) => Key);
  columns: RegisterColumns<T>;
  /** Client-side paging size when `paging` is absent. */
  pageSize?: number;
  paging?: RegisterPaging;
  empty: ReactNode;
  onOpen?: (row: T) => void;
  size?: RegisterTableProps<T>['size'];
  /** Accessible name of the table. */
  label?: string;
}

/** The toolbar (search, filters, count, export) and the paged table of a register. */
export function RegisterList<T extends object>({
  search,
  filters,
  count,
  exportAs,
  extra,
  rows,
  rowKey,
  columns,
  pageSize = 25,
  paging,
  empty,
  onOpen,
  size,
  label,
}: RegisterListProps<T>) {
  // The table, the search box and the export button are drawn again only when what they show
  // changes, not at every key typed or page read (the page re-renders then, with new callbacks):
  // callbacks are passed through refs. The search box keeps its own text (the query it started with).
  const latest = useRef({ onOpen, onPage: paging?.onPage, onSearch: search?.onChange, exportTables: exportAs?.tables });
  useEffect(() => {
    latest.current = { onOpen, onPage: paging?.onPage, onSearch: search?.onChange, exportTables: exportAs?.tables };
  });
  const openRow = useCallback((row: T) => latest.current.onOpen?.(row), []);
  const onPage = useCallback((page: number) => latest.current.onPage?.(page), []);
  const onSearch = useCallback((query: string) => latest.current.onSearch?.(query), []);
  const exportTables = useCallback(() => latest.current.exportTables?.() ?? [], []);
  const [startQuery] = useState(search?.value ?? '');
  const pending = paging?.pending ?? false;
  const busyShown = useTrueAfter(pending, BUSY_SHOWN_AFTER_MS);
  return (
    <>
      {(search || filters || count !== undefined || exportAs || extra) && (
        <Space style={{ marginBottom: 16 }} wrap>
          {search && <SearchBox value={startQuery} onChange={onSearch} placeholder={search.placeholder} label={search.label} width={search.width} />}
          {filters}
          {count !== undefined && <Typography.Text type="secondary">{busyShown ? '正在查找…' : count}</Typography.Text>}
          {exportAs && <ListExport fileName={exportAs.fileName} tables={exportTables} />}
          {extra}
        </Space>
      )}
      {/* Busy for assistive technology and tests at once; the table itself is drawn again only once
          the read has taken a while (busyShown), not twice at every key typed. */}
      <div aria-busy={rows === undefined || pending}>
        <PagedTable<T>
          rowKey={rowKey}
          size={size}
          label={label}
          rows={rows}
          columns={columns}
          pageSize={pageSize}
          page={paging?.page}
          pagingSize={paging?.pageSize}
          total={paging?.total}
          busyShown={busyShown}
          onPage={onPage}
          onOpen={onOpen && openRow}
          empty={empty}
        />
      </div>
    </>
  );
}

interface PagedTableProps<T> {
  rowKey: RegisterListProps<T>['rowKey'];
  size: RegisterListProps<T>['size'];
  label: string | undefined;
  rows: readonly T[] | undefined;
  columns: RegisterColumns<T>;
  /** Client-side page size (no `page`). */
  pageSize: number;
  /** Server-side paging: the page shown, its size and the total. */
  page: number | undefined;
  pagingSize: number | undefined;
  total: number | undefined;
  /** A read under way has taken long enough to be shown over the rows. */
  busyShown: boolean;
  onPage: (page: number) => void;
  onOpen: ((row: T) => void) | undefined;
  empty: ReactNode;
}

function PagedTableOf<T extends object>({ rowKey, size, label, rows, columns, pageSize, page, pagingSize, total, busyShown, onPage, onOpen, empty }: PagedTableProps<T>) {
  // Before the first read nothing is shown, so the spinner comes at once; over rows already shown
  // (the last query's), only once the read has taken a while.
  const paging = useMemo(
    () => (page !== undefined ? { page, pageSize: pagingSize ?? pageSize, total: total ?? 0, onPage } : { pageSize }),
    [page, pagingSize, pageSize, total, onPage],
  );
  return <RegisterTable<T> rowKey={rowKey} size={size} label={label} loading={rows === undefined || busyShown} rows={rows} paging={paging} onOpen={onOpen} empty={empty} columns={columns} />;
}

// memo() loses the type parameter; the cast gives it back.
const PagedTable = memo(PagedTableOf) as typeof PagedTableOf;

/**
 * The search box. It keeps its own text so typing never waits for the list; the list follows the
 * query the page keeps (a page read from the database is drawn when the read answers; a list
 * filtered in the window reads the query through useDeferredValue, so rendering rows yields to keys).
 */
const SearchBox = memo(function SearchBox({ value, onChange, placeholder, label, width = 280 }: RegisterSearch) {
  return <Input.Search allowClear style={{ width }} placeholder={placeholder} aria-label={label} defaultValue={value} onChange={(e) => onChange(e.target.value)} />;
});

/** The export button of a list, drawn again only when its file name changes (its tables are read when clicked). */
const ListExport = memo(ExportButton);

/** True once `flag` has been true for `ms` without a break; false as soon as it is false. */
function useTrueAfter(flag: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) return setShown(false);
    const timer = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(timer);
  }, [flag, ms]);
  return flag && shown;
}

/** The page number of a paged list: back to 1 whenever `resetKey` (the filters and query) changes. */
export function useListPage(resetKey: string): [number, (page: number) => void] {
  const [state, setState] = useState({ key: resetKey, page: 1 });
  const page = state.key === resetKey ? state.page : 1;
  const setPage = useCallback((next: number) => setState({ key: resetKey, page: next }), [resetKey]);
  return [page, setPage];
}
