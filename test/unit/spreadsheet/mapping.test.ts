// Header → field proposals for the three import targets, and finding the header row below a title.
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetData } from '@shared/spreadsheet/cells';
import { columnLetter, findHeaderRow, headerLabels, normalizeHeader, proposeMapping } from '@shared/spreadsheet/mapping';
import { mappingProblems } from '@shared/spreadsheet/convert';

const sheet = (...rows: CellValue[][]): SheetData => ({ name: 'Sheet1', rows });

describe('mapping proposals', () => {
  it('maps the registry headers of an old ledger, synonyms included, and leaves unknown columns unmapped', () => {
    const s = sheet(['序号', '账号名称', '平台类型', '微信号', '所属单位', '开通日期', '管理员', '负责人', '联系电话', '粉丝量', '备注']);
    expect(proposeMapping(s, 0, 'platforms')).toEqual([null, 'name', 'kind', 'accountId', 'hostUnitId', 'openedOn', 'chiefAdminId', 'responsibleId', null, 'followers', 'note']);
  });

  it.each([
    ['平台名称', 'name'],
    ['名称', 'name'],
    ['账号ID', 'accountId'],
    ['账号', 'accountId'],
    ['公众号ID', 'accountId'],
    ['主办单位', 'hostUnitId'],
    ['单位', 'hostUnitId'],
    ['开通时间', 'openedOn'],
    ['注册时间', 'openedOn'],
    ['开通时间（年月日）', 'openedOn'],
    ['*平台类型', 'kind'],
    ['平台 类型', 'kind'],
    ['ＩＤ', 'accountId'],
  ])('platforms: %s → %s', (header, field) => {
    expect(proposeMapping(sheet([header]), 0, 'platforms')).toEqual([field]);
  });

  it('maps people and units headers', () => {
    expect(proposeMapping(sheet(['姓名', '所在单位', '职务', '手机', '是否教师', '在岗状态', '离岗日期', '身份证号']), 0, 'people')).toEqual([
      'name', 'unitId', 'title', 'phone', 'isTeacher', 'status', 'statusDate', null,
    ]);
    expect(proposeMapping(sheet(['单位名称', '单位类别', '上级单位', '联系电话', '第一责任人', '职级']), 0, 'units')).toEqual([
      'name', 'kind', 'parentId', 'phone', 'firstResponsibleId', 'firstResponsibleRank',
    ]);
  });

  it('gives a field to the first column naming it only', () => {
    expect(proposeMapping(sheet(['账号名称', '名称', '单位', '主办单位']), 0, 'platforms')).toEqual(['name', null, 'hostUnitId', null]);
  });

  it('never maps hostile or oversized headers', () => {
    const s = sheet(['__proto__', 'constructor', 'toString', '名'.repeat(100), { error: '#REF!' }, 42, null]);
    expect(proposeMapping(s, 0, 'platforms')).toEqual([null, null, null, null, null, null, null]);
    expect(headerLabels(s, 0)[3]).toHaveLength(60);
    expect(headerLabels(s, 0)[6]).toBe('（第 G 列）');
  });

  it('normalises full-width forms, spaces and required marks', () => {
    expect(normalizeHeader(' 开通\n时间＊ ')).toBe('开通时间');
    expect(normalizeHeader('开通时间（必填）')).toBe('开通时间');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(701)).toBe('ZZ');
  });
});

describe('header row', () => {
  it('finds the header below a merged title row', () => {
    const title = '东湖示范大学新媒体平台登记台账';
    const s = sheet([title, title, title], [], ['序号', '账号名称', '平台类型', '主办单位'], ['1', '东湖青年', '公众号', '校团委']);
    expect(findHeaderRow(s, 'platforms')).toBe(2);
  });

  it('falls back to the first filled row when no header is known', () => {
    expect(findHeaderRow(sheet([], [null, ''], ['甲', '乙'], ['1', '2']), 'units')).toBe(2);
    expect(findHeaderRow(sheet(), 'units')).toBe(0);
  });
});

describe('mapping problems', () => {
  it('names required fields without a column and fields mapped twice', () => {
    expect(mappingProblems(['name', null], 'platforms')).toEqual(['必须有一列对应“平台类型”', '必须有一列对应“主办单位”']);
    expect(mappingProblems(['name', 'name'], 'people')).toEqual(['“姓名”对应了不止一列，请只保留一列']);
    expect(mappingProblems(['__proto__', 'name'], 'people')).toEqual(['列的对应关系无效，请重新选择']);
    expect(mappingProblems(['name', 'unitId'], 'people')).toEqual([]);
  });
});
