// Preview of a form as the PDF that will be printed, with 保存为 PDF and 打印. The PDF is built
// in a worker, so the window stays responsive while the font loads. Saving or printing records
// a printout (status 待签回) that pins the form number and template version.
import { App as AntApp, Alert, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FORM_REGISTRY, formNumber, type FormId, type FormRecordMap } from '@shared/forms/registry';
import type { FormContextData } from '@shared/forms/context';
import { bridge } from '../../bridge';
import { db } from '../../db/database';
import { createRecord } from '../../db/repository';
import type { Printout } from '@shared/domain/records';
import { renderForm } from '../../pdf/pdf-client';
import { showError } from '../../app/errors';

/** The next number of this form this year, e.g. BA-2026-0007 (never reused: trashed ones count). */
async function nextFormNumber(formId: FormId, year: number): Promise<string> {
  const def = FORM_REGISTRY[formId];
  const prefix = `${def.numberPrefix}-${year}-`;
  const used = await db.printouts.where('formId').equals(formId).filter((p) => p.formNumber.startsWith(prefix)).count();
  return formNumber(def.numberPrefix, year, used + 1);
}

export function PrintPreview<K extends FormId>({
  formId,
  record,
  onClose,
}: {
  formId: K;
  record: FormRecordMap[K] | null;
  onClose: () => void;
}) {
  const def = FORM_REGISTRY[formId];
  const { message } = AntApp.useApp();
  const [pdf, setPdf] = useState<{ bytes: Uint8Array<ArrayBuffer>; url: string; number: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const recordName = record && 'name' in record ? String(record.name) : '空白表';
  const fileName = useMemo(() => `${formId}-${def.title}-${recordName}.pdf`.replace(/[\\/:*?"<>|]/g, '_'), [formId, def.title, recordName]);

  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    void (async () => {
      try {
        const [settings, people, units, platforms] = await Promise.all([
          db.settings.get('main'),
          db.people.toArray(),
          db.units.toArray(),
          db.platforms.toArray(),
        ]);
        const now = new Date();
        const number = record ? await nextFormNumber(formId, now.getFullYear()) : '';
        const ctx: FormContextData = {
          institutionName: settings?.institutionName ?? '',
          texts: settings!.profile.texts,
          formNumber: number,
          printedAt: now.toISOString(),
          people,
          units,
          platforms,
        };
        const bytes = await renderForm(formId, record, ctx);
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
        setPdf({ bytes, url, number });
      } catch (e) {
        console.error('PDF build failed', e);
        if (!cancelled) setError(e instanceof Error && e.message ? e.message : '生成 PDF 失败，请重试。');
      }
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [formId, record]);

  const recordPrintout = async () => {
    if (!pdf || !record || !('id' in record)) return;
    await createRecord<Printout>(db, 'printouts', {
      formId,
      formVersion: def.version,
      formNumber: pdf.number,
      recordTable: 'platforms',
      recordId: String(record.id),
      printedAt: new Date().toISOString(),
      paperStatus: '待签回',
    });
  };

  const save = async () => {
    if (!pdf) return;
    setBusy(true);
    try {
      const result = await bridge.saveFile({ suggestedName: fileName, data: pdf.bytes, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] });
      if (result.saved) {
        await recordPrintout();
        void message.success(`已保存：${result.path ?? fileName}`);
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
      await bridge.printPdf({ title: fileName, data: pdf.bytes });
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
      {!pdf && !error && (
        <div style={{ height: 600, display: 'grid', placeItems: 'center' }}>
          <Spin description="正在生成表格（首次需载入字体，约 1 秒）…" />
        </div>
      )}
      {pdf && <iframe title="表格预览" src={pdf.url} style={{ width: '100%', height: 640, border: '1px solid #ddd' }} />}
    </Modal>
  );
}
