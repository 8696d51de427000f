// One printed form: its number, template version, the record, its paper status and the scan of
// the signed copy (shown from the database, never from a file path).
import { Button, Descriptions, Drawer, Empty, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getForm, isFormId, scanAllowed } from '@shared/forms/registry';
import { db } from '../../db/database';
import { scanBlob } from '../../db/scan-bytes';
import { PrintoutActions } from './printout-actions';
import { CellActions } from '../../components/row-actions';
import { PrintPreview } from '../print/print-preview';
import type { FormRecordMap, FormId } from '@shared/forms/registry';
import { useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';

function ScanView({ attachmentId }: { attachmentId: string }) {
  const scan = useLiveQuery(async () => {
    const attachment = await db.attachments.get(attachmentId);
    return attachment && { attachment, blob: await scanBlob(db, attachment) };
  }, [attachmentId]);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!scan?.blob) return;
    const u = URL.createObjectURL(scan.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [scan]);
  if (!scan) return null;
  const { attachment } = scan;
  if (!scan.blob) return <Empty style={{ margin: '12px 0' }} description={`扫描件“${attachment.name}”的文件内容缺失，请重新上传扫描件，或从备份恢复。`} />;
  if (!url) return null;
  return (
    <>
      <Descriptions size="small" column={1} style={{ margin: '12px 0' }}>
        <Descriptions.Item label="扫描件">{attachment.name}</Descriptions.Item>
        <Descriptions.Item label="大小">{(attachment.size / 1024).toFixed(1)} KB</Descriptions.Item>
        <Descriptions.Item label="SHA-256">
          <code style={{ wordBreak: 'break-all' }}>{attachment.sha256}</code>
        </Descriptions.Item>
      </Descriptions>
      {attachment.mimeType === 'application/pdf' ? (
        <iframe title="扫描件" src={url} style={{ width: '100%', height: 520, border: '1px solid #ddd' }} />
      ) : (
        <img alt="扫描件" src={url} style={{ maxWidth: '100%', border: '1px solid #ddd' }} />
      )}
    </>
  );
}

export function PrintoutDrawer({ printoutId, onClose }: { printoutId: string; onClose: () => void }) {
  const timeZone = useTimeZone();
  const p = useLiveQuery(() => db.printouts.get(printoutId), [printoutId]);
  const [reprinting, setReprinting] = useState(false);
  const record = useLiveQuery(
    async () => (p?.recordTable && p.recordId ? ((await db.table(p.recordTable).get(p.recordId)) as FormRecordMap[FormId] | undefined) : undefined),
    [p?.recordTable, p?.recordId],
  );
  return (
    <Drawer open size={640} title={p ? `打印记录 ${p.formNumber}` : '打印记录'} onClose={onClose}>
      {p && (
        <>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="表格">{isFormId(p.formId) ? `${p.formId} ${getForm(p.formId).title}` : p.formId}</Descriptions.Item>
            <Descriptions.Item label="模板版本">{p.formVersion}</Descriptions.Item>
            <Descriptions.Item label="打印时间">{instantText(p.printedAt, timeZone)}</Descriptions.Item>
            <Descriptions.Item label="纸质状态">
              <Tag>{p.paperStatus}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="存放位置">{p.archiveLocation}</Descriptions.Item>
            <Descriptions.Item label="记录编号">{p.recordId}</Descriptions.Item>
          </Descriptions>
          <div style={{ margin: '12px 0' }}>
            <CellActions>
              <PrintoutActions printout={p} />
              {record && isFormId(p.formId) && (
                <Button size="small" onClick={() => setReprinting(true)}>
                  重印（同一编号）
                </Button>
              )}
            </CellActions>
          </div>
          {reprinting && record && isFormId(p.formId) && (
            <PrintPreview
              formId={p.formId}
              record={record}
              reprint={{ formNumber: p.formNumber, formVersion: p.formVersion }}
              onClose={() => setReprinting(false)}
            />
          )}
          {p.scanAttachmentId ? (
            <ScanView attachmentId={p.scanAttachmentId} />
          ) : (
            <Empty description={scanAllowed(p.formId) ? '尚未上传签回的扫描件' : '本页手写账号密码，装入信封密封保存，不扫描、不上传'} />
          )}
        </>
      )}
    </Drawer>
  );
}
