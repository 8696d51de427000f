// Batch printing: many forms into one PDF with a progress bar and a cancel button. The PDFs are
// built in the worker, so the window stays responsive; nothing is recorded until the clerk saves
// or prints the result.
import { App as AntApp, Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { profileZone } from '@shared/domain/time-zone';
import { batchFileName } from '@shared/forms/file-name';
import { getForm, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { bridge } from '../../bridge';
import { db } from '../../db/database';
import { nextFormNumbers, recordPrintouts } from '../../db/printouts';
import { PdfCancelledError, renderBatch } from '../../pdf/pdf-client';
import { showError } from '../../app/errors';
import { loadFormContext } from './form-context';
import { localToday } from '@shared/domain/today';

type State =
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; pdf: Uint8Array<ArrayBuffer>; numbers: string[]; fileName: string }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export function BatchPrintDialog({ formId, records, onClose }: { formId: FormId; records: FormRecordMap[FormId][]; onClose: () => void }) {
  const def = getForm(formId);
  const { message } = AntApp.useApp();
  const [state, setState] = useState<State>({ phase: 'running', done: 0, total: records.length });
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    void (async () => {
      try {
        const numbers = await nextFormNumbers(db, def.numberPrefix, Number(localToday().slice(0, 4)), records.length);
        const context = await loadFormContext('', formId, records);
        const items = records.map((record, i) => ({ formId, record, formNumber: numbers[i]! }));
        const pdf = await renderBatch(items, context, `${def.title}（${records.length} 份）`, {
          signal: abort.signal,
          onProgress: (done, total) => setState({ phase: 'running', done, total }),
        });
        setState({ phase: 'done', pdf, numbers, fileName: batchFileName(def, records.length, { timeZone: profileZone(context.profile) }) });
      } catch (e) {
        if (e instanceof PdfCancelledError) setState({ phase: 'cancelled' });
        else {
          console.error('batch failed', e);
          setState({ phase: 'failed', message: e instanceof Error ? e.message : '批量生成失败' });
        }
      }
    })();
    return () => abort.abort();
  }, [formId, records, def]);

  const track = async (numbers: string[]) =>
    recordPrintouts(
      db,
      records.map((r, i) => ({ formId, formVersion: def.version, formNumber: numbers[i]!, recordTable: def.recordTable, recordId: def.recordId(r) })),
    );

  const finish = async (how: 'save' | 'print') => {
    if (state.phase !== 'done') return;
    setBusy(true);
    try {
      if (how === 'save') {
        const result = await bridge.saveFile({ suggestedName: state.fileName, data: state.pdf, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] });
        if (!result.saved) return;
        void message.success(`已保存：${result.path ?? state.fileName}`);
      } else {
        await bridge.printPdf({ title: state.fileName, data: state.pdf });
      }
      await track(state.numbers);
      void message.info(`已登记 ${records.length} 份待签回的表格`);
    } catch (e) {
      showError(e, how === 'save' ? '保存 PDF 失败' : '打印失败');
    } finally {
      setBusy(false);
    }
  };

  const running = state.phase === 'running';
  return (
    <Modal
      open
      title={`批量打印：${def.title}`}
      closable={!running}
      maskClosable={false}
      onCancel={onClose}
      footer={
        running ? (
          <Button danger onClick={() => controller.current?.abort()}>
            取消
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>关闭</Button>
            {state.phase === 'done' && (
              <>
                <Button onClick={() => finish('save')} loading={busy}>
                  保存为 PDF
                </Button>
                <Button type="primary" onClick={() => finish('print')} loading={busy}>
                  打印
                </Button>
              </>
            )}
          </Space>
        )
      }
    >
      {running && (
        <>
          <Progress percent={Math.floor((state.done / Math.max(1, state.total)) * 100)} aria-label="批量打印进度" />
          <Typography.Text>
            正在生成第 {Math.min(state.done + 1, state.total)} 份，共 {state.total} 份…
          </Typography.Text>
        </>
      )}
      {state.phase === 'done' && <Alert type="success" showIcon title={`已生成 ${records.length} 份表格（编号 ${state.numbers[0]} 至 ${state.numbers.at(-1)}），请保存或打印。`} />}
      {state.phase === 'cancelled' && <Alert type="info" showIcon title="已取消批量打印，未登记任何打印记录。" />}
      {state.phase === 'failed' && <Alert type="error" showIcon title={state.message} />}
    </Modal>
  );
}
