// Rows → drafts: per-row errors (row number as in the sheet, column header, Chinese reason),
// references by name, and duplicates within the file and against what is stored.
import { describe, expect, it } from 'vitest';
import { newId } from '@shared/domain/ids';
import type { CellValue, SheetData } from '@shared/spreadsheet/cells';
import { buildPreview, DEFAULT_MAX_ROWS, splitPreview, type ImportPreview } from '@shared/spreadsheet/convert';
import { proposeMapping } from '@shared/spreadsheet/mapping';
import { MAX_SHEET_ROWS } from '../../../renderer/features/import/read-workbook';
import type { StoredData } from '@shared/spreadsheet/references';
import type { ImportTarget } from '@shared/spreadsheet/targets';

const TODAY = '2026-03-01';
const ids = { xcb: newId(), tw: newId(), lib: newId(), old: newId(), chen: newId(), wang1: newId(), wang2: newId(), hu: newId(), gone: newId(), site: newId() };

const stored: StoredData = {
  units: [
    { id: ids.xcb, name: '党委宣传部' },
    { id: ids.tw, name: '校团委' },
    { id: ids.lib, name: '图书馆' },
    { id: ids.old, name: '国际交流处', deletedAt: '2025-01-01T00:00:00.000Z' },
  ],
  people: [
    { id: ids.chen, name: '陈𠮷安', unitId: ids.xcb },
    { id: ids.wang1, name: '王伟', unitId: ids.xcb },
    { id: ids.wang2, name: '王伟', unitId: ids.lib },
    { id: ids.hu, name: '胡亚楠', unitId: ids.tw },
    { id: ids.gone, name: '许志明', unitId: ids.lib, deletedAt: '2025-01-01T00:00:00.000Z' },
  ],
  platforms: [
    { id: ids.site, kind: '官方网站', accountId: 'https://lib.dhsf.edu.cn/', name: '图书馆网站' },
    { id: newId(), kind: '微博', accountId: 'weibo.com/old', name: '旧微博', deletedAt: '2025-01-01T00:00:00.000Z' },
  ],
};

function preview(target: ImportTarget, rows: CellValue[][], store: StoredData = stored): ImportPreview {
  const sheet: SheetData = { name: 'S', rows };
  const result = buildPreview(sheet, 0, proposeMapping(sheet, 0, target), target, store, { today: TODAY, newId });
  if (!result.ok) throw new Error(result.reason);
  return result.preview;
}

const HEADER = ['平台类型', '账号名称', '账号ID', '主办单位', '开通时间', '负责人', '管理员', '粉丝数', '认证情况', '运行状态', '备注'];

describe('platform rows', () => {
  it('turns a clean row into a validated draft with resolved ids', () => {
    const p = preview('platforms', [HEADER, ['公众号', '东湖青年', 'dhsf_youth', '校团委', '2019.6.13', '胡亚楠', '陈𠮷安', '2.6万', '是', '正常', '']]);
    expect(p.rows).toHaveLength(1);
    const row = p.rows[0]!;
    expect(row.errors).toEqual([]);
    expect(row.rowNumber).toBe(2);
    expect(row.draft).toMatchObject({
      kind: '微信公众号',
      name: '东湖青年',
      accountId: 'dhsf_youth',
      hostUnitId: ids.tw,
      openedOn: '2019-06-13',
      responsibleId: ids.hu,
      chiefAdminId: ids.chen,
      followers: [{ date: TODAY, value: 26000, note: '导入时的数字' }],
      certification: '已认证',
      status: '运行中',
      statusHistory: [{ date: TODAY, value: '运行中', note: '从表格导入' }],
      sectionAdminIds: [],
    });
    expect(row.draft).not.toHaveProperty('group');
  });

  it('reports every problem of a row with its sheet row number, column header and reason', () => {
    const p = preview('platforms', [
      ['东湖示范大学新媒体台账'],
      HEADER,
      ['公众号', '东湖体育', 'dhsf_pe', '体育学院', '2019.2.30', '刘强', '', 'many', '也许', '运行', ''],
    ].slice(1));
    const row = p.rows[0]!;
    expect(row.rowNumber).toBe(2);
    expect(row.draft).toBeUndefined();
    expect(row.errors).toEqual([
      { column: '主办单位', message: expect.stringMatching(/找不到名为“体育学院”的单位/) },
      { column: '开通时间', message: expect.stringMatching(/2019年2月没有30日/) },
      { column: '负责人', message: expect.stringMatching(/找不到名为“刘强”的人员/) },
      { column: '粉丝数', message: expect.stringMatching(/不是数字/) },
      { column: '认证情况', message: expect.stringMatching(/“也许”不是可选的认证状态/) },
    ]);
  });

  it('checks what the domain validation checks: website addresses, future dates, missing names', () => {
    const p = preview('platforms', [
      HEADER,
      ['网站', '某网站', 'ftp://x', '党委宣传部', '', '', '', '', '', '', ''],
      ['微博', '未来账号', 'weibo.com/future', '党委宣传部', '2099-01-01', '', '', '', '', '', ''],
      ['微博', '', 'weibo.com/noname', '党委宣传部', '', '', '', '', '', '', ''],
      ['微博', '无单位', 'weibo.com/nounit', '', '', '', '', '', '', '', ''],
      ['飞书', '飞书群', 'fs1', '党委宣传部', '', '', '', '', '', '', ''],
    ]);
    expect(p.rows.map((r) => r.errors)).toEqual([
      [{ column: '账号ID', message: expect.stringMatching(/网址格式不正确/) }],
      [{ column: '开通时间', message: '开通日期不能晚于今天（2026-03-01）' }],
      [{ column: '账号名称', message: '请填写平台名称' }],
      [{ column: '主办单位', message: '请填写主办单位' }],
      [{ column: '平台类型', message: expect.stringMatching(/“飞书”不是可选的平台类型，可选：官方网站、微信公众号/) }],
    ]);
  });

  it('resolves people by 姓名（单位） when the name alone is ambiguous, and names the trash', () => {
    const p = preview('platforms', [
      HEADER,
      ['微博', 'A', 'weibo.com/a', '党委宣传部', '', '王伟', '', '', '', '', ''],
      ['微博', 'B', 'weibo.com/b', '党委宣传部', '', '王伟（图书馆）', '', '', '', '', ''],
      ['微博', 'C', 'weibo.com/c', '国际交流处', '', '许志明', '', '', '', '', ''],
    ]);
    expect(p.rows[0]!.errors).toEqual([{ column: '负责人', message: expect.stringMatching(/有 2 位名为“王伟”的人员.*王伟（所在单位）/) }]);
    expect(p.rows[1]!.draft).toMatchObject({ responsibleId: ids.wang2 });
    expect(p.rows[2]!.errors).toEqual([
      { column: '主办单位', message: expect.stringMatching(/“国际交流处”在回收站中/) },
      { column: '负责人', message: expect.stringMatching(/“许志明”在回收站中/) },
    ]);
  });

  it('fills the address of a website from either column and keeps group fields to work groups', () => {
    const header = ['平台类型', '名称', '网址', '主办单位', '群主', '群人数'];
    const p = preview('platforms', [
      header,
      ['网站', '宣传部网站', 'xcb.dhsf.edu.cn', '党委宣传部', '', ''],
      ['QQ群', '团学工作群', '', '校团委', '胡亚楠', '312'],
      ['微博', '宣传部微博', 'weibo.com/xcb', '党委宣传部', '胡亚楠', ''],
    ]);
    expect(p.rows[0]!.draft).toMatchObject({ kind: '官方网站', accountId: 'xcb.dhsf.edu.cn', url: 'xcb.dhsf.edu.cn' });
    // A QQ group needs its number: the url column does not stand in for it.
    expect(p.rows[1]!.errors).toEqual([{ column: '账号（表格中没有此列）', message: '请填写群号' }]);
    expect(p.rows[2]!.errors).toEqual([{ column: '群主', message: expect.stringMatching(/只有工作群.*群主.*“微博”/) }]);
  });

  it('skips blank rows and counts rows as the spreadsheet does', () => {
    const p = preview('platforms', [HEADER, [], [null, '  '], ['微博', 'X', 'weibo.com/x', '校团委']]);
    expect(p.rows.map((r) => r.rowNumber)).toEqual([4]);
  });

  it('refuses a sheet with only a header or too many rows', () => {
    const sheet: SheetData = { name: 'S', rows: [HEADER] };
    expect(buildPreview(sheet, 0, proposeMapping(sheet, 0, 'platforms'), 'platforms', stored, { today: TODAY, newId })).toMatchObject({ ok: false, reason: expect.stringMatching(/没有数据/) });
    const big: SheetData = { name: 'S', rows: [HEADER, ...Array.from({ length: 6 }, (_, i) => ['微博', `n${i}`, `w${i}`, '校团委'])] };
    expect(buildPreview(big, 0, proposeMapping(big, 0, 'platforms'), 'platforms', stored, { today: TODAY, newId, maxRows: 5 })).toMatchObject({ ok: false, reason: expect.stringMatching(/超过 5 行/) });
  });

  it('refuses more than 10,000 data rows by default: the README\'s limit and the sheet reader\'s', () => {
    expect(DEFAULT_MAX_ROWS).toBe(10_000);
    expect(DEFAULT_MAX_ROWS).toBe(MAX_SHEET_ROWS);
    // Refused while the rows are gathered, before any is converted (a full preview of 10,000 rows is too slow for a unit test).
    const over: SheetData = { name: 'S', rows: [HEADER, ...Array.from({ length: 10_001 }, (_, i) => ['微博', `n${i}`, `weibo.com/w${i}`, '校团委'])] };
    expect(buildPreview(over, 0, proposeMapping(over, 0, 'platforms'), 'platforms', stored, { today: TODAY, newId })).toMatchObject({
      ok: false,
      reason: '表格中超过 10000 行数据，请分成几个文件分批导入',
    });
  });
});

describe('duplicates (same platform kind + account id)', () => {
  it('shows a row repeating an earlier row of the file, and rows repeating stored records, live or in the trash', () => {
    const p = preview('platforms', [
      HEADER,
      ['公众号', '东湖青年', 'dhsf_youth', '校团委'],
      ['微博', '东湖青年微博', 'weibo.com/youth', '校团委'],
      ['微信公众号', '东湖青年（旧号）', ' DHSF_Youth ', '校团委'],
      ['微博', '同号不同类', 'dhsf_youth', '校团委'],
      ['网站', '图书馆主页', 'lib.dhsf.edu.cn', '图书馆'],
      ['微博', '旧微博', 'weibo.com/old', '校团委'],
    ]);
    expect(p.rows.map((r) => [r.rowNumber, Boolean(r.draft), r.duplicate ?? ''])).toEqual([
      [2, true, ''],
      [3, true, ''],
      [4, false, '与本表第 2 行重复（同类型、同账号的平台），只导入第 2 行'],
      [5, true, ''],
      [6, false, '与已登记的同类型、同账号的平台“图书馆网站”重复，不再重复导入'],
      [7, false, expect.stringMatching(/与回收站中的.*“旧微博”重复/)],
    ]);
    const { ready, problems } = splitPreview(p);
    expect(ready.map((r) => r.rowNumber)).toEqual([2, 3, 5]);
    expect(problems.map((r) => r.rowNumber)).toEqual([4, 6, 7]);
  });

  it('finds duplicate units by name and duplicate people by name and unit', () => {
    const units = preview('units', [['单位名称', '单位类别'], ['党委宣传部', '部门'], ['体育学院', '学院'], ['体育 学院', '']]);
    expect(units.rows.map((r) => r.duplicate ?? r.draft?.kind)).toEqual([expect.stringMatching(/已登记的同名单位“党委宣传部”/), '二级学院', expect.stringMatching(/本表第 3 行/)]);
    const people = preview('people', [['姓名', '所在单位'], ['王伟', '党委宣传部'], ['王伟', '校团委']]);
    expect(people.rows.map((r) => r.duplicate ?? 'ok')).toEqual([expect.stringMatching(/同一单位的同名人员“王伟”/), 'ok']);
  });
});

describe('possible duplicates of platforms without an account id (same kind + name + host unit)', () => {
  const ids2 = { app: newId(), trashed: newId(), withAccount: newId() };
  const store: StoredData = {
    ...stored,
    platforms: [
      ...stored.platforms,
      { id: ids2.app, kind: '其他', accountId: '', name: '校史馆小程序', hostUnitId: ids.lib },
      { id: ids2.trashed, kind: '其他', accountId: '', name: '旧展厅', hostUnitId: ids.lib, deletedAt: '2025-01-01T00:00:00.000Z' },
      { id: ids2.withAccount, kind: '其他', accountId: 'mp-museum', name: '校博物馆', hostUnitId: ids.xcb },
    ],
  };
  const header = ['平台类型', '账号名称', '账号ID', '主办单位'];

  it('shows two identical rows of kind 其他 without an account as a duplicate, like the others', () => {
    const p = preview('platforms', [header, ['其他', '迎新小程序', '', '校团委'], ['其他', '迎新 小程序', '', '校团委']], store);
    expect(p.rows[0]!.draft).toMatchObject({ kind: '其他', name: '迎新小程序', accountId: '' });
    expect(p.rows[1]!).toMatchObject({ errors: [], duplicate: '与本表第 2 行可能重复（平台类型、名称、主办单位都相同，且有一方没有填写账号），只导入第 2 行；如确是另一个平台，请填写账号或改用能区分的名称' });
    const { ready, problems } = splitPreview(p);
    expect(ready.map((r) => r.rowNumber)).toEqual([2]);
    expect(problems.map((r) => r.rowNumber)).toEqual([3]);
  });

  it('finds stored platforms, live or in the trash, whether or not they have an account id', () => {
    const p = preview(
      'platforms',
      [header, ['其他', '校史馆小程序', '', '图书馆'], ['其他', '旧展厅', '', '图书馆'], ['其他', '校博物馆', '', '党委宣传部'], ['其他', '校史馆小程序', 'wx-history', '图书馆']],
      store,
    );
    expect(p.rows.map((r) => r.duplicate)).toEqual([
      '与已登记的平台“校史馆小程序”可能重复（平台类型、名称、主办单位都相同，且有一方没有填写账号），不再重复导入；如确是另一个平台，请在表格中填写账号或改用能区分的名称',
      expect.stringMatching(/^与回收站中的平台“旧展厅”可能重复.*请先在回收站恢复它/),
      expect.stringMatching(/^与已登记的平台“校博物馆”可能重复/),
      // It has an account id now, but the stored one has none: probably the same platform.
      expect.stringMatching(/^与已登记的平台“校史馆小程序”可能重复/),
    ]);
    expect(splitPreview(p).ready).toEqual([]);
  });

  it('keeps rows apart that differ in kind, name or host unit, or that both have their own account id', () => {
    const p = preview(
      'platforms',
      [
        header,
        ['其他', '迎新小程序', '', '校团委'],
        ['其他', '迎新小程序', '', '图书馆'],
        ['其他', '迎新小程序二', '', '校团委'],
        ['微博', '迎新小程序', 'weibo.com/yx', '校团委'],
        ['其他', '校博物馆', 'mp-museum-2', '党委宣传部'],
        ['其他', '报名系统', 'a1', '校团委'],
        ['其他', '报名系统', 'a2', '校团委'],
      ],
      store,
    );
    expect(p.rows.map((r) => [r.rowNumber, r.errors, r.duplicate])).toEqual([2, 3, 4, 5, 6, 7, 8].map((n) => [n, [], undefined]));
  });

  it('flags a row with an account id that repeats an earlier row without one', () => {
    const p = preview('platforms', [header, ['其他', '迎新小程序', '', '校团委'], ['其他', '迎新小程序', 'wx-yx', '校团委']], store);
    expect(p.rows[1]!.duplicate).toMatch(/^与本表第 2 行可能重复/);
  });
});

describe('numbers in date columns', () => {
  const header = ['平台类型', '账号名称', '账号ID', '主办单位', '开通时间'];
  const row = (opened: CellValue, n: number): CellValue[] => ['微博', `账号${n}`, `weibo.com/${n}`, '校团委', opened];

  it('reports a year typed as a number per row, an ambiguous 2019.1 and serials before 1990; keeps a year and month as the month (开通日期 only), real serials and yyyymmdd', () => {
    const p = preview('platforms', [header, ...[2019, 2019.6, 2019.1, 1000, 43629, 20190613, new Date(Date.UTC(2019, 5, 13))].map(row)]);
    expect(p.rows.map((r) => r.errors)).toEqual([
      [{ column: '开通时间', message: '“2019”只有年份或年月，不是完整的日期，请填写完整日期，如 2019.6.13' }],
      [],
      [{ column: '开通时间', message: '数值 2019.1 可能是2019年1月，也可能是输入“2019.10”后被表格软件存成的2019年10月，请在单元格中写作“2019年1月”或“2019年10月”' }],
      [{ column: '开通时间', message: expect.stringMatching(/^数值 1000 作为日期是 1902-09-26，早于 1990-01-01/) }],
      [],
      [],
      [],
    ]);
    expect(p.rows[1]!.draft?.openedOn).toBe('2019-06');
    expect(p.rows.slice(4).map((r) => r.draft?.openedOn)).toEqual(['2019-06-13', '2019-06-13', '2019-06-13']);
  });

  it('still refuses a year and month where a deadline needs the day (最近更新日期)', () => {
    const p = preview('platforms', [[...header, '最近更新日期'], [...row('2019.6.13', 1), '2019.6']]);
    expect(p.rows[0]!.errors).toEqual([{ column: '最近更新日期', message: '“2019.6”只有年份或年月，不是完整的日期，请填写完整日期，如 2019.6.13' }]);
  });

  it('reads serials in the date system of the sheet\'s workbook', () => {
    const rows = [header, row(42167, 1), row(20190613, 2)];
    const result = buildPreview({ name: 'S', rows, date1904: true }, 0, proposeMapping({ name: 'S', rows }, 0, 'platforms'), 'platforms', stored, { today: TODAY, newId });
    expect(result.ok && result.preview.rows.map((r) => r.draft?.openedOn)).toEqual(['2019-06-13', '2019-06-13']);
    expect(preview('platforms', rows).rows[0]!.draft?.openedOn).toBe('2015-06-12');
  });

  it('reads a person\'s 状态变动日期 the same way', () => {
    const p = preview('people', [['姓名', '状态', '离岗日期'], ['赵五', '离岗', 2024], ['钱六', '离岗', 45839]]);
    expect(p.rows[0]!.errors).toEqual([{ column: '离岗日期', message: expect.stringMatching(/只有年份或年月/) }]);
    expect(p.rows[1]!.draft).toMatchObject({ statusDate: '2025-07-01' });
  });
});

describe('the CSV export\'s formula guard', () => {
  it('is taken off text cells, once, so an exported "-abc" is found as the stored "-abc"', () => {
    const store: StoredData = { ...stored, platforms: [...stored.platforms, { id: newId(), kind: '微博', accountId: '-abc', name: '-暂停', hostUnitId: ids.tw }] };
    const p = preview(
      'platforms',
      [
        ['平台类型', '账号名称', '账号ID', '主办单位', '备注'],
        ['微博', "'-暂停", "'-abc", '校团委', ''],
        ['微博', "'=东湖青年", "'@dhsf", '校团委', "''+1"],
        ['微博', "'东湖", "'x", '校团委', "'"],
      ],
      store,
    );
    expect(p.rows[0]!).toMatchObject({ cells: ['微博', '-暂停', '-abc', '校团委', ''], duplicate: expect.stringMatching(/与已登记的同类型、同账号的平台“-暂停”重复/) });
    expect(p.rows[1]!.draft).toMatchObject({ name: '=东湖青年', accountId: '@dhsf', note: "'+1" });
    // Apostrophes the export did not add are the clerk's.
    expect(p.rows[2]!.draft).toMatchObject({ name: "'东湖", accountId: "'x", note: "'" });
  });
});

describe('people and units rows', () => {
  it('reads teacher flags, statuses and phones', () => {
    const p = preview('people', [
      ['姓名', '单位', '手机', '是否教师', '状态', '离岗日期'],
      ['张𠮷喆', '图书馆', '13971002318', '是', '在职', ''],
      ['潘一帆', '校团委', '', '学生', '', ''],
      ['李四', '图书馆', '12345', '也许', '退休', '2025年7月1日'],
      ['赵五', '', '', true, '离岗', 45839],
    ]);
    expect(p.rows[0]!.draft).toMatchObject({ name: '张𠮷喆', unitId: ids.lib, phone: '13971002318', isTeacher: true, status: '在岗' });
    expect(p.rows[1]!.draft).toMatchObject({ isTeacher: false, status: '在岗' });
    expect(p.rows[2]!.errors).toEqual([{ column: '是否教师', message: '“也许”无法判断是否教师，请填写“是”或“否”' }]);
    expect(p.rows[3]!.draft).toMatchObject({ isTeacher: true, status: '离岗', statusDate: '2025-07-01' });
    const phone = preview('people', [['姓名', '手机'], ['李四', '12345']]);
    expect(phone.rows[0]!.errors).toEqual([{ column: '手机', message: expect.stringMatching(/电话格式不正确/) }]);
  });

  it('lets units of the same file be parents, and refuses children of a bad row and cycles', () => {
    const p = preview('units', [
      ['单位名称', '单位类别', '上级单位'],
      ['体育学院', '二级学院', ''],
      ['体育学院党委', '党组织', '体育学院'],
      ['武术协会', '社团', '体育学院'],
      ['坏单位', '火星', ''],
      ['坏单位下属', '社团', '坏单位'],
      ['甲', '其他', '乙'],
      ['乙', '其他', '甲'],
      ['丙', '其他', '丙'],
      ['摄影协会', '协会', '校团委'],
    ]);
    const byName = new Map(p.rows.map((r) => [r.cells[0], r]));
    const sport = byName.get('体育学院')!;
    expect(byName.get('体育学院党委')!.draft).toMatchObject({ parentId: sport.id, kind: '党组织' });
    expect(byName.get('坏单位')!.errors[0]!.message).toMatch(/“火星”不是可选的单位类别/);
    expect(byName.get('坏单位下属')!.errors[0]!.message).toMatch(/上级单位在本表第 5 行/);
    expect(byName.get('甲')!.draft).toBeUndefined();
    expect(byName.get('乙')!.draft).toBeUndefined();
    expect(byName.get('丙')!.errors[0]!.message).toMatch(/不能是本单位自己/);
    expect(byName.get('摄影协会')!.draft).toMatchObject({ parentId: ids.tw, kind: '社团' });
  });

  it('follows long chains of parents in the file either way round: a bad row at the top refuses every row under it, naming each row’s own parent (issue 15)', () => {
    // 3,000 units, each under the one on the next row (children first), the last one of an unknown kind.
    const n = 3000;
    const chain: CellValue[][] = Array.from({ length: n }, (_, i) => [`链${i}`, i === n - 1 ? '火星' : '其他', i === n - 1 ? '' : `链${i + 1}`]);
    const refused = preview('units', [['单位名称', '单位类别', '上级单位'], ...chain]);
    expect(refused.rows.filter((r) => r.draft)).toEqual([]);
    expect(refused.rows[0]!.errors).toEqual([{ column: '上级单位', message: '上级单位在本表第 3 行，那一行有问题不能导入，本行也不能导入' }]);
    expect(refused.rows[n - 2]!.errors[0]!.message).toBe(`上级单位在本表第 ${n + 1} 行，那一行有问题不能导入，本行也不能导入`);
    // The same chain with a good top row imports whole; a loop at its top refuses the loop and what is under it.
    const good = preview('units', [['单位名称', '单位类别', '上级单位'], ...chain.slice(0, -1), [`链${n - 1}`, '其他', '']]);
    expect(good.rows.filter((r) => r.draft)).toHaveLength(n);
    const looped = preview('units', [['单位名称', '单位类别', '上级单位'], ...chain.slice(0, -1), [`链${n - 1}`, '其他', '链0']]);
    expect(looped.rows.filter((r) => r.draft)).toEqual([]);
    expect(looped.rows[0]!.errors[0]!.message).toBe('上级单位互相引用，形成了循环，请改正');
  });

  it('reports error cells, never imports them', () => {
    const p = preview('units', [['单位名称', '联系电话'], [{ error: '#N/A' }, '027-87650101']]);
    expect(p.rows[0]!.errors).toEqual([{ column: '单位名称', message: '单元格是错误值 #N/A，请在表格中改正' }]);
  });
});
