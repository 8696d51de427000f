// Saved PDFs are named 表名-账号名称-日期 by one function (issue 16.13): F10 names its account too,
// the date is the day of saving on the institution's clock, and a blank or batch print says so.
import { describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { batchFileName, pdfFileName, safeFileName } from '../../../shared/forms/file-name';
import { FORM_REGISTRY } from '../../../shared/forms/registry';
import { change, envelope, recordsContext, wechat } from './records-fixture';

const ctx = createFormContext(recordsContext());
/** 23:30 UTC on the 21st is already the 22nd in Beijing. */
const NOW = '2026-11-21T23:30:00.000Z';

describe('pdfFileName: 表名-账号名称-日期.pdf', () => {
  it('names F10 after the account it files, not only the kind and date', () => {
    expect(pdfFileName(FORM_REGISTRY.F10, change, ctx, NOW)).toBe('新媒体账号变更（注销）备案表-翱翔信息化𠮷-2026-11-22.pdf');
  });

  it('uses the same rule for a platform record, an envelope and a blank form', () => {
    expect(pdfFileName(FORM_REGISTRY.F04, wechat, ctx, NOW)).toBe(`微信、微博账号备案信息表-${wechat.name}-2026-11-22.pdf`);
    expect(pdfFileName(FORM_REGISTRY.F12, envelope, ctx, NOW)).toBe('账号密码密封存档登记表-翱翔信息化𠮷-2026-11-22.pdf');
    expect(pdfFileName(FORM_REGISTRY.F10, null, ctx, NOW)).toBe('新媒体账号变更（注销）备案表-空白表-2026-11-22.pdf');
    expect(batchFileName(FORM_REGISTRY.F04, 3, ctx, NOW)).toBe('微信、微博账号备案信息表-批量3份-2026-11-22.pdf');
  });

  it('replaces what a file system refuses and keeps rare characters', () => {
    expect(safeFileName(' 宣传部/信息:中心*𠮷? ')).toBe('宣传部_信息_中心_𠮷_');
  });
});
