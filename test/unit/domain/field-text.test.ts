// How a record's fields read wherever the clerk sees them (the audit log, an import's side-by-side
// view): every field of every record labelled as its own table means it, and every value read as
// text, nested entries spelled out and ids turned into names, never raw JSON.
import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '@shared/demo/demo-dataset';
import { accountIdLabel, fieldLabel, fieldValueText, orderedFields, UNLABELLED, type NameText } from '@shared/domain/field-text';
import { PLATFORM_KINDS, type PlatformKind } from '@shared/domain/platform';
import { LEDGER_RECORD_TABLES } from '@shared/domain/tables';

const data = createDemoDataset();
const printout = { id: 'PR1', createdAt: '', updatedAt: '', formId: 'F04', formVersion: '2', formNumber: 'BA-2026-0007', recordTable: 'platforms', recordId: data.platforms[0]!.id, printedAt: '2026-06-14T20:00:00.000Z', paperStatus: '已签回', archiveLocation: '档案柜', scanAttachmentId: 'AT1' };
const attachment = { id: 'AT1', createdAt: '', updatedAt: '', name: '扫描件.pdf', mimeType: 'application/pdf', size: 1024, sha256: 'ab'.repeat(32), ownerTable: 'printouts', ownerId: 'PR1' };
const settings = { institutionName: '东湖示范大学', operatorName: '王𠮷', profileId: 'custom', profile: { name: '高校二级单位' }, holidayOverrides: [{ date: '2026-10-08', kind: 'workday', name: '调休' }], sensitiveWords: ['甲'], backupFolder: 'D:/备份', setupCompletedAt: '2026-01-02T01:00:00.000Z' };
const restore = { restoredFrom: '备份-2026-06-15.ledger', backupCreatedAt: '2026-06-15T02:00:00.000Z' };
const tables: [string, object[]][] = [
  ...LEDGER_RECORD_TABLES.map((table) => [table, data[table] as object[]] as [string, object[]]),
  ['printouts', [printout]],
  ['attachments', [attachment]],
  ['settings', [settings]],
  ['database', [restore]],
];
// Names by table and id: a field that points into the wrong table finds no name.
const byId = new Map<string, string>([['printouts:PR1', 'BA-2026-0007'], ['attachments:AT1', '扫描件.pdf']]);
for (const table of LEDGER_RECORD_TABLES) {
  for (const r of data[table] as { id: string; name?: string; title?: string; number?: string }[]) byId.set(`${table}:${r.id}`, r.name ?? r.title ?? r.number ?? r.id);
}
const names: NameText = (table, id) =>
  (table ? byId.get(`${table}:${id}`) : [...byId].find(([key]) => key.endsWith(`:${id}`))?.[1]) ?? `（未知：${table ?? ''} ${id}）`;
const ULID = /[0-9A-HJKMNP-TV-Z]{26}/;

describe('the fields of a record as the clerk reads them', () => {
  it('names a platform’s accountId for its kind, and by the field’s label while no kind is chosen', () => {
    const expected: Partial<Record<PlatformKind, string>> = {
      官方网站: '网址', 校园论坛: '网址', 微信公众号: '微信号/原始ID', 微信服务号: '微信号/原始ID', 视频号: '微信号/原始ID', 小程序: '微信号/原始ID',
      QQ群: '群号', 微信群: '群号', 钉钉群: '群号',
    };
    for (const kind of PLATFORM_KINDS) expect(accountIdLabel(kind), kind).toBe(expected[kind] ?? '账号');
    expect(accountIdLabel(undefined)).toBe(fieldLabel('platforms', 'accountId'));
    expect(accountIdLabel(undefined)).toBe('账号 / 微信号 / 网址');
  });

  it('labels every field of every record the demo ledger holds, and reads every value without raw JSON or ids', () => {
    const unlabelled = new Set<string>();
    const raw = new Set<string>();
    for (const [table, records] of tables) {
      for (const record of records) {
        for (const [field, value] of Object.entries(record)) {
          if (['id', 'createdAt', 'updatedAt'].includes(field)) continue;
          if (fieldLabel(table, field) === UNLABELLED) unlabelled.add(`${table}.${field}`);
          const text = fieldValueText(table, field, value, names);
          if (/[{}]|\[object|（未知|其他栏目|T\d\d:\d\d:\d\d/.test(text) || ULID.test(text)) raw.add(`${table}.${field}: ${text}`);
        }
      }
    }
    expect([...unlabelled]).toEqual([]);
    expect([...raw]).toEqual([]);
  });

  it('names a field as its own table means it', () => {
    expect(fieldLabel('people', 'title')).toBe('职务/岗位');
    expect(fieldLabel('reviews', 'title')).toBe('信息标题');
    expect(fieldLabel('people', 'name')).toBe('姓名');
    expect(fieldLabel('trainings', 'location')).toBe('地点');
    expect(fieldLabel('envelopes', 'location')).toBe('存放位置');
    expect(fieldLabel('handovers', 'supervisorId')).toBe('监交人');
    expect(fieldLabel('platforms', 'someNewField')).toBe('其他栏目');
    expect(orderedFields('units', ['note', 'zzz', 'name'])).toEqual(['name', 'note', 'zzz']);
  });

  it('spells out nested entries with names instead of ids', () => {
    const people = new Map([['p1', '王𠮷'], ['p2', '李四']]);
    const who: NameText = (_, id) => people.get(id) ?? id;
    expect(fieldValueText('platforms', 'server', { involvesData: true, location: '校内机房' }, who)).toBe('涉及数据服务，服务器设置在校内机房');
    expect(fieldValueText('reviews', 'steps', [{ stepIndex: 0, roleLabel: '部门负责人', reviewerIds: ['p1', 'p2'], decision: '通过', date: '2026-05-01' }], who)).toBe(
      '第1级 部门负责人（王𠮷、李四，通过，2026-05-01）',
    );
    expect(fieldValueText('handovers', 'checklist', [{ item: '交接账号', done: true }, { item: '更换密码', done: false }], who)).toBe('交接账号（已完成）；更换密码（未完成）');
    expect(fieldValueText('reviews', 'checklist', ['003-11-1', '000-7-1-2', '000-7-2'], who)).toBe('已核对 3 项：003 第十一条 1、000 第七条 1（2）、000 第七条 2');
    // An id no longer on the list reads as it is: nothing hidden.
    expect(fieldValueText('reviews', 'checklist', ['003-11-1', '999-1'], who)).toBe('已核对 2 项：003 第十一条 1、999-1');
    expect(fieldValueText('inspections', 'checks', [{ item: '备案', ok: false, note: '未备案' }], who)).toBe('备案：不符合（未备案）');
    expect(fieldValueText('trainings', 'attendeeIds', ['p1', 'p2'], who)).toBe('王𠮷、李四');
    expect(fieldValueText('platforms', 'deletedAt', '2026-06-15T02:00:00.000Z', who)).toBe('已移入回收站（2026-06-15）');
    // Instants on the clerk's clock: 04:00 in China is the evening before in UTC.
    expect(fieldValueText('platforms', 'deletedAt', '2026-06-14T20:00:00.000Z', who)).toBe('已移入回收站（2026-06-15）');
    expect(fieldValueText('printouts', 'printedAt', '2026-06-14T20:00:00.000Z', who)).toBe('2026-06-15 04:00');
    expect(fieldValueText('printouts', 'printedAt', '2026-06-14T20:00:00.000Z', who, 'Europe/Berlin')).toBe('2026-06-14 22:00');
    expect(fieldValueText('printouts', 'recordTable', 'approvals', who)).toBe('开通与备案');
    expect(fieldValueText('envelopes', 'openings', [{ at: '2026-03-01T01:30:00.000Z', byId: 'p1', reason: '更换管理员', approvedById: 'p2' }], who)).toBe('2026-03-01 09:30 王𠮷启封（更换管理员，李四批准）');
    expect(fieldValueText('platforms', 'group', { ownerId: 'p1', realNameCheckDates: [], members: [{ personId: 'p2' }, { department: '学工部', name: '赵六' }] }, who)).toBe('群主 王𠮷，名单 李四、学工部 赵六');
    expect(fieldValueText('units', 'note', '', who)).toBe('');
    expect(fieldValueText('units', 'note', [], who)).toBe('');
    // An entry no case knows: its fields through the labels, never JSON.
    expect(fieldValueText('incidents', 'extra', { date: '2026-01-02', feedback: '已处理' }, who)).toBe('日期：2026-01-02，反馈（处理结果）：已处理');
  });
});
