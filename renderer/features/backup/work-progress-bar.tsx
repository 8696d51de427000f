// How far a backup, a check or a restore running in the backup worker has come: a bar and
// 已处理 N / M 条 (rows) or the bytes of the file read so far. The UI stays usable meanwhile.
import { Progress, Typography } from 'antd';
import type { WorkProgress } from './backup-worker-client';
import { formatBytes } from './format-bytes';

export function WorkProgressBar({ title, progress }: { title: string; progress: WorkProgress | undefined }) {
  const percent = progress && progress.total > 0 ? Math.min(99, Math.floor((progress.done / progress.total) * 100)) : 0;
  return (
    <div role="status" aria-live="polite" style={{ maxWidth: 480 }}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{title}</Typography.Paragraph>
      <Progress percent={percent} status="active" />
      {progress && (
        <Typography.Text type="secondary">
          {progress.step && `${progress.step}：`}
          {progress.unit === 'rows'
            ? `已处理 ${progress.done.toLocaleString('zh-CN')} / ${progress.total.toLocaleString('zh-CN')} 条`
            : `已处理 ${formatBytes(progress.done)} / ${formatBytes(progress.total)}`}
        </Typography.Text>
      )}
    </div>
  );
}
