// 数据交换: a unit's clerk exports the unit's registry and filings as a package (.mlpkg); the
// 宣传部 imports it, sees new, changed and conflicting records beside its own, and merges what it
// accepts. Importing the same package twice changes nothing.
import { Alert, App as AntApp, Button, Card, Form, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { EXCHANGE_TABLE_LABELS, PACKAGE_EXTENSION, PACKAGE_LIMITS, type ExchangePackage } from '@shared/exchange/format';
import { readPackage } from '@shared/exchange/package-reader';
import type { ImportPlan } from '@shared/exchange/plan';
import { bridge } from '../../bridge';
import { db } from '../../db/database';
import { exportUnitPackage, previewImport, type MergeResult } from '../../db/exchange';
import { usePageLookups } from '../../db/queries';
import { UnitSelect } from '../../components/record-select';
import { errorText } from '../../app/errors';
import { ImportReview, mergeSummary } from './import-review';

type Notice = { type: 'success' | 'error' | 'info'; text: string } | null;

function ExportCard() {
  const { message } = AntApp.useApp();
  // The units to choose from; no person is shown here.
  const lookups = usePageLookups([]);
  const [unitId, setUnitId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const run = async () => {
    if (!unitId) return;
    setBusy(true);
    setNotice(null);
    try {
      const written = await exportUnitPackage(db, unitId, await bridge.appVersion());
      if (!written.ok) {
        console.error('导出数据包被拒绝', written.detail);
        setNotice({ type: 'error', text: written.reason });
        return;
      }
      const saved = await bridge.saveFile({
        suggestedName: written.fileName,
        data: new Uint8Array(written.bytes),
        filters: [{ name: '数据交换包', extensions: [PACKAGE_EXTENSION] }],
      });
      if (!saved.saved) {
        void message.info('已取消导出。');
        return;
      }
      const c = written.counts;
      setNotice({
        type: 'success',
        text: `已导出“${written.package.unit.name}”的数据包（${saved.path ?? written.fileName}）：单位 ${c.units} 个、人员 ${c.people} 人、平台 ${c.platforms} 个（含工作群）、${EXCHANGE_TABLE_LABELS.approvals} ${c.approvals} 条。请将此文件交给党委宣传部导入。`,
      });
    } catch (e) {
      console.error('导出数据包失败', e);
      setNotice({ type: 'error', text: errorText(e, '导出数据包失败，本机数据未做任何更改') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="导出本单位的数据包" style={{ marginBottom: 24 }}>
      <Typography.Paragraph type="secondary">
        选择单位后导出：数据包包含该单位及其下属单位、它们的平台台账（含工作群）、开通与备案记录，以及其中涉及的人员；回收站中的记录也一并导出，以便对方同步删除。
      </Typography.Paragraph>
      {lookups.units.size === 0 ? (
        <Alert type="info" showIcon title="还没有单位。请先在“单位”中登记本单位，再导出数据包。" />
      ) : (
        <Form layout="inline" onFinish={run}>
          <Form.Item label="要导出的单位" htmlFor="exchange-unit">
            <div style={{ width: 320 }}>
              <UnitSelect id="exchange-unit" lookups={lookups} value={unitId} onChange={(v) => setUnitId(v as string | undefined)} />
            </div>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} disabled={!unitId}>
              导出数据包
            </Button>
          </Form.Item>
        </Form>
      )}
      {notice && <Alert style={{ marginTop: 16 }} type={notice.type} showIcon title={notice.text} />}
    </Card>
  );
}

interface Loaded {
  pkg: ExchangePackage;
  plan: ImportPlan;
  fileName: string;
  /** Bumped on every comparison, so the review starts over with fresh checkboxes. */
  version: number;
}

function ImportCard() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const compare = async (pkg: ExchangePackage, fileName: string) => {
    const plan = await previewImport(db, pkg);
    setLoaded((prev) => ({ pkg, plan, fileName, version: (prev?.version ?? 0) + 1 }));
  };

  const open = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    setBusy(true);
    setNotice(null);
    setLoaded(null);
    try {
      if (file.size > PACKAGE_LIMITS.fileBytes) {
        setNotice({ type: 'error', text: `“${file.name}”过大（超过 ${PACKAGE_LIMITS.fileBytes / 1024 / 1024} MB），不是本软件导出的数据包，未导入。` });
        return;
      }
      const read = readPackage(new Uint8Array(await file.arrayBuffer()));
      if (!read.ok) {
        console.error('数据包被拒绝', read.detail);
        setNotice({ type: 'error', text: read.reason });
        return;
      }
      await compare(read.package, file.name);
    } catch (e) {
      console.error('读取数据包失败', e);
      setNotice({ type: 'error', text: errorText(e, '读取数据包失败，本机数据未做任何更改') });
    } finally {
      setBusy(false);
    }
  };

  const merged = async (result: MergeResult) => {
    setNotice({ type: 'success', text: mergeSummary(result) });
    if (loaded) {
      try {
        await compare(loaded.pkg, loaded.fileName);
      } catch (e) {
        console.error('重新对比失败', e);
        setLoaded(null);
      }
    }
  };

  return (
    <Card title="导入二级单位的数据包">
      <Typography.Paragraph type="secondary">
        选择对方导出的数据包（.{PACKAGE_EXTENSION}）：先校验文件是否完整、未被改动，再按记录编号与本机记录逐条对照；平台还按“平台类型＋账号ID”核对，本机已登记的账号不会作为新增再登记一次。新增和有更新的记录默认勾选；有冲突的记录（本机也改过）请逐条对照后决定是否采用导入的版本。同一个数据包重复导入不会产生任何改动。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button onClick={() => fileInput.current?.click()} loading={busy}>
          选择数据包文件…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept={`.${PACKAGE_EXTENSION},application/json`}
          aria-label="选择数据交换包文件"
          style={{ display: 'none' }}
          onChange={(e) => void open(e.target.files?.[0])}
        />
      </Space>
      {notice && <Alert style={{ marginBottom: 16 }} type={notice.type} showIcon title={notice.text} />}
      {loaded ? (
        <ImportReview key={loaded.version} pkg={loaded.pkg} plan={loaded.plan} fileName={loaded.fileName} onMerged={(r) => void merged(r)} />
      ) : (
        !notice && <Typography.Text type="secondary">尚未选择数据包。</Typography.Text>
      )}
    </Card>
  );
}

export function ExchangePage() {
  return (
    <section aria-labelledby="exchange-title">
      <Typography.Title level={3} id="exchange-title">
        数据交换
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        二级单位的台账员导出本单位的数据包，交给党委宣传部；宣传部导入后逐条对照、选择合并。合并的每条记录都记入审计日志。
      </Typography.Paragraph>
      <ExportCard />
      <ImportCard />
    </section>
  );
}
