// 发布审核 (先审后发): every item reviewed before it is published, with the chain of the profile in
// force. The list filters by platform, unit, status and month and says what each item waits for
// and from whom; the figures tab counts per unit and platform for the year-end assessment
// (000 第十二条, 002 第十一条). Both export to Excel. The list reads one page at a time (newest
// first from the createdAt index, or the search worker's ids for a filter), never every review.
import { Button, DatePicker, Space, Table, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RuleProfile } from '@shared/profiles/types';
import { dayOf, profileZone } from '@shared/domain/time-zone';
import { stringsIn } from '@shared/domain/ids';
import { REVIEW_STATUSES, chainFor, type ReviewStatus } from '@shared/rules/review-chain';
import type { ReviewFilter } from '@shared/search/register-index';
import { db } from '../../db/database';
import { type Lookups, readPageLookups, usePageLookups, useSettings } from '../../db/queries';
import { usePaged } from '../../db/paged-read';
import { reviewIds, useReviewPage, warmRegister } from '../../db/register-index';
import { navigate, routeHref } from '../../app/routes';
import { UnitSelect } from '../../components/record-select';
import { PlatformPicker } from '../../components/platform-picker';
import { FilterSelect, RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import type { RegisterColumns } from '../../components/register-table';
import { ExportButton } from '../export/export-button';
import { todayField } from '../../components/date-field';
import { reviewsSheet } from '../export/list-tables';
import { reviewRowsOf, type ReviewListRow } from '../export/review-sheet';
import { FIGURE_HEADER, figureCells, type FigureRow } from './review-figures';
import { readReviewFigures } from './figures-read';
import { ReviewDialog } from './review-dialog';
import { ReviewDrawer } from './review-drawer';
import { SensitiveWordsDialog } from './sensitive-words-dialog';
import { STATUS_COLORS } from './review-format';
import { useKeptFilter } from '../../state/kept-filter';
import { StatusTag } from '../../components/status-tag';

type Dialog = 'new' | 'words' | null;

const PAGE_SIZE = 25;

export function ReviewsPage({ openId }: { openId?: string }) {
  const settings = useSettings();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState('list');

  const profile: RuleProfile | undefined = settings ? settings.profile : undefined;
  if (!settings || !profile) return null;
  const tz = profileZone(profile);
  const words = settings.sensitiveWords ?? [];

  return (
    <RegisterPage
      title="发布审核"
      titleId="reviews-title"
      actions={
        <>
          <Button onClick={() => setDialog('words')}>敏感词表</Button>
          <Button type="primary" onClick={() => setDialog('new')}>
            新建审核
          </Button>
        </>
      }
    >
      <Typography.Paragraph type="secondary">
        先审后发：{profile.name}的审核流程为 {chainFor(profile, true).map((r) => `${r.roleLabel}${r.onlyForMajor ? '（重大事项）' : ''}`).join(' → ')}，至少{profile.minReviewers}名审核人；未经审核的信息不得发布，重发须重审。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: '审核登记', children: <ReviewList profile={profile} timeZone={tz} /> },
          // The figures read a year of reviews: only while the tab is shown.
          { key: 'figures', label: '年终统计', children: tab === 'figures' && <ReviewFigures /> },
        ]}
      />
      {openId && <OpenedReview id={openId} profile={profile} words={words} />}
      {dialog === 'new' && <NewReviewDialog timeZone={tz} words={words} onClose={() => setDialog(null)} />}
      {dialog === 'words' && <SensitiveWordsDialog words={words} onClose={() => setDialog(null)} />}
    </RegisterPage>
  );
}

function ReviewList({ profile, timeZone }: { profile: RuleProfile; timeZone: string }) {
  const [platformId, setPlatformId] = useKeptFilter<string | undefined>('reviews.platformId', undefined);
  const [unitId, setUnitId] = useKeptFilter<string | undefined>('reviews.unitId', undefined);
  const [status, setStatus] = useKeptFilter<ReviewStatus | undefined>('reviews.status', undefined);
  const [month, setMonth] = useKeptFilter<Dayjs | null>('reviews.month', null);
  // Straight to the page read, as 平台台账's (the list is drawn again when the read answers).
  const [query, setQuery] = useKeptFilter('reviews.query', '');
  useEffect(() => void warmRegister('reviews'), []);

  const filter: ReviewFilter = { platformId, unitId, status, month: month?.format('YYYY-MM'), query: query.trim() || undefined };
  const [page, setPage] = useListPage(JSON.stringify(filter));
  const data = useReviewPage(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE, (records, lookups) => reviewRowsOf(records.rows, records.related, profile, lookups));
  const found = data?.total;
  // Units for the filter, read once (a few hundred); the page's own lookups name its people.
  const unitsOnly = usePageLookups([]);
  const lookups = data?.lookups ?? unitsOnly;
  const anyFilter = Object.values(filter).some((v) => v !== undefined);
  // Drawn again only when the rows' names change, not at every key typed in the search box.
  const columns = useMemo(() => reviewColumns(lookups, timeZone), [lookups, timeZone]);

  const exportTables = async () => [reviewsSheet(await reviewIds(filter), profile, timeZone)];
  // Drawn again only when a filter changes, not at every key typed in the search box.
  const filters = useMemo(
    () => (
      <>
        <PlatformPicker placeholder="发布平台" ariaLabel="按平台筛选" value={platformId} onChange={setPlatformId} />
        <UnitSelect style={{ width: 200 }} lookups={unitsOnly} value={unitId} onChange={(v) => setUnitId(typeof v === 'string' ? v : undefined)} placeholder="报送部门" />
        <FilterSelect label="状态" width={120} values={REVIEW_STATUSES} value={status} onChange={setStatus} />
        <DatePicker picker="month" placeholder="提交月份" aria-label="按提交月份筛选" value={month} onChange={setMonth} />
      </>
    ),
    [platformId, setPlatformId, unitsOnly, unitId, setUnitId, status, setStatus, month, setMonth],
  );

  return (
    <RegisterList<ReviewListRow>
      search={{ value: query, onChange: setQuery, placeholder: '搜索标题、栏目（支持拼音首字母）', label: '搜索标题', width: 220 }}
      filters={filters}
      count={found === undefined ? undefined : `共 ${found} 条`}
      exportAs={{ fileName: '发布审核登记', tables: exportTables }}
      rows={data?.rows}
      rowKey={(x) => x.r.id}
      paging={{ page, pageSize: PAGE_SIZE, total: found ?? 0, onPage: setPage, pending: data?.pending }}
      onOpen={(x) => navigate('reviews', x.r.id)}
      empty={anyFilter || found ? '没有符合条件的记录' : '还没有发布审核记录。点击“新建审核”登记拟发布的信息。'}
      columns={columns}
    />
  );
}

function reviewColumns(lookups: Lookups, timeZone: string): RegisterColumns<ReviewListRow> {
  return [
    {
      title: '信息标题',
      render: (_, x) => (
        <span className="ledger-cell-line">
          <a href={routeHref('reviews', x.r.id)}>{x.r.title}</a>
          {x.r.major && <StatusTag color="magenta">重大</StatusTag>}
          {x.r.originalReviewId && <StatusTag>重发</StatusTag>}
        </span>
      ),
    },
    { title: '发布平台', width: 200, render: (_, x) => `${x.platform}${x.r.column ? ` · ${x.r.column}` : ''}` },
    { title: '报送部门', width: 130, render: (_, x) => lookups.unitName(x.unitId) },
    { title: '提交日期', width: 105, render: (_, x) => dayOf(x.r.createdAt, timeZone) },
    { title: '状态', width: 90, render: (_, x) => <StatusTag color={STATUS_COLORS[x.status]}>{x.status}</StatusTag> },
    { title: '当前等待', width: 240, render: (_, x) => x.waiting },
  ];
}

function ReviewFigures() {
  const [year, setYear] = useState<Dayjs | null>(todayField);
  const chosen = year?.year();
  // Each read gets a number; a read overtaken by a newer one stops at its next chunk.
  const reads = useRef(0);
  const figures = usePaged(String(chosen), ['reviews', 'platforms', 'units'], async () => {
    const mine = ++reads.current;
    const { unitName } = await readPageLookups([]);
    return readReviewFigures(db, chosen, unitName, () => reads.current === mine);
  });
  // The last figures stay while a change is counted again; another year shows as loading.
  const loading = figures === undefined || figures.year !== chosen;
  const byUnit = loading ? [] : (figures?.byUnit ?? []);
  const byPlatform = loading ? [] : (figures?.byPlatform ?? []);

  const figureTables = () => [
    { name: '按单位', header: ['报送部门', ...FIGURE_HEADER.slice(1)], rows: byUnit.map(figureCells) },
    { name: '按平台', header: ['发布平台', ...FIGURE_HEADER.slice(1)], rows: byPlatform.map(figureCells) },
  ];

  const figureTable = (caption: string, first: string, data: FigureRow[]) => (
    <Table
      size="small"
      aria-label={caption}
      rowKey="key"
      pagination={false}
      loading={loading}
      dataSource={data}
      style={{ marginBottom: 24 }}
      columns={[
        { title: first, dataIndex: 'name' },
        { title: '审核数', dataIndex: 'reviewed', width: 80 },
        { title: '发布数', dataIndex: 'published', width: 80 },
        { title: '退回修改数', dataIndex: 'returned', width: 100 },
        { title: '纠错数', dataIndex: 'corrected', width: 80 },
        { title: '平均时效（天）', width: 120, render: (_, f) => f.averageDays ?? '—' },
        { title: '最长时效（天）', width: 120, render: (_, f) => f.maxDays ?? '—' },
      ]}
    />
  );

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <DatePicker picker="year" placeholder="全部年度" aria-label="统计年度" value={year} onChange={setYear} />
        <ExportButton fileName={`发布审核统计-${year ? `${year.year()}年` : '全部'}`} tables={figureTables} />
      </Space>
      <Typography.Paragraph type="secondary">
        年终检查考核用（000 第十二条、002 第十一条）：按提交时间统计；时效为从提交审核到发布的天数；退回修改数为曾被退回的信息条数。
      </Typography.Paragraph>
      {figureTable('按报送部门统计', '报送部门', byUnit)}
      {figureTable('按发布平台统计', '发布平台', byPlatform)}
    </>
  );
}

/** The drawer of one review: the review, the reviews it links to, its platform, and the people to choose from. */
function OpenedReview({ id, profile, words }: { id: string; profile: RuleProfile; words: readonly string[] }) {
  const opened = useLiveQuery(async () => {
    const review = await db.reviews.get(id);
    if (!review || review.deletedAt) return null;
    const [platform, original, republished] = await Promise.all([
      db.platforms.get(review.platformId),
      review.originalReviewId ? db.reviews.get(review.originalReviewId) : undefined,
      db.reviews.where('originalReviewId').equals(review.id).filter((x) => !x.deletedAt).toArray(),
    ]);
    return { review, platform, linked: original && !original.deletedAt ? [original, ...republished] : republished };
  }, [id]);
  // Names of everyone the drawer shows (this review and the ones it links to), read by id.
  const lookups = usePageLookups(opened ? stringsIn([opened.review, ...opened.linked]) : []);
  if (!opened) return null;
  return (
    <ReviewDrawer
      review={opened.review}
      profile={profile}
      platform={opened.platform}
      reviews={opened.linked}
      lookups={lookups}
      words={words}
    />
  );
}

/** 新建审核, opening the review it saved. */
function NewReviewDialog({ timeZone, words, onClose }: { timeZone: string; words: readonly string[]; onClose: () => void }) {
  return (
    <ReviewDialog
      timeZone={timeZone}
      words={words}
      onClose={onClose}
      onSaved={(r) => {
        onClose();
        navigate('reviews', r.id);
      }}
    />
  );
}
