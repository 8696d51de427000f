// 年度检查 (001 第六条: 每年11月; 004 第十一条: 每年12月中旬): open a year's campaign for every
// active account, record each account's checks, self-assessment and result, print F11 per account
// and the year's summary F11S, compare with last year and list the accounts to be closed.
import { Alert, App as AntApp, Button, Card, Empty, Popconfirm, Progress, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import type { Inspection } from '@shared/domain/records';
import { clauseFor, inspectionClause } from '@shared/profiles/clauses';
import { inspectionStage, inspectionWindowText, type InspectionStage } from '@shared/rules/inspection-campaign';
import type { CampaignYears } from '@shared/rules/campaign-year';
import type { RuleProfile } from '@shared/profiles/types';
import { localToday } from '@shared/domain/today';
import { openCampaign } from '../../db/inspections';
import { db } from '../../db/database';
import { usePageLookups, useSettings } from '../../db/queries';
import { allOfRegister, readPlatformsById, readWithPlatforms, registerIds, useCampaignSummary, useCampaignYears, useRegisterPage } from '../../db/register-index';
import { showError } from '../../app/errors';
import { CellActions } from '../../components/row-actions';
import { PersonName } from '../../components/person-name';
import { usePdfWarmUpOnceShown } from '../../pdf/use-pdf-warm-up';
import { PrintPreview } from '../print/print-preview';
import { CampaignReview } from './campaign-review';
import { RecordInspectionDialog } from './record-inspection-dialog';
import { ExportButton } from '../export/export-button';
import { RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import { exportInspections, exportNames, slicedExport } from '../export/list-tables';
import { routeHref } from '../../app/routes';
import { RowButton } from '../../components/row-button';
import { StatusTag, type TagColor } from '../../components/status-tag';

const PAGE_SIZE = 50;

const STAGE_COLORS: Record<InspectionStage, TagColor> = { 未开始: 'default', 已自查: 'blue', 合格: 'green', 限期整改: 'orange', 关停注销: 'red' };

export function StageTag({ inspection }: { inspection: Inspection }) {
  const stage = inspectionStage(inspection);
  return <StatusTag color={STAGE_COLORS[stage]}>{stage}</StatusTag>;
}

type Dialog =
  | { type: 'record'; inspection: Inspection }
  | { type: 'print'; inspection: Inspection }
  | { type: 'summary'; record: { year: number; inspections: Inspection[] } }
  | null;

/** A past year is judged as of its last day; the current year as of today. */
const asOfFor = (year: number, today: string) => (`${year}-12-31` < today ? `${year}-12-31` : today);

export function InspectionsPage() {
  const settings = useSettings();
  const today = localToday();
  const thisYear = Number(today.slice(0, 4));
  // Until the clerk picks a year, the page opens on the one that needs attention (an unfinished
  // campaign of last year in January), not on an empty new year. The worker says which year that
  // is from the register's index; the year's rows are then read, and its figures (whole tables
  // read in the worker, a second or more at a whole university's scale) only once they are shown.
  const choice = useCampaignYears(thisYear);
  if (!settings || !choice) return null;
  return <Campaign profile={settings.profile} choice={choice} thisYear={thisYear} today={today} />;
}

function Campaign({ profile, choice, thisYear, today }: { profile: RuleProfile; choice: CampaignYears; thisYear: number; today: string }) {
  const { message } = AntApp.useApp();
  const [chosenYear, setYear] = useState<number>();
  const year = chosenYear ?? choice.attention.year;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [opening, setOpening] = useState(false);

  // The year's inspections by platform name, a page at a time from the registers' worker.
  const [page, setPage] = useListPage(String(year));
  const data = useRegisterPage({
    register: 'inspections',
    filter: { year },
    watch: ['inspections', 'platforms'],
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    platformOf: (i) => i.platformId,
  });
  usePdfWarmUpOnceShown(data !== undefined);
  const platformById = data?.platforms ?? new Map();
  const lookups = usePageLookups([...platformById.values()].map((p) => p.responsibleId));

  const figures = useCampaignSummary(year, asOfFor(year, today), data !== undefined);
  const summary = figures?.year === year ? figures : undefined;

  if (!data) return null;
  const { attention, years } = choice;
  const missing = summary?.missing;
  // The year's live inspections: the register's count, known with its first page.
  const count = data.total;

  const yearRows = async () => {
    const inspections = await allOfRegister('inspections', { year });
    return { inspections, platforms: await readPlatformsById(inspections.map((i) => i.platformId)) };
  };
  const printSummary = async () => {
    try {
      setDialog({ type: 'summary', record: { year, inspections: (await yearRows()).inspections } });
    } catch (e) {
      showError(e, '读取检查记录失败');
    }
  };
  const exportTables = async () => {
    const names = exportNames();
    return [
      await slicedExport(await registerIds('inspections', { year }), async (ids) => {
        const { rows, platforms } = await readWithPlatforms('inspections', ids, (i) => i.platformId);
        return exportInspections(rows, (id) => platforms.get(id)?.name ?? '（已删除）', names);
      }),
    ];
  };

  const open = async () => {
    setOpening(true);
    try {
      const created = await openCampaign(db, year);
      void message.success(created.length ? `已开启${year}年度检查，新建检查记录 ${created.length} 条` : `${year}年度检查的账号均已有检查记录，未新建记录`);
    } catch (e) {
      showError(e, '开启年度检查失败');
    } finally {
      setOpening(false);
    }
  };

  const openButton = (
    <Popconfirm
      title={`开启${year}年度检查？`}
      description={`将为${missing}个尚无${year}年度检查记录的账号（已批准、运行中、整改中的非工作群账号）各建一条检查记录。`}
      okText="开启"
      cancelText="取消"
      onConfirm={open}
    >
      {/* Until the figures are counted, how many accounts lack a record is not known. */}
      <Button type="primary" loading={opening} disabled={missing === undefined || missing === 0}>
        开启{year}年度检查
      </Button>
    </Popconfirm>
  );

  return (
    <RegisterPage
      title="年度检查"
      titleId="inspections-title"
      actions={
        <>
          <Select<number>
            aria-label="检查年度"
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y}年度` }))}
          />
          {count > 0 && openButton}
          <Button onClick={() => void printSummary()} disabled={count === 0}>
            打印汇总表
          </Button>
          <ExportButton fileName={`年度检查-${year}`} disabled={count === 0} tables={exportTables} />
        </>
      }
    >
      <Typography.Paragraph type="secondary">
        {inspectionWindowText(profile)}（{inspectionClause(profile)}）。各账号自查后由单位第一责任人审批，结论为合格、限期整改或关停注销；未报备或审批未通过的账号及长期不更新的“僵尸号”应及时关闭或注销（
        {[...new Set([clauseFor(profile, 'closeUnfiled'), clauseFor(profile, 'zombie')])].join('、')}）。
      </Typography.Paragraph>

      {chosenYear === undefined && attention.unfinished > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${year}年度检查尚有 ${attention.unfinished} 个账号未出检查结果，请先完成；${thisYear}年度检查可在“检查年度”中选择。`}
        />
      )}
      {count === 0 ? (
        <Card>
          <Empty description={`尚未开启${year}年度检查。${summary ? `本年度应检查的账号共 ${summary.covered} 个。` : '正在统计本年度应检查的账号…'}`}>{openButton}</Empty>
        </Card>
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }} aria-label="检查进度" aria-busy={!summary}>
            {summary ? (
              <>
                <Progress percent={summary.progress.percentDone} aria-label="已出结论的比例" />
                <Space size={32} wrap>
                  <Statistic title="检查账号" value={summary.progress.total} suffix="个" />
                  <Statistic title="未开始" value={summary.progress.notStarted} />
                  <Statistic title="已自查" value={summary.progress.selfAssessed} />
                  <Statistic title="合格" value={summary.progress.passed} />
                  <Statistic title="限期整改" value={summary.progress.rectify} />
                  <Statistic title="关停注销" value={summary.progress.close} />
                </Space>
                {summary.missing > 0 && (
                  <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
                    另有 {summary.missing} 个账号尚无本年度检查记录，可再次点击“开启{year}年度检查”补建。
                  </Typography.Paragraph>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{`检查账号 ${count} 个，正在统计检查进度…`}</Typography.Text>
            )}
          </Card>
          <RegisterList<Inspection>
            rowKey="id"
            rows={data.rows}
            paging={{ page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage, pending: data.pending }}
            empty={`尚未开启${year}年度检查。`}
            columns={[
              {
                title: '账号',
                render: (_, i) => {
                  const p = platformById.get(i.platformId);
                  return p ? <a href={routeHref('platforms', p.id)}>{`${p.name}（${p.kind}）`}</a> : '（平台已删除）';
                },
              },
              { title: '主办单位', render: (_, i) => lookups.unitName(platformById.get(i.platformId)?.hostUnitId) },
              { title: '责任人', render: (_, i) => <PersonName id={platformById.get(i.platformId)?.responsibleId} lookups={lookups} role="责任人" /> },
              { title: '不符合项', width: 90, render: (_, i) => i.checks.filter((c) => !c.ok).length || '' },
              { title: '结论', width: 100, render: (_, i) => <StageTag inspection={i} /> },
              {
                title: '操作',
                width: 230,
                render: (_, i) => {
                  const name = platformById.get(i.platformId)?.name ?? '';
                  return (
                    <CellActions>
                      <RowButton onClick={() => setDialog({ type: 'record', inspection: i })} aria-label={`记录检查 ${name}`}>
                        记录检查
                      </RowButton>
                      <RowButton onClick={() => setDialog({ type: 'print', inspection: i })} aria-label={`打印年度检查表 ${name}`}>
                        打印年度检查表
                      </RowButton>
                    </CellActions>
                  );
                },
              },
            ]}
          />
        </>
      )}

      {summary && <CampaignReview summary={summary} profile={profile} />}

      {dialog?.type === 'record' && (
        <RecordInspectionDialog inspection={dialog.inspection} platform={platformById.get(dialog.inspection.platformId)} onClose={() => setDialog(null)} />
      )}
      {dialog?.type === 'print' && <PrintPreview formId="F11" record={dialog.inspection} onClose={() => setDialog(null)} />}
      {dialog?.type === 'summary' && <PrintPreview formId="F11S" record={dialog.record} onClose={() => setDialog(null)} />}
    </RegisterPage>
  );
}
