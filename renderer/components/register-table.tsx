// The table of a register (平台台账, 发布审核, 人员 …): a plain HTML table in the look of antd's
// (drawn from the theme's tokens), with antd's pagination, spinner and empty state. A register
// draws a new page of rows at every key typed into its search box, and antd's Table spent about
// 30 ms of each such key on its own machinery (a component, contexts and hooks per cell) before
// the rows' contents; this table draws only the rows' cells. Registers need no more of a table
// than this: a title, a width, one-line cells and a render per column.
import { Empty, Pagination, Spin, theme } from 'antd';
import { memo, useEffect, useState, type CSSProperties, type Key, type ReactNode } from 'react';

export interface RegisterColumn<T> {
  title: ReactNode;
  /** The row's field shown as it is, or handed to `render` as its first argument. */
  dataIndex?: keyof T & string;
  /** The cell's content (the first argument is the field named by `dataIndex`, if any). */
  render?: (value: never, row: T, index: number) => ReactNode;
  /** In pixels; columns without one share what is left, each at least FLEXIBLE_MIN. */
  width?: number;
  /** One line, cut with … and the whole text as its tooltip (the table is then laid out fixed). */
  ellipsis?: boolean;
}

export type RegisterColumns<T> = readonly RegisterColumn<T>[];

/** The narrowest a column without a width of its own is drawn, in pixels (about six characters and the cell's padding). */
export const FLEXIBLE_MIN = 120;

/**
 * Paging: `total` present means `rows` are one page the caller read (server-side paging, the page
 * chosen by the caller); without it `rows` are every row and the table pages them itself.
 */
export type TablePaging = { page: number; pageSize: number; total: number; onPage: (page: number) => void } | { pageSize: number };

export interface RegisterTableProps<T> {
  rows: readonly T[] | undefined;
  rowKey: (keyof T & string) | ((row: T) => Key);
  columns: RegisterColumns<T>;
  paging: TablePaging;
  /** A spinner over the rows (no rows yet, or a read under way long enough to show). */
  loading: boolean;
  empty: ReactNode;
  onOpen?: (row: T) => void;
  size?: 'small' | 'middle' | 'large';
  /** The table's accessible name. */
  label?: string;
}

function keyOf<T>(rowKey: RegisterTableProps<T>['rowKey'], row: T): Key {
  return typeof rowKey === 'function' ? rowKey(row) : (row[rowKey] as Key);
}

function cellOf<T>(column: RegisterColumn<T>, row: T, index: number): ReactNode {
  const value = column.dataIndex === undefined ? undefined : row[column.dataIndex];
  return column.render ? column.render(value as never, row, index) : (value as ReactNode);
}

/** The look of antd's table, from the theme (the app's primary colour and radius included). */
function useTableLook(size: RegisterTableProps<unknown>['size']): CSSProperties {
  const { token } = theme.useToken();
  const [block, inline] = size === 'small' ? [token.paddingXS, token.paddingXS] : size === 'middle' ? [token.paddingSM, token.paddingXS] : [token.padding, token.padding];
  return {
    '--ledger-table-pad': `${block}px ${inline}px`,
    '--ledger-table-bg': token.colorBgContainer,
    '--ledger-table-head-bg': token.colorFillAlter,
    '--ledger-table-head-color': token.colorTextHeading,
    '--ledger-table-head-weight': token.fontWeightStrong,
    '--ledger-table-border': token.colorBorderSecondary,
    '--ledger-table-radius': `${token.borderRadiusLG}px`,
    '--ledger-table-color': token.colorText,
    '--ledger-table-secondary': token.colorTextSecondary,
    '--ledger-table-font': `${token.fontSize}px`,
    '--ledger-table-line': token.lineHeight,
  } as CSSProperties;
}

export function RegisterTable<T>({ rows, rowKey, columns, paging, loading, empty, onOpen, size, label }: RegisterTableProps<T>) {
  const look = useTableLook(size);
  const [ownPage, setOwnPage] = useState(1);
  const all = rows ?? [];
  let shown: readonly T[] = all;
  let bar: { page: number; pageSize: number; total: number; onPage: (page: number) => void };
  if ('total' in paging) bar = paging;
  else {
    // Paged here: a page past the end (the list shrank) shows the last page.
    const page = Math.min(ownPage, Math.max(1, Math.ceil(all.length / paging.pageSize)));
    shown = all.slice((page - 1) * paging.pageSize, page * paging.pageSize);
    bar = { page, pageSize: paging.pageSize, total: all.length, onPage: setOwnPage };
  }
  // Paged in the database: a page past the end (its last row deleted or signed back, or the list
  // shrank) is read empty; the last page is asked for instead.
  const lastPage = Math.max(1, Math.ceil(bar.total / bar.pageSize));
  const pastEnd = 'total' in paging && rows?.length === 0 && bar.page > lastPage ? lastPage : undefined;
  const onPage = bar.onPage;
  useEffect(() => {
    if (pastEnd !== undefined) onPage(pastEnd);
  }, [pastEnd, onPage]);
  const fixed = columns.some((c) => c.ellipsis);
  // Never narrower than its columns: the widths given, and FLEXIBLE_MIN for each column without
  // one. A narrower window scrolls the table sideways instead of squeezing a free-text column to a
  // character per line (Chinese text may break after any character).
  const minWidth = columns.reduce((sum, c) => sum + (c.width ?? FLEXIBLE_MIN), 0);
  return (
    <div className="ledger-table" style={look}>
      <Spin spinning={loading}>
        <div className="ledger-table-scroll">
          <table aria-label={label} style={{ minWidth, ...(fixed && { tableLayout: 'fixed' }) }}>
            <colgroup>
              {columns.map((c, i) => (
                <col key={i} style={c.width === undefined ? undefined : { width: c.width }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th key={i} scope="col" className={c.ellipsis ? 'ledger-cell-ellipsis' : undefined} title={c.ellipsis && typeof c.title === 'string' ? c.title : undefined}>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.length > 0 ? (
                shown.map((row, index) => {
                  const key = keyOf(rowKey, row);
                  return <Row<T> key={key} rowKey={key} row={row} index={index} columns={columns} onOpen={onOpen} />;
                })
              ) : (
                <tr className="ledger-table-empty">
                  {/* While the first read is under way, the spinner alone: no 'nothing found' before anything was looked for. */}
                  <td colSpan={columns.length}>{rows === undefined ? <div className="ledger-table-waiting" /> : <Empty description={empty} />}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Spin>
      <PageBar page={bar.page} pageSize={bar.pageSize} total={bar.total} onPage={bar.onPage} />
    </div>
  );
}

function Row<T>({ row, rowKey, index, columns, onOpen }: { row: T; rowKey: Key; index: number; columns: RegisterColumns<T>; onOpen: ((row: T) => void) | undefined }) {
  return (
    <tr data-row-key={rowKey} onDoubleClick={onOpen && (() => onOpen(row))}>
      {columns.map((c, i) => {
        const content = cellOf(c, row, index);
        return (
          <td key={i} className={c.ellipsis ? 'ledger-cell-ellipsis' : undefined} title={c.ellipsis && (typeof content === 'string' || typeof content === 'number') ? String(content) : undefined}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}

/** antd's pagination under the rows, at the end; none for a single page. Drawn again only when the page or count changes. */
const PageBar = memo(function PageBar({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  return (
    <div className="ledger-table-pages">
      <Pagination current={page} pageSize={pageSize} total={total} onChange={onPage} hideOnSinglePage showSizeChanger={false} />
    </div>
  );
});
