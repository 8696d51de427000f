// exceljs is loaded when a workbook is read, not with the import page. If the program's own copy
// cannot be loaded, the clerk is told that it is the program, not the file, and nothing throws.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { readWorkbook } from '../../../renderer/features/import/read-workbook';

vi.mock('exceljs', () => {
  throw new Error('chunk missing');
});

describe('readWorkbook when exceljs cannot be loaded', () => {
  it('answers with the program reason, and still reads CSV files', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const read = await readWorkbook(xlsx, '台账.xlsx');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason).toContain('读取 Excel 文件的组件未能载入');
    expect(read.reason).toContain('文件本身未被改动');
    expect(read.detail).toContain('exceljs could not be loaded');

    const csv = await readWorkbook(strToU8('平台类型,账号名称\n微博,校团委\n'), '台账.csv');
    expect(csv.ok).toBe(true);
  });
});
