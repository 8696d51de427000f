// 从备份恢复: choose a file → (passphrase) → the whole file verified → what it holds beside the
// current data → confirm → snapshot of the current data → replace. Nothing changes before the
// confirmation, and a failure at any step leaves the current data as it was.
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { ChainVerdict } from '@shared/audit/hash-chain';
import type { BackupSummary } from '@shared/backup/backup-reader';
import type { BackupCounts } from '@shared/backup/format';
import { errorText } from '../../app/errors';
import { db } from '../../db/database';
import { countTables, SnapshotFailed } from '../../db/backup';
import { CountsTable } from './counts-table';
import { formatBytes } from './format-bytes';
import { WorkProgressBar } from './work-progress-bar';
import { inspectBackupFile, isEncryptedBackup, restoreBackup, type InspectResult, type WorkProgress } from './backup-service';
import { useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';

type Verified = Extract<InspectResult, { ok: true }>;

type Stage =
  | { step: 'idle' }
  | { step: 'passphrase'; file: File; wrong?: string }
  | { step: 'verifying'; file: File; progress?: WorkProgress }
  | { step: 'refused'; file: File; reason: string }
  | { step: 'verified'; file: File; passphrase?: string; contents: Verified; current: BackupCounts; chain: ChainVerdict }
  | { step: 'restoring'; file: File; progress?: WorkProgress }
  | { step: 'snapshot-failed'; file: File; passphrase?: string; reason: string; previewed: BackupSummary }
  | { step: 'done'; file: File }
  | { step: 'done-without-snapshot'; file: File };

/** What a restore takes of the preview's outcome (not the chain's verdict, which it does not need). */
function summaryOf({ manifest, counts, attachmentBytes, encrypted }: Verified): BackupSummary {
  return { manifest, counts, attachmentBytes, encrypted };
}

/** Largest file the restore reads (a backup with 1 GB of scans fits well). */
const MAX_RESTORE_BYTES = 8 * 1024 * 1024 * 1024;

export function RestoreCard() {
  const timeZone = useTimeZone();
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const { modal } = AntApp.useApp();

  const verify = async (file: File, passphrase?: string) => {
    setStage({ step: 'verifying', file });
    // The file is read and checked in the backup worker; this thread only shows how far it is.
    const contents = await inspectBackupFile(file, passphrase, (progress) => setStage({ step: 'verifying', file, progress }));
    if (!contents.ok) {
      if (passphrase && contents.reason.includes('口令')) setStage({ step: 'passphrase', file, wrong: contents.reason });
      else setStage({ step: 'refused', file, reason: contents.reason });
      return;
    }
    setStage({ step: 'verified', file, ...(passphrase && { passphrase }), contents, current: await countTables(db), chain: contents.chain });
  };

  const choose = async (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file) return;
    if (file.size > MAX_RESTORE_BYTES) {
      setStage({ step: 'refused', file, reason: '文件过大，不是本软件的备份文件。' });
      return;
    }
    if (await isEncryptedBackup(file)) setStage({ step: 'passphrase', file });
    else await verify(file);
  };

  // The preview's summary goes with the file: a file without scans is not read a first time again.
  const run = async (file: File, passphrase: string | undefined, previewed: BackupSummary, withoutSnapshot: boolean) => {
    setStage({ step: 'restoring', file });
    try {
      await restoreBackup(file, file.name, passphrase, { withoutSnapshot, previewed, onProgress: (progress) => setStage({ step: 'restoring', file, progress }) });
      setStage({ step: withoutSnapshot ? 'done-without-snapshot' : 'done', file });
    } catch (error) {
      console.error('[backup] restore failed', error);
      const reason = errorText(error, '恢复失败，当前数据保持原样');
      if (error instanceof SnapshotFailed) setStage({ step: 'snapshot-failed', file, ...(passphrase && { passphrase }), reason, previewed });
      else setStage({ step: 'refused', file, reason });
    }
  };

  const replace = (file: File, passphrase: string | undefined, previewed: BackupSummary) => {
    modal.confirm({
      title: '用此备份替换当前全部数据？',
      content: '当前数据会先自动保存为“恢复前快照”，如有需要可在下方撤销本次恢复。',
      okText: '替换',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run(file, passphrase, previewed, false),
    });
  };

  const replaceWithoutSnapshot = (file: File, passphrase: string | undefined, previewed: BackupSummary) => {
    modal.confirm({
      title: '不保存快照，直接用此备份替换当前数据？',
      content: '当前数据将被替换且无法撤销。仅在当前数据已损坏、无法保存快照时这样做。',
      okText: '直接替换',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run(file, passphrase, previewed, true),
    });
  };

  return (
    <Card title="从备份恢复" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        恢复前会完整校验备份文件（校验和、记录数、格式版本），并列出其中的内容；确认后才会替换当前数据，替换前自动保存当前数据的快照。
      </Typography.Paragraph>
      <input
        ref={input}
        type="file"
        accept=".mlbackup"
        aria-label="备份文件"
        style={{ display: 'none' }}
        onChange={(event) => void choose(event.target.files?.[0])}
      />
      <Space style={{ marginBottom: 16 }}>
        <Button onClick={() => input.current?.click()} disabled={stage.step === 'verifying' || stage.step === 'restoring'}>
          选择备份文件…
        </Button>
        {'file' in stage && <Typography.Text>{stage.file.name}</Typography.Text>}
      </Space>

      {stage.step === 'passphrase' && <PassphraseForm wrong={stage.wrong} onSubmit={(passphrase) => void verify(stage.file, passphrase)} />}
      {stage.step === 'verifying' && <WorkProgressBar title="正在校验备份文件…" progress={stage.progress} />}
      {stage.step === 'restoring' && <WorkProgressBar title="正在保存当前数据的快照并恢复，请勿关闭程序…" progress={stage.progress} />}
      {stage.step === 'refused' && <Alert type="error" showIcon title={stage.reason} description="当前数据未做任何更改。" />}
      {stage.step === 'snapshot-failed' && (
        <Alert
          type="error"
          showIcon
          title={stage.reason}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                若磁盘空间不足，请清理后重试。若当前数据已损坏（例如扫描件丢失），可以不保存快照直接恢复，但之后无法撤销。
              </Typography.Paragraph>
              <Space>
                <Button onClick={() => replace(stage.file, stage.passphrase, stage.previewed)}>重试</Button>
                <Button danger onClick={() => replaceWithoutSnapshot(stage.file, stage.passphrase, stage.previewed)}>
                  不保存快照，直接恢复…
                </Button>
              </Space>
            </>
          }
        />
      )}
      {stage.step === 'done-without-snapshot' && <Alert type="success" showIcon title="恢复完成" description="本次恢复前未保存快照，不能撤销。" />}
      {stage.step === 'done' && <Alert type="success" showIcon title="恢复完成" description="恢复前的数据已保存为快照，可在下方“恢复前快照”中撤销本次恢复。" />}
      {stage.step === 'verified' && (
        <>
          <Alert type="success" showIcon style={{ marginBottom: 12 }} title="备份文件完整，校验通过" />
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="备份时间">{instantText(stage.contents.manifest.createdAt, timeZone, 'second')}</Descriptions.Item>
            <Descriptions.Item label="软件版本">
              {stage.contents.manifest.appVersion}（数据库第 {stage.contents.manifest.dbVersion} 版）
            </Descriptions.Item>
            <Descriptions.Item label="加密">{stage.contents.encrypted ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="扫描件">
              {stage.contents.counts.attachments} 个，共 {formatBytes(stage.contents.attachmentBytes)}
            </Descriptions.Item>
          </Descriptions>
          {!stage.chain.ok && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`备份中的审计日志校验未通过：第 ${stage.chain.brokenAt} 条记录${stage.chain.reason}。`}
              description="这份备份的审计日志可能被改动过。如无特殊原因，请换用另一份备份。"
            />
          )}
          <CountsTable incoming={stage.contents.counts} current={stage.current} incomingTitle="备份中" />
          <Button danger type="primary" style={{ marginTop: 12 }} onClick={() => replace(stage.file, stage.passphrase, summaryOf(stage.contents))}>
            用此备份替换当前数据…
          </Button>
        </>
      )}
    </Card>
  );
}

function PassphraseForm({ wrong, onSubmit }: { wrong?: string; onSubmit: (passphrase: string) => void }) {
  const [form] = Form.useForm<{ passphrase: string }>();
  return (
    <Form form={form} layout="inline" onFinish={(values) => onSubmit(values.passphrase)} style={{ marginBottom: 12 }}>
      <Form.Item
        name="passphrase"
        label="备份口令"
        validateStatus={wrong ? 'error' : undefined}
        help={wrong ?? '此备份已加密，请输入备份时设置的口令。'}
        rules={[{ required: true, message: '请输入备份口令' }]}
      >
        <Input.Password autoComplete="off" style={{ width: 240 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" type="primary">
          校验
        </Button>
      </Form.Item>
    </Form>
  );
}
