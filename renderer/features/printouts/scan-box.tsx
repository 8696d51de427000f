// The box a USB barcode scanner types into: it "types" the record id from a form's QR code and
// presses Enter. A typed form number (BA-2026-0007) works too. Opens what it names.
import { App as AntApp, Input } from 'antd';
import { useState } from 'react';
import { db } from '../../db/database';
import { printoutByNumber } from '../../db/printouts';
import { navigate } from '../../app/routes';

export function ScanBox({ onPrintout }: { onPrintout: (printoutId: string) => void }) {
  const { message } = AntApp.useApp();
  const [value, setValue] = useState('');

  const open = async (raw: string) => {
    const text = raw.trim();
    if (!text) return;
    setValue('');
    const platform = await db.platforms.get(text);
    if (platform && !platform.deletedAt) {
      navigate('platforms', platform.id);
      return;
    }
    const byNumber = await printoutByNumber(db, text);
    const byRecord = byNumber ?? (await db.printouts.where('recordId').equals(text).filter((p) => !p.deletedAt).last());
    if (byRecord) {
      onPrintout(byRecord.id);
      return;
    }
    void message.warning(`没有找到“${text}”对应的记录或表格。请确认扫描的是本程序打印的表格。`);
  };

  return (
    <Input.Search
      aria-label="扫码或输入编号"
      placeholder="用扫码枪扫描表格右下角的二维码，或输入表格编号（如 BA-2026-0007）后按回车"
      enterButton="打开"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onSearch={open}
      style={{ maxWidth: 640 }}
    />
  );
}
