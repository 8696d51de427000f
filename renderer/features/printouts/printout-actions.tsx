// What the clerk does with a printed form once it is out: attach the signed scan (marks it
// 已签回), mark it back without a scan, file it in an archive box, or step back one status.
import { App as AntApp, Input, Modal, Upload } from 'antd';
import { useState } from 'react';
import type { Printout } from '@shared/domain/records';
import { scanAllowed } from '@shared/forms/registry';
import { MAX_SCAN_BYTES } from '@shared/rules/paper-status';
import { db } from '../../db/database';
import { attachScan, setPaperStatus } from '../../db/printouts';
import { showError } from '../../app/errors';
import { RowButton } from '../../components/row-button';

export function PrintoutActions({ printout: p }: { printout: Printout }) {
  const { message, modal } = AntApp.useApp();
  const [filing, setFiling] = useState(false);
  const [location, setLocation] = useState('');

  const run = async (what: () => Promise<void>, done: string, failed: string) => {
    try {
      await what();
      void message.success(done);
    } catch (e) {
      showError(e, failed);
    }
  };

  // The buttons alone: the list's 操作 cell and the drawer put them in their own row (CellActions).
  return (
    <>
      {/* A sheet with handwritten credentials (F12I) stays in its envelope: no scan is ever taken in. */}
      {scanAllowed(p.formId) && (
      <Upload
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        showUploadList={false}
        beforeUpload={(file) => {
          void run(() => attachScan(db, p.id, file), `已保存扫描件，${p.formNumber} 已签回`, '保存扫描件失败');
          return false;
        }}
      >
        <RowButton aria-label={`上传扫描件 ${p.formNumber}`} title={`PDF、JPEG 或 PNG，不超过 ${MAX_SCAN_BYTES / 1024 / 1024} MB`}>
          {p.scanAttachmentId ? '更换扫描件' : '上传扫描件'}
        </RowButton>
      </Upload>
      )}
      {p.paperStatus === '待签回' && (
        <RowButton onClick={() => run(() => setPaperStatus(db, p.id, { to: '已签回' }), `${p.formNumber} 已签回`, '操作失败')}>
          标记已签回
        </RowButton>
      )}
      {p.paperStatus === '已签回' && (
        <RowButton onClick={() => setFiling(true)}>
          归档
        </RowButton>
      )}
      {p.paperStatus !== '待签回' && (
        <RowButton
          onClick={() =>
            modal.confirm({
              title: '退回上一状态？',
              content: p.paperStatus === '已归档' ? '将改回“已签回”。' : '将改回“待签回”。',
              okText: '退回',
              cancelText: '取消',
              onOk: () => run(() => setPaperStatus(db, p.id, { to: p.paperStatus === '已归档' ? '已签回' : '待签回' }), '已退回上一状态', '操作失败'),
            })
          }
        >
          撤回
        </RowButton>
      )}
      {filing && (
        <Modal
          open
          title={`归档 ${p.formNumber}`}
          okText="归档"
          cancelText="取消"
          onCancel={() => setFiling(false)}
          onOk={async () => {
            try {
              await setPaperStatus(db, p.id, { to: '已归档', archiveLocation: location });
              void message.success(`${p.formNumber} 已归档`);
              setFiling(false);
            } catch (e) {
              showError(e, '归档失败');
            }
          }}
        >
          <Input autoFocus aria-label="档案盒号或存放位置" placeholder="例如：2026-网宣-03盒，档案柜B2" value={location} onChange={(e) => setLocation(e.target.value)} />
        </Modal>
      )}
    </>
  );
}
