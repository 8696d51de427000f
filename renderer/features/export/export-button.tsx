// The one export control of every list: “导出 Excel” saves the rows as currently filtered to an
// .xlsx workbook; the CSV menu saves them as CSV in UTF-8 with BOM or in GBK. When GBK cannot hold
// some characters (生僻字 such as 𠮷), the clerk is told which and chooses: UTF-8, or GBK anyway.
import { DownOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { knownRowCount, type ExportSource } from '@shared/spreadsheet/export-table';
import { saveBlob } from '../../bridge';
import { showError } from '../../app/errors';
import { ExportCancelled, FORMAT_LABELS, buildExport, exportingLabel, type ExportFormat } from './export-files';

export interface ExportButtonProps {
  /** File name without date and extension, e.g. '平台台账'. */
  fileName: string;
  /**
   * The tables to export, built when the clerk clicks (the rows as currently filtered); a long
   * list may hand its rows over in slices as they are read (SlicedExportTable).
   */
  tables: () => ExportSource[] | Promise<ExportSource[]>;
  /** Label of the main button. */
  label?: string;
  disabled?: boolean;
}

const MAX_LISTED = 20;

export function ExportButton({ fileName, tables, label = '导出 Excel', disabled }: ExportButtonProps) {
  const { message } = AntApp.useApp();
  // While an export runs: what the button says (the rows being written, once the tables are read).
  const [busy, setBusy] = useState<string | null>(null);
  const [unencodable, setUnencodable] = useState<string[] | null>(null);
  // The running export's cancel (取消 beside the button while it runs).
  const running = useRef<AbortController | null>(null);

  const save = async (format: ExportFormat, gbkConfirmed = false): Promise<void> => {
    setUnencodable(null);
    setBusy('正在导出…');
    const cancel = new AbortController();
    running.current = cancel;
    try {
      const read = await tables();
      const known = knownRowCount(read);
      if (known !== undefined) setBusy(exportingLabel(known, 0));
      const built = await buildExport(fileName, read, format, (posted) => setBusy(exportingLabel(known, posted)), cancel.signal);
      if (format === 'gbk' && built.unencodable.length > 0 && !gbkConfirmed) {
        setUnencodable(built.unencodable);
        return;
      }
      let saved = 0;
      for (const file of built.files) {
        const result = await saveBlob({ suggestedName: file.name, data: file.data, filters: file.filters });
        if (result.saved) saved++;
      }
      if (saved > 0) void message.success(`已导出 ${FORMAT_LABELS[format]}`);
    } catch (e) {
      if (e instanceof ExportCancelled) void message.info('已取消导出，未保存文件');
      else showError(e, '导出失败');
    } finally {
      running.current = null;
      setBusy(null);
    }
  };

  const listed = unencodable ? unencodable.slice(0, MAX_LISTED).join(' ') : '';
  const more = unencodable && unencodable.length > MAX_LISTED ? ` 等 ${unencodable.length} 个字符` : '';

  return (
    <>
      <Space.Compact>
        {/* Disabled while an export runs, so that a second click does not start a second one. */}
        <Button onClick={() => void save('xlsx')} loading={busy !== null} disabled={disabled || busy !== null}>
          {busy ?? label}
        </Button>
        <Dropdown
          disabled={disabled || busy !== null}
          menu={{
            items: (['utf8-bom', 'gbk'] as const).map((f) => ({ key: f, label: FORMAT_LABELS[f] })),
            onClick: ({ key }) => void save(key as ExportFormat),
          }}
        >
          <Button aria-label="导出 CSV" disabled={disabled || busy !== null}>
            CSV <DownOutlined />
          </Button>
        </Dropdown>
        {busy !== null && <Button onClick={() => running.current?.abort()}>取消</Button>}
      </Space.Compact>
      <Modal
        open={unencodable !== null}
        title="GBK 无法保存部分字符"
        onCancel={() => setUnencodable(null)}
        footer={[
          <Button key="cancel" onClick={() => setUnencodable(null)}>
            取消
          </Button>,
          <Button key="gbk" onClick={() => void save('gbk', true)}>
            仍用 GBK 导出
          </Button>,
          <Button key="utf8" type="primary" onClick={() => void save('utf8-bom')}>
            改用 UTF-8 导出
          </Button>,
        ]}
      >
        <Typography.Paragraph>
          以下字符无法用 GBK 编码保存，导出的文件中会变成“?”：
          <Typography.Text strong>{` ${listed}${more}`}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">建议改用“CSV（UTF-8 带 BOM）”或 Excel 格式导出，以保留这些字符。</Typography.Paragraph>
      </Modal>
    </>
  );
}
