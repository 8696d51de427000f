// 备份与恢复: make a backup now, see the automatic backups and their folder (desktop), restore a
// backup with a full check first, and undo a restore from its snapshot.
import { Alert, App as AntApp, Button, Card, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupFileInfo, BackupKind, BackupStatus } from '@shared/bridge';
import { bridge } from '../../bridge';
import { showError } from '../../app/errors';
import { BackupNowDialog } from './backup-now-dialog';
import { lastBackup } from './backup-service';
import { formatBytes } from './format-bytes';
import { RestoreCard } from './restore-card';
import { SnapshotsCard } from './snapshots-card';
import { useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';

const KIND_LABELS: Record<BackupKind, string> = { manual: '手动', daily: '每日自动', quit: '退出时自动' };

/** Days after which the browser edition reminds the clerk to back up again. */
const BROWSER_REMINDER_DAYS = 7;

function BackupCard() {
  const timeZone = useTimeZone();
  const [status, setStatus] = useState<BackupStatus | undefined>();
  const [dialogOpen, setDialogOpen] = useState(false);
  const { message } = AntApp.useApp();

  const refresh = useCallback(() => {
    bridge.backupStatus().then(setStatus, (error: unknown) => showError(error, '读取备份文件夹失败'));
  }, []);
  useEffect(refresh, [refresh]);

  const changeFolder = async () => {
    try {
      const folder = await bridge.chooseBackupFolder();
      if (folder) {
        void message.success(`自动备份文件夹已改为：${folder}`);
        refresh();
      }
    } catch (error) {
      showError(error, '更改备份文件夹失败');
    }
  };

  const last = lastBackup();
  const stale = !last || Date.now() - new Date(last.at).getTime() > BROWSER_REMINDER_DAYS * 24 * 60 * 60 * 1000;
  return (
    <Card title="备份" style={{ marginBottom: 16 }}>
      {status && !status.automatic && (
        <Alert
          type={stale ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={last ? `上次备份：${instantText(last.at, timeZone, 'second')}` : '本机浏览器中的数据还没有备份过'}
          description={`浏览器版不能自动备份。请至少每 ${BROWSER_REMINDER_DAYS} 天手动备份一次，并把下载的备份文件复制到 U 盘等安全位置。`}
        />
      )}
      {status?.automatic && (
        <Typography.Paragraph>
          每天第一次打开程序时和关闭程序时，如数据有改动会自动备份到：
          <Typography.Text code copyable>
            {status.folder}
          </Typography.Text>
          。自动备份不加密：能打开这个文件夹的人就能读到全部记录。需要带出本机的备份，请用“立即备份”并设置口令。
        </Typography.Paragraph>
      )}
      {status?.automatic && status.removable && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="自动备份文件夹在U盘等移动存储设备上"
          description="自动备份不加密，U盘丢失或借给他人时全部记录都可能泄露；U盘拔出时自动备份也会失败。建议把自动备份文件夹改到本机硬盘上，需要存到U盘的备份请用“立即备份”并设置口令。"
        />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setDialogOpen(true)}>
          立即备份…
        </Button>
        {status?.automatic && <Button onClick={() => void changeFolder()}>更改自动备份文件夹…</Button>}
        {status?.automatic && (
          <Button onClick={() => bridge.openFolder({ which: 'backups' }).catch((error: unknown) => showError(error, '无法打开备份文件夹'))}>打开备份文件夹</Button>
        )}
      </Space>
      {status?.automatic && (
        <Table<BackupFileInfo>
          size="small"
          rowKey="name"
          dataSource={status.files}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '备份文件夹中还没有备份。' }}
          columns={[
            { title: '文件名', dataIndex: 'name' },
            { title: '类型', width: 110, render: (_, f) => KIND_LABELS[f.kind] },
            { title: '大小', width: 100, render: (_, f) => formatBytes(f.bytes) },
            { title: '时间', width: 170, render: (_, f) => instantText(f.modifiedAt, timeZone, 'second') },
          ]}
        />
      )}
      <BackupNowDialog
        open={dialogOpen}
        onClose={() => {
          setDialogOpen(false);
          refresh();
        }}
      />
    </Card>
  );
}

export function BackupPage() {
  return (
    <section aria-labelledby="backup-title">
      <Typography.Title level={3} id="backup-title">
        备份与恢复
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        备份文件包含全部记录、审计日志、设置和扫描件，并附有每一部分的 SHA-256 校验和；写入后先校验再保存，中断的备份不会覆盖原有备份。
      </Typography.Paragraph>
      <BackupCard />
      <RestoreCard />
      <SnapshotsCard />
    </section>
  );
}
