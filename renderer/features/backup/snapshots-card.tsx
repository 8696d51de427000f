// 恢复前快照: the data as it was right before each restore, to undo a restore or keep as a file.
import { App as AntApp, Button, Card, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { MAX_FILE_BYTES } from '@shared/bridge';
import { backupStamp } from '@shared/backup/file-names';
import { TABLE_LABELS } from '@shared/domain/tables';
import { bridge } from '../../bridge';
import { showError } from '../../app/errors';
import { listSnapshots, snapshotFile, SNAPSHOTS_KEPT, type SnapshotInfo } from '../../db/snapshots';
import { formatBytes } from './format-bytes';
import { restoreBackup, snapshotDb } from './backup-service';
import { useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';

const RECORD_COUNT_TABLES = ['units', 'people', 'platforms'] as const;

/** Named with the time the snapshot was taken on the institution's clock, as the card shows it. */
function snapshotFileName(info: SnapshotInfo, timeZone: string): string {
  return `恢复前快照-${backupStamp(new Date(info.createdAt), timeZone)}.mlbackup`;
}

export function SnapshotsCard() {
  const timeZone = useTimeZone();
  const snapshots = useLiveQuery(() => listSnapshots(snapshotDb), []);
  const [busy, setBusy] = useState<string | undefined>();
  const { message, modal } = AntApp.useApp();

  const undo = (info: SnapshotInfo) => {
    modal.confirm({
      title: '恢复到此快照？',
      content: `将用 ${instantText(info.createdAt, timeZone, 'second')} 的快照替换当前全部数据；当前数据同样会先保存为快照。`,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setBusy(info.id);
        try {
          const stored = await snapshotDb.snapshots.get(info.id);
          if (!stored) throw new Error('snapshot vanished');
          await restoreBackup(await snapshotFile(stored), `恢复前快照（${instantText(info.createdAt, timeZone, 'second')}）`);
          void message.success('已恢复到所选快照');
        } catch (error) {
          showError(error, '恢复快照失败，当前数据保持原样');
        } finally {
          setBusy(undefined);
        }
      },
    });
  };

  const saveAs = async (info: SnapshotInfo) => {
    if (info.bytes > MAX_FILE_BYTES) {
      void message.error('快照太大，不能另存为文件。请改用“立即备份”备份当前数据。');
      return;
    }
    try {
      const stored = await snapshotDb.snapshots.get(info.id);
      if (!stored) return;
      const data = new Uint8Array(await (await snapshotFile(stored)).arrayBuffer());
      const result = await bridge.saveFile({ suggestedName: snapshotFileName(info, timeZone), data, filters: [{ name: '台账备份', extensions: ['mlbackup'] }] });
      if (result.saved) void message.success('快照已另存为备份文件');
    } catch (error) {
      showError(error, '另存快照失败');
    }
  };

  return (
    <Card title="恢复前快照">
      <Typography.Paragraph type="secondary">
        每次恢复前，当前数据都会自动保存为快照（保留最近 {SNAPSHOTS_KEPT} 份）。恢复快照即可撤销一次恢复。
      </Typography.Paragraph>
      <Table<SnapshotInfo>
        size="small"
        rowKey="id"
        loading={!snapshots}
        dataSource={snapshots}
        pagination={false}
        locale={{ emptyText: '还没有快照：尚未做过恢复。' }}
        columns={[
          { title: '时间', width: 170, render: (_, s) => instantText(s.createdAt, timeZone, 'second') },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '内容',
            render: (_, s) => RECORD_COUNT_TABLES.map((t) => `${TABLE_LABELS[t]} ${s.counts[t]}`).join('，'),
          },
          { title: '大小', width: 90, render: (_, s) => formatBytes(s.bytes) },
          {
            title: '操作',
            width: 190,
            render: (_, s) => (
              <Space>
                <Button size="small" loading={busy === s.id} disabled={busy !== undefined} onClick={() => undo(s)}>
                  恢复此快照
                </Button>
                <Button size="small" onClick={() => void saveAs(s)}>
                  另存为文件
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
