// 导入与导出: import an existing Excel (or CSV) ledger into the registry, people or units —
// choose the file and the sheet, check the proposed column mapping, look at every row's problems,
// then import the clean rows in one transaction (or nothing). Rows with problems are never
// written: the clerk fixes the file, or explicitly leaves them out. The lists themselves are
// exported from their own pages; the three importable lists can also be exported here.
import { Alert, App as AntApp, Button, Card, Checkbox, Empty, InputNumber, Radio, Select, Space, Steps, Typography, Upload } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { localToday } from '@shared/domain/today';
import { splitPreview, type PreviewResult } from '@shared/spreadsheet/convert';
import { findHeaderRow, headerLabels, proposeMapping, type ColumnMapping } from '@shared/spreadsheet/mapping';
import { IMPORT_TARGETS, TARGET_FIELDS, TARGET_LABELS, type ImportTarget } from '@shared/spreadsheet/targets';
import { db } from '../../db/database';
import { liveUnits } from '../../db/queries';
import { importRows } from '../../db/spreadsheet-import';
import { navigate } from '../../app/routes';
import { showError } from '../../app/errors';
import { ExportButton } from '../export/export-button';
import { exportUnits, peopleSheet, platformsSheet } from '../export/list-tables';
import { MAX_IMPORT_BYTES, readWorkbook, type ReadSheet } from './read-workbook';
import { MappingTable } from './mapping-table';
import { PreviewTable } from './preview-table';
import { previewInWorker } from './preview-client';

interface Loaded {
  fileName: string;
  sheets: ReadSheet[];
}

/** Changes seen to the units, people and platforms, so that the preview is checked again. */
let storedChanges = 0;

const TARGET_AREAS: Record<ImportTarget, string> = { platforms: 'platforms', people: 'people', units: 'units' };

export function ImportPage() {
  const { message } = AntApp.useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [target, setTarget] = useState<ImportTarget>('platforms');
  const [headerRow, setHeaderRow] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [leaveOut, setLeaveOut] = useState(false);
  const [importing, setImporting] = useState(false);
  const [done, setDone] = useState<{ count: number; target: ImportTarget } | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const sheet = loaded?.sheets[sheetIndex];

  /** Header row and mapping proposed afresh for a sheet and target. */
  const propose = (s: ReadSheet | undefined, t: ImportTarget) => {
    const row = s ? findHeaderRow(s, t) : 0;
    setHeaderRow(row);
    setMapping(s ? proposeMapping(s, row, t) : []);
    setLeaveOut(false);
  };

  const choose = async (file: File) => {
    setDone(null);
    setCancelled(false);
    setReadError(null);
    setLoaded(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setReadError(`文件“${file.name}”太大（超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），请删去无关的工作表和图片后再导入，或分成几个文件。`);
      return;
    }
    setReading(true);
    try {
      const result = await readWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!result.ok) {
        console.error('import: file refused', result.detail);
        setReadError(result.reason);
        return;
      }
      // The first sheet that looks like the chosen target's ledger, or the first sheet.
      const best = Math.max(0, result.sheets.findIndex((s) => proposeMapping(s, findHeaderRow(s, target), target).some(Boolean)));
      setLoaded({ fileName: file.name, sheets: result.sheets });
      setSheetIndex(best);
      propose(result.sheets[best], target);
    } catch (e) {
      showError(e, '读取文件失败');
    } finally {
      setReading(false);
    }
  };

  const headers = useMemo(() => (sheet ? headerLabels(sheet, headerRow) : []), [sheet, headerRow]);
  // Checked in a worker (seconds for a large sheet); a newer sheet, mapping or change of the
  // stored records asks again and the older answer is dropped.
  const [previewResult, setPreviewResult] = useState<PreviewResult>();
  // Counting watches every row of the three tables: any change to them gives a new number here.
  const storedVersion = useLiveQuery(() => Promise.all([db.units.count(), db.people.count(), db.platforms.count()]).then(() => ++storedChanges), []);
  useEffect(() => {
    setPreviewResult(undefined);
    if (!sheet || storedVersion === undefined || sheet.problem) return;
    let live = true;
    previewInWorker({ sheet, headerRow, mapping, target, today: localToday() }).then(
      (result) => live && setPreviewResult(result),
      (e: unknown) => live && showError(e, '检查表格失败'),
    );
    return () => {
      live = false;
    };
  }, [sheet, headerRow, mapping, target, storedVersion]);
  const preview = previewResult?.ok ? previewResult.preview : undefined;
  const split = preview ? splitPreview(preview) : undefined;
  const errorCount = split ? split.problems.filter((r) => !r.duplicate).length : 0;
  const duplicateCount = split ? split.problems.filter((r) => r.duplicate).length : 0;
  const problemCount = errorCount + duplicateCount;
  const canImport = Boolean(split && split.ready.length > 0 && (problemCount === 0 || leaveOut));

  const runImport = async () => {
    if (!preview || !split) return;
    setImporting(true);
    try {
      const count = await importRows(db, preview, split.ready);
      void message.success(`已导入 ${count} 条记录到“${TARGET_LABELS[target]}”`);
      setDone({ count, target });
      setLoaded(null);
    } catch (e) {
      showError(e, '导入失败');
    } finally {
      setImporting(false);
    }
  };

  /** Drops the chosen file and everything checked so far; nothing has been written yet. */
  const cancel = () => {
    setLoaded(null);
    setReadError(null);
    setLeaveOut(false);
    setCancelled(true);
  };

  const step = !loaded ? 0 : !preview ? 1 : 2;

  return (
    <section aria-labelledby="import-title">
      <Typography.Title level={3} id="import-title">
        导入与导出
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        把原有的 Excel 台账导入本系统：选择文件和工作表，核对各列对应的项目，查看每一行的检查结果，再一次性导入。导入要么全部写入，要么一条也不写入；有问题的行不会导入。建议先导入单位，再导入人员，最后导入平台台账（台账中的单位和人员按名称对应）。
      </Typography.Paragraph>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: '选择文件' }, { title: '工作表与列' }, { title: '检查并导入' }]}
      />

      <Card size="small" title="1. 选择文件" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(file) => (void choose(file), false)}>
            <Button loading={reading}>选择 Excel 或 CSV 文件</Button>
          </Upload>
          <Typography.Text type="secondary">{loaded ? `已选择：${loaded.fileName}` : `支持 .xlsx（Excel、WPS、LibreOffice 均可）和 .csv，不超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB。旧版 .xls 请先另存为 .xlsx。`}</Typography.Text>
        </Space>
        {readError && <Alert style={{ marginTop: 12 }} type="error" showIcon title={readError} />}
        {cancelled && <Alert style={{ marginTop: 12 }} type="info" showIcon title="已取消导入，未写入任何记录。" />}
        {done && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            title={`已导入 ${done.count} 条记录到“${TARGET_LABELS[done.target]}”，每条都记入了审计日志。`}
            action={<Button onClick={() => navigate(TARGET_AREAS[done.target])}>{`查看${TARGET_LABELS[done.target]}`}</Button>}
          />
        )}
      </Card>

      {loaded && sheet && (
        <Card
          size="small"
          title="2. 工作表与列"
          style={{ marginBottom: 16 }}
          extra={
            <Button onClick={cancel} disabled={importing}>
              取消
            </Button>
          }
        >
          <Space wrap style={{ marginBottom: 12 }}>
            <span>工作表</span>
            <Select
              aria-label="工作表"
              style={{ width: 200 }}
              value={sheetIndex}
              onChange={(i: number) => {
                setSheetIndex(i);
                propose(loaded.sheets[i], target);
              }}
              options={loaded.sheets.map((s, i) => ({ value: i, label: s.name || `工作表 ${i + 1}` }))}
            />
            <span>导入到</span>
            <Radio.Group
              aria-label="导入到"
              optionType="button"
              value={target}
              onChange={(e) => {
                const t = e.target.value as ImportTarget;
                setTarget(t);
                propose(sheet, t);
              }}
              options={IMPORT_TARGETS.map((t) => ({ value: t, label: TARGET_LABELS[t] }))}
            />
            <span>标题在第</span>
            <InputNumber
              aria-label="标题行"
              min={1}
              max={Math.max(1, sheet.rows.length)}
              value={headerRow + 1}
              onChange={(v) => {
                const row = Math.max(0, Math.min(sheet.rows.length - 1, (v ?? 1) - 1));
                setHeaderRow(row);
                setMapping(proposeMapping(sheet, row, target));
              }}
            />
            <span>行</span>
          </Space>
          {sheet.problem && <Alert type="error" showIcon title={sheet.problem} style={{ marginBottom: 12 }} />}
          {sheet.columnsCut && <Alert type="warning" showIcon title="第 256 列以后的内容不会导入。" style={{ marginBottom: 12 }} />}
          {sheet.rows.length === 0 ? (
            <Empty description="这个工作表是空的，请选择其他工作表。" />
          ) : (
            <>
              <Typography.Paragraph type="secondary">
                已按标题自动对应，请逐列核对；对应不上的列不导入。{TARGET_LABELS[target]}的必填项：
                {TARGET_FIELDS[target].filter((f) => f.required).map((f) => f.label).join('、')}。
              </Typography.Paragraph>
              <MappingTable sheet={sheet} headerRow={headerRow} headers={headers} target={target} mapping={mapping} onChange={setMapping} />
            </>
          )}
        </Card>
      )}

      {loaded && sheet && previewResult && !previewResult.ok && <Alert type="error" showIcon title={previewResult.reason} style={{ marginBottom: 16 }} />}

      {preview && split && (
        <Card size="small" title="3. 检查并导入" style={{ marginBottom: 16 }}>
          <Alert
            style={{ marginBottom: 12 }}
            type={problemCount > 0 ? 'warning' : 'success'}
            showIcon
            title={`共 ${preview.rows.length} 行：可导入 ${split.ready.length} 行，有错误 ${errorCount} 行，重复 ${duplicateCount} 行。`}
            description={problemCount > 0 ? '有问题的行不会导入。可以改正表格后重新选择文件，或勾选下方“不导入有问题的行”，只导入其余的行。' : undefined}
          />
          <PreviewTable preview={preview} mapping={mapping} />
          <Space style={{ marginTop: 12 }} wrap>
            {problemCount > 0 && (
              <Checkbox checked={leaveOut} onChange={(e) => setLeaveOut(e.target.checked)}>
                {`不导入有问题的 ${problemCount} 行（错误 ${errorCount} 行，重复 ${duplicateCount} 行）`}
              </Checkbox>
            )}
            <Button type="primary" disabled={!canImport} loading={importing} onClick={() => void runImport()}>
              {`导入 ${split.ready.length} 行`}
            </Button>
          </Space>
        </Card>
      )}

      <ExportCard />
    </section>
  );
}

/** Export of every live record of the three importable lists (the other lists export from their pages). */
function ExportCard() {
  // Read when clicked, a chunk at a time: the page itself reads none of the three tables.
  return (
    <Card size="small" title="导出">
      <Typography.Paragraph type="secondary">
        每个列表页都有“导出 Excel”按钮（旁边的 CSV 菜单可导出 UTF-8 或 GBK 编码的 CSV），导出的是当前筛选出的记录。这里导出全部记录，表头与导入时识别的表头一致，可直接用于再次导入。
      </Typography.Paragraph>
      <Space wrap>
        <ExportButton fileName="平台台账" label="导出平台台账" tables={async () => [await platformsSheet()]} />
        <ExportButton fileName="人员" label="导出人员" tables={async () => [await peopleSheet()]} />
        <ExportButton fileName="单位" label="导出单位" tables={async () => [await exportUnits(await liveUnits())]} />
      </Space>
    </Card>
  );
}
