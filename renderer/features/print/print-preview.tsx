// Preview of a form as the PDF that will be printed, with 保存为 PDF and 打印. The PDF is built
// in a worker, so the window stays responsive while the font loads. Saving or printing records
// a printout (status 待签回) that pins the form number and template version.
import { App as AntApp, Alert, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createFormContext } from '@shared/forms/context';
import { pdfFileName } from '@shared/forms/file-name';
import { getForm, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { bridge } from '../../bridge';
import { db } from '../../db/database';
import { nextFormNumbers, recordPrintouts } from '../../db/printouts';
import { isPdfWarm, renderForm, subscribePdfWarm } from '../../pdf/pdf-client';
import { loadFormContext } from '../printouts/form-context';
import { showError } from '../../app/errors';
import { localToday } from '@shared/domain/today';

/** A reprint of a form already on paper: same number, nothing new to track. */
export interface Reprint {
  formNumber: string;
  /** The template version the paper copy was printed with. */
  formVersion: string;
}

export function PrintPreview<K extends FormId>({
  formId,
  record,
  onClose,
  reprint,
}: {
  formId: K;
  record: FormRecordMap[K] | null;
  onClose: () => void;
  reprint?: Reprint;
}) {
  const def = getForm(formId);
  const { message } = AntApp.useApp();
  const [pdf, setPdf] = useState<{ bytes: Uint8Array<ArrayBuffer>; url: string; number: string; fileName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Says which wait the clerk is in: the fonts still loading (right after start) or just the form.
  const pdfWarm = useSyncExternalStore(subscribePdfWarm, isPdfWarm);

  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    void (async () => {
      try {
        const number = reprint?.formNumber ?? (record ? (await nextFormNumbers(db, def.numberPrefix, Number(localToday().slice(0, 4))))[0]! : '');
        const ctx = await loadFormContext(number, formId, record ? [record] : []);
        const bytes = await renderForm(formId, record, ctx);
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
        // 表名-账号名称-日期.pdf (one rule for every saved form).
        setPdf({ bytes, url, number, fileName: pdfFileName(def, record, createFormContext(ctx)) });
      } catch (e) {
        console.error('PDF build failed', e);
        if (!cancelled) setError(e instanceof Error && e.message ? e.message : '生成 PDF 失败，请重试。');
      }
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [formId, record, def, reprint?.formNumber]);

  /** A filled form goes on paper to be signed: track it. A blank form has nothing to track. */
  const recordPrintout = async () => {
    if (!pdf || !record || reprint) return;
    await recordPrintouts(db, [
      { formId, formVersion: def.version, formNumber: pdf.number, recordTable: def.recordTable, recordId: def.recordId(record) },
    ]);
  };

  const save = async () => {
    if (!pdf) return;
    setBusy(true);
    try {
      const result = await bridge.saveFile({ suggestedName: pdf.fileName, data: pdf.bytes, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] });
      if (result.saved) {
        await recordPrintout();
        void message.success(`已保存：${result.path ?? pdf.fileName}`);
      }
    } catch (e) {
      showError(e, '保存 PDF 失败');
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    if (!pdf) return;
    setBusy(true);
    try {
      await bridge.printPdf({ title: pdf.fileName, data: pdf.bytes });
      await recordPrintout();
    } catch (e) {
      showError(e, '打印失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={900}
      title={`${def.title}${pdf?.number ? `（${pdf.number}）` : ''}`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button onClick={save} disabled={!pdf} loading={busy}>
            保存为 PDF
          </Button>
          <Button type="primary" onClick={print} disabled={!pdf} loading={busy}>
            打印
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {reprint && reprint.formVersion !== def.version && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`签署的纸质件使用的是模板 ${reprint.formVersion} 版，当前模板为 ${def.version} 版：重印件的格式可能与签署件不同，请以归档的纸质件和扫描件为准。`}
        />
      )}
      {reprint && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`重印 ${reprint.formNumber}（模板 ${reprint.formVersion} 版），不另行登记。`} />}
      {!pdf && !error && (
        <div style={{ height: 600, display: 'grid', placeItems: 'center' }}>
          <Spin description={pdfWarm ? '正在生成表格…' : '正在载入打印字体并生成表格（程序启动后的第一份表格需要几秒钟）…'} />
        </div>
      )}
      {pdf && <iframe title="表格预览" src={pdf.url} style={{ width: '100%', height: 640, border: '1px solid #ddd' }} />}
    </Modal>
  );
}
