// 发布审核 (先审后发): every item reviewed before it is published, with the chain of the profile in
// force. The list filters by platform, unit, status and month and says what each item waits for
// and from whom; the figures tab counts per unit and platform for the year-end assessment
// (000 第十二条, 002 第十一条). Both export to Excel.
import { Button, DatePicker, Empty, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Review } from '@shared/domain/records';
import type { RuleProfile } from '@shared/profiles/types';
import { validTimeZone } from '@shared/domain/time-zone';
import { REVIEW_STATUSES, chainFor, reviewStatus, waitingOn, type ReviewStatus } from '@shared/rules/review-chain';
import { buildSearchKey, matchesSearch } from '@shared/search/pinyin-search';
import { usePeople, usePlatforms, useLookups, useSettings } from '../../db/queries';
import { useReviews } from '../../db/reviews';
import { navigate } from '../../app/routes';
import { UnitSelect } from '../../components/record-select';
import type { ExportTable } from '@shared/spreadsheet/export-table';
import { ExportButton } from '../export/export-button';
import { reviewsTable } from '../export/list-tables';
import { FIGURE_HEADER, figureCells, figuresBy, type FigureRow } from './review-figures';
import { ReviewDialog } from './review-dialog';
import { ReviewDrawer } from './review-drawer';
import { SensitiveWordsDialog } from './sensitive-words-dialog';
import { STATUS_COLORS } from './review-format';
import { useKeptFilter } from '../../state/kept-filter';

interface Row {
  r: Review;
  status: ReviewStatus;
  platform: string;
  unitId?: string;
  waiting: string;
  key: string;
}

type Dialog = 'new' | 'words' | null;

export function ReviewsPage({ openId }: { openId?: string }) {
  const settings = useSettings();
  const reviews = useReviews();
  const platforms = usePlatforms();
  const people = usePeople();
  const lookups = useLookups();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [platformId, setPlatformId] = useKeptFilter<string | undefined>('reviews.platformId', undefined);
  const [unitId, setUnitId] = useKeptFilter<string | undefined>('reviews.unitId', undefined);
  const [status, setStatus] = useKeptFilter<ReviewStatus | undefined>('reviews.status', undefined);
  const [month, setMonth] = useKeptFilter<Dayjs | null>('reviews.month', null);
  const [query, setQuery] = useKeptFilter('reviews.query', '');
  const [year, setYear] = useState<Dayjs | null>(dayjs());

  const profile: RuleProfile | undefined = settings ? settings.profile : undefined;
  const tz = validTimeZone(profile?.timeZone);
  const words = (settings && settings.sensitiveWords) || [];
  const platformById = useMemo(() => new Map((platforms ?? []).map((p) => [p.id, p])), [platforms]);
  const platformName = (id: string) => {
    const p = platformById.get(id);
    return p ? `${p.name}（${p.kind}）` : '（平台已删除）';
  };
  const unitOf = (r: Review) => r.submittingUnitId ?? platformById.get(r.platformId)?.hostUnitId;

  const all: Row[] = useMemo(() => {
    if (!profile) return [];
    return (reviews ?? [])
      .map((r) => {
        const p = platformById.get(r.platformId);
        return {
          r,
          status: reviewStatus(r, profile),
          platform: p ? `${p.name}（${p.kind}）` : '（平台已删除）',
          unitId: r.submittingUnitId ?? p?.hostUnitId,
          waiting: waitingOn(r, profile, lookups.personName),
          key: buildSearchKey([r.title, r.column ?? '', p?.name ?? '']),
        };
      })
      .sort((a, b) => b.r.createdAt.localeCompare(a.r.createdAt));
  }, [reviews, platformById, profile, lookups]);

  const rows = all.filter(
    (x) =>
      (!platformId || x.r.platformId === platformId) &&
      (!unitId || x.unitId === unitId) &&
      (!status || x.status === status) &&
      (!month || dayjs(x.r.createdAt).format('YYYY-MM') === month.format('YYYY-MM')) &&
      (!query || matchesSearch(x.key, query)),
  );

  const yearReviews = (reviews ?? []).filter((r) => !year || dayjs(r.createdAt).year() === year.year());
  const byUnit = figuresBy(yearReviews, (r) => unitOf(r) ?? '', (id) => (id ? lookups.unitName(id) : '（未填报送部门）'));
  const byPlatform = figuresBy(yearReviews, (r) => r.platformId, platformName);

  if (!settings || !profile) return null;
  const opened = openId ? reviews?.find((r) => r.id === openId) : undefined;

  const listTables = (): ExportTable[] => [
    reviewsTable(
      rows.map((x) => ({ ...x, originalTitle: x.r.originalReviewId ? (reviews?.find((o) => o.id === x.r.originalReviewId)?.title ?? '') : '' })),
      lookups,
      tz,
    ),
  ];

  const figureTables = (): ExportTable[] => [
    { name: '按单位', header: ['报送部门', ...FIGURE_HEADER.slice(1)], rows: byUnit.map(figureCells) },
    { name: '按平台', header: ['发布平台', ...FIGURE_HEADER.slice(1)], rows: byPlatform.map(figureCells) },
  ];

  const list = (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search allowClear style={{ width: 220 }} placeholder="搜索标题、栏目（支持拼音首字母）" aria-label="搜索标题" defaultValue={query} onChange={(e) => setQuery(e.target.value)} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="发布平台"
          aria-label="按平台筛选"
          style={{ width: 220 }}
          value={platformId}
          onChange={setPlatformId}
          options={(platforms ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.kind}）` }))}
        />
        <div style={{ width: 200 }}>
          <UnitSelect lookups={lookups} value={unitId} onChange={(v) => setUnitId(typeof v === 'string' ? v : undefined)} placeholder="报送部门" />
        </div>
        <Select<ReviewStatus> allowClear placeholder="状态" aria-label="按状态筛选" style={{ width: 120 }} value={status} onChange={setStatus} options={REVIEW_STATUSES.map((s) => ({ value: s, label: s }))} />
        <DatePicker picker="month" placeholder="提交月份" aria-label="按提交月份筛选" value={month} onChange={setMonth} />
        <Typography.Text type="secondary">共 {rows.length} 条</Typography.Text>
        <ExportButton fileName="发布审核登记" tables={listTables} />
      </Space>
      <Table
        rowKey={(x) => x.r.id}
        loading={!reviews}
        dataSource={rows}
        pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(x) => ({ onDoubleClick: () => navigate('reviews', x.r.id) })}
        locale={{ emptyText: <Empty description={reviews?.length ? '没有符合条件的记录' : '还没有发布审核记录。点击“新建审核”登记拟发布的信息。'} /> }}
        columns={[
          {
            title: '信息标题',
            render: (_, x) => (
              <Space size={4}>
                <a href={`#/reviews/${encodeURIComponent(x.r.id)}`}>{x.r.title}</a>
                {x.r.major && <Tag color="magenta">重大</Tag>}
                {x.r.originalReviewId && <Tag>重发</Tag>}
              </Space>
            ),
          },
          { title: '发布平台', width: 200, render: (_, x) => `${x.platform}${x.r.column ? ` · ${x.r.column}` : ''}` },
          { title: '报送部门', width: 130, render: (_, x) => lookups.unitName(x.unitId) },
          { title: '提交日期', width: 105, render: (_, x) => dayjs(x.r.createdAt).format('YYYY-MM-DD') },
          { title: '状态', width: 90, render: (_, x) => <Tag color={STATUS_COLORS[x.status]}>{x.status}</Tag> },
          { title: '当前等待', width: 240, render: (_, x) => x.waiting },
        ]}
      />
    </>
  );

  const figureTable = (caption: string, first: string, data: FigureRow[]) => (
    <Table
      size="small"
      aria-label={caption}
      rowKey="key"
      pagination={false}
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

  const figures = (
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

  return (
    <section aria-labelledby="reviews-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} id="reviews-title" style={{ margin: 0 }}>
          发布审核
        </Typography.Title>
        <Space>
          <Button onClick={() => setDialog('words')}>敏感词表</Button>
          <Button type="primary" onClick={() => setDialog('new')}>
            新建审核
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        先审后发：{profile.name}的审核流程为 {chainFor(profile, true).map((r) => `${r.roleLabel}${r.onlyForMajor ? '（重大事项）' : ''}`).join(' → ')}，至少{profile.minReviewers}名审核人；未经审核的信息不得发布，重发须重审。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'list', label: '审核登记', children: list },
          { key: 'figures', label: '年终统计', children: figures },
        ]}
      />
      {opened && (
        <ReviewDrawer
          review={opened}
          profile={profile}
          platform={platformById.get(opened.platformId)}
          reviews={reviews ?? []}
          people={people ?? []}
          lookups={lookups}
          words={words}
        />
      )}
      {dialog === 'new' && (
        <ReviewDialog
          timeZone={tz}
          platforms={platforms ?? []}
          lookups={lookups}
          words={words}
          onClose={() => setDialog(null)}
          onSaved={(r) => {
            setDialog(null);
            navigate('reviews', r.id);
          }}
        />
      )}
      {dialog === 'words' && <SensitiveWordsDialog words={words} onClose={() => setDialog(null)} />}
    </section>
  );
}
