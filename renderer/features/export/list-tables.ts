// What each list exports: Chinese column headers and the rows as the page currently shows them
// (filtered), with names instead of ids. The registry, people and units are written as the import's
// own fields (importableTable), so an exported list can be imported again elsewhere. Each table that names
// people says which (…People): an export reads every unit but only those people, by id.
import type { Person } from '@shared/domain/person';
import { currentFollowers, type Platform } from '@shared/domain/platform';
import type { Collection, Table } from 'dexie';
import type { Approval, Envelope, Handover, Incident, Inspection, Printout, Training } from '@shared/domain/records';
import type { Unit } from '@shared/domain/unit';
import { instantText } from '@shared/domain/time-zone';
import type { ExportCell, ExportTable, SlicedExportTable, WorkerReadTable } from '@shared/spreadsheet/export-table';
import { fieldOf, type ImportTarget } from '@shared/spreadsheet/targets';
import { envelopeState } from '@shared/rules/envelope-state';
import { handoverState } from '@shared/rules/handover-state';
import { incidentState } from '@shared/rules/incident-rules';
import { inspectionStage } from '@shared/rules/inspection-campaign';
import type { RuleProfile } from '@shared/profiles/types';
import { isFormId, getForm } from '@shared/forms/registry';
import { db } from '../../db/database';
import { liveUnits, readPageLookups, type Lookups } from '../../db/queries';
import { namesReader } from '../../db/lookups';
import { platformIds, readPlatforms, readPlatformsById } from '../../db/register-index';
import { peopleIds } from '../../db/people-index';
import { readByIds } from '../../db/chunked-reads';
import type { PlatformFilter } from '@shared/search/register-index';
import type { PeopleFilter } from '@shared/search/people-index';
import { tableLabel } from '@shared/domain/tables';
import type { FilingState } from '../approvals/filing-due';
import { REVIEWS_HEADER, REVIEWS_SHEET, type ReadNames, type ReviewsRead } from './review-sheet';
import { platformPersonIds } from '@shared/domain/roles';

type Names = Pick<Lookups, 'unitName' | 'personName'>;
type PlatformName = (id: string) => string;
/** Reads the names for an export (readPageLookups here; a test passes readLookups). */
export type { ReadNames };

/** The people a work group's row names (groupsTable). */
export const groupPeople = (g: Platform) => [g.group?.ownerId, g.group?.supervisorId];
export const unitPeople = (u: Unit) => [u.firstResponsibleId, u.partySecretaryId, u.contactId];
export const envelopePeople = (e: Envelope) => [e.sealedById, e.witnessId, e.custodianId];
export const inspectionPeople = (i: Inspection) => [i.approvedById];
export const handoverPeople = (h: Handover) => [h.outgoingId, h.incomingId, h.supervisorId, h.passwordChangeConfirmedById];

/**
 * Records a list's export reads by id, names and formats in one turn of the window: a turn of 500
 * stays short, where a whole list at once held the window for 50–131 ms at a time (开通与备案's
 * 20,000 filings, 平台台账's 10,000 platforms).
 */
export const EXPORT_SLICE = 500;

/**
 * A list exported a slice at a time, in the order of `ids` (the list's): `table` reads the records
 * with the ids it is given (and the names they need) and formats them, so the window holds one
 * slice, never the whole list; called with none, it gives the sheet's name and header.
 */
export async function slicedExport(ids: readonly string[], table: (ids: readonly string[]) => Promise<ExportTable>): Promise<SlicedExportTable> {
  const { name, header } = await table([]);
  async function* slices() {
    for (let i = 0; i < ids.length; i += EXPORT_SLICE) yield (await table(ids.slice(i, i + EXPORT_SLICE))).rows;
  }
  return { name, header, count: ids.length, slices: slices() };
}

/** 平台台账 as exported: the platforms matching `filter` (none: all), in the registry's order, a slice at a time. */
export async function platformsSheet(filter: PlatformFilter = {}): Promise<SlicedExportTable> {
  const names = exportNames();
  return slicedExport(await platformIds(filter), async (ids) => exportPlatforms(await readPlatforms(ids), names));
}

/** Names for an export's slices: each person read once for the whole export (a platform names up to a dozen, often the same). */
export function exportNames(): ReadNames {
  return namesReader(db, liveUnits, new Map());
}

/** 人员 as exported: the people matching `filter` (none: all), in the list's order, a slice at a time. */
export async function peopleSheet(filter: PeopleFilter = {}): Promise<SlicedExportTable> {
  return slicedExport(await peopleIds(filter), async (ids) => peopleTable(await readByIds(db.people, ids), await readPageLookups([])));
}

/**
 * The ids of a table's records not in the trash, in the order of `ordered` (a collection over an
 * index), read as keys only: the trash's ids (its deletedAt index holds only those) are left out.
 */
async function liveKeysInOrder(table: Table<{ id: string }, string, unknown>, ordered: Collection<unknown, string, unknown>): Promise<string[]> {
  const [ids, trashed] = await Promise.all([ordered.primaryKeys(), table.where('deletedAt').above('').primaryKeys()]);
  const gone = new Set(trashed);
  return ids.filter((id) => !gone.has(id));
}

/** 打印记录 as exported: the printouts with these ids (the list's, from the registers' worker), in their order, a slice at a time. */
export function printoutsSheet(ids: readonly string[], timeZone: string): Promise<SlicedExportTable> {
  return slicedExport(ids, async (slice) => printoutsTable(await readByIds(db.printouts, slice), timeZone));
}

/** 管理员交接's order, the list's and the export's: newest first through the date index (a day's by id, last first). */
export const handoversNewestFirst = () => db.handovers.orderBy('date').reverse();

/**
 * 管理员交接 as exported: every handover not in the trash in the list's order (newest first: the
 * date index backwards, a day's by id, last first), a slice at a time. The ids are read as keys only:
 * the date index's, less the trash's (the deletedAt index holds only those).
 */
export async function handoversSheet(): Promise<SlicedExportTable> {
  const names = exportNames();
  return slicedExport(
    await liveKeysInOrder(db.handovers, handoversNewestFirst()),
    async (slice) => {
      const rows = await readByIds(db.handovers, slice);
      const [lookups, platforms] = await Promise.all([names(rows.flatMap(handoverPeople)), readPlatformsById(rows.map((h) => h.platformId))]);
      return handoversTable(rows, (id) => platforms.get(id)?.name ?? '（已删除）', lookups);
    },
  );
}

/** 培训's order, the list's and the export's: newest first through the date index (a day's by id, last first). */
export const trainingsNewestFirst = () => db.trainings.orderBy('date').reverse();

/** 培训 as exported: every training not in the trash, in the list's order, a slice at a time (ids read as keys only). */
export async function trainingsSheet(): Promise<SlicedExportTable> {
  const names = exportNames();
  return slicedExport(await liveKeysInOrder(db.trainings, trainingsNewestFirst()), async (slice) => {
    const rows = await readByIds(db.trainings, slice);
    return trainingsTable(rows, await names(rows.flatMap((t) => t.attendeeIds)));
  });
}

/** 问题与舆情 as exported: these incidents (the list's, in its order: registerIds), a slice at a time. */
export function incidentsSheet(ids: readonly string[]): Promise<SlicedExportTable> {
  return slicedExport(ids, async (slice) => {
    const rows = await readByIds(db.incidents, slice);
    const platforms = await readPlatformsById(rows.flatMap((i) => (i.platformId ? [i.platformId] : [])));
    return incidentsTable(rows, (id) => platforms.get(id)?.name ?? '（已删除）');
  });
}

/** 平台台账 as exported, with the names of the people the rows name. */
export async function exportPlatforms(rows: readonly Platform[], read: ReadNames = readPageLookups): Promise<ExportTable> {
  return platformsTable(rows, await read(rows.flatMap(platformPersonIds)));
}

export async function exportGroups(rows: readonly Platform[], read: ReadNames = readPageLookups): Promise<ExportTable> {
  return groupsTable(rows, await read(rows.flatMap(groupPeople)));
}

export async function exportUnits(rows: readonly Unit[], read: ReadNames = readPageLookups): Promise<ExportTable> {
  return unitsTable(rows, await read(rows.flatMap(unitPeople)));
}

export async function exportEnvelopes(rows: readonly Envelope[], platformName: PlatformName, read: ReadNames = readPageLookups): Promise<ExportTable> {
  return envelopesTable(rows, platformName, await read(rows.flatMap(envelopePeople)));
}

export async function exportInspections(rows: readonly Inspection[], platformName: PlatformName, read: ReadNames = readPageLookups): Promise<ExportTable> {
  return inspectionsTable(rows, platformName, await read(rows.flatMap(inspectionPeople)));
}

/**
 * 发布审核 as exported: the reviews with these ids, in their order, read and written by the export's
 * worker (review-sheet.ts), so the window reads and formats none of them.
 */
export function reviewsSheet(ids: readonly string[], profile: RuleProfile, timeZone: string): WorkerReadTable<ReviewsRead> {
  return { name: REVIEWS_SHEET, header: [...REVIEWS_HEADER], count: ids.length, read: { kind: 'reviews', ids: [...ids], profile, timeZone } };
}

const people = (ids: readonly string[], names: Names) => ids.map(names.personName).join('、');

/** A column of a list the import reads back (平台台账, 人员, 单位): the import field it fills, and its cell. */
type ImportColumn<T> = readonly [key: string, cell: (row: T, names: Names) => ExportCell];

/**
 * A list whose headers are the import's own labels for its fields (shared/spreadsheet/targets.ts),
 * so the columns an export writes are the columns an import recognises, written once.
 */
function importableTable<T>(name: string, target: ImportTarget, columns: readonly ImportColumn<T>[], rows: readonly T[], names: Names): ExportTable {
  const header = columns.map(([key]) => {
    const field = fieldOf(target, key);
    if (!field) throw new Error(`${target}.${key} is not a field the import reads`);
    return field.label;
  });
  return { name, header, rows: rows.map((row) => columns.map(([, cell]) => cell(row, names))) };
}

const PLATFORM_COLUMNS: readonly ImportColumn<Platform>[] = [
  ['kind', (p) => p.kind],
  ['name', (p) => p.name],
  ['accountId', (p) => p.accountId],
  ['url', (p) => p.url],
  ['hostUnitId', (p, n) => n.unitName(p.hostUnitId)],
  ['sponsorUnitId', (p, n) => n.unitName(p.sponsorUnitId)],
  ['guidingTeacherId', (p, n) => n.personName(p.guidingTeacherId)],
  ['openedOn', (p) => p.openedOn],
  ['certification', (p) => p.certification],
  ['followers', (p) => currentFollowers(p)],
  ['responsibleId', (p, n) => n.personName(p.responsibleId)],
  ['businessLeadId', (p, n) => n.personName(p.businessLeadId)],
  ['technicalLeadId', (p, n) => n.personName(p.technicalLeadId)],
  ['chiefAdminId', (p, n) => n.personName(p.chiefAdminId)],
  ['sectionAdminIds', (p, n) => people(p.sectionAdminIds, n)],
  ['group.ownerId', (p, n) => n.personName(p.group?.ownerId)],
  ['group.memberCount', (p) => p.group?.memberCount],
  ['lastUpdateOn', (p) => p.lastUpdateOn],
  ['status', (p) => p.status],
  ['purpose', (p) => p.purpose],
  ['contentScope', (p) => p.contentScope],
  ['measures', (p) => p.measures],
  ['note', (p) => p.note],
];

export function platformsTable(rows: readonly Platform[], names: Names): ExportTable {
  return importableTable('平台台账', 'platforms', PLATFORM_COLUMNS, rows, names);
}

export function groupsTable(rows: readonly Platform[], names: Names): ExportTable {
  return {
    name: '工作群',
    header: ['群名称', '平台类型', '群号', '主办单位', '群主', '群成员数', '最近实名核查', '监督人', '解散日期', '运行状态', '备注'],
    rows: rows.map((g) => [
      g.name,
      g.kind,
      g.accountId,
      names.unitName(g.hostUnitId),
      names.personName(g.group?.ownerId),
      g.group?.memberCount,
      [...(g.group?.realNameCheckDates ?? [])].sort().at(-1),
      names.personName(g.group?.supervisorId),
      g.group?.disbandedOn,
      g.status,
      g.note,
    ]),
  };
}

const UNIT_COLUMNS: readonly ImportColumn<Unit>[] = [
  ['name', (u) => u.name],
  ['kind', (u) => u.kind],
  ['parentId', (u, n) => n.unitName(u.parentId)],
  ['firstResponsibleId', (u, n) => n.personName(u.firstResponsibleId)],
  ['firstResponsibleRank', (u) => u.firstResponsibleRank],
  ['partySecretaryId', (u, n) => n.personName(u.partySecretaryId)],
  ['contactId', (u, n) => n.personName(u.contactId)],
  ['phone', (u) => u.phone],
  ['note', (u) => u.note],
];

export function unitsTable(rows: readonly Unit[], names: Names): ExportTable {
  return importableTable('单位', 'units', UNIT_COLUMNS, rows, names);
}

const PERSON_COLUMNS: readonly ImportColumn<Person>[] = [
  ['name', (p) => p.name],
  ['unitId', (p, n) => n.unitName(p.unitId)],
  ['title', (p) => p.title],
  ['phone', (p) => p.phone],
  ['isTeacher', (p) => (p.isTeacher ? '是' : '否')],
  ['status', (p) => p.status],
  ['statusDate', (p) => p.statusDate],
  ['note', (p) => p.note],
];

export function peopleTable(rows: readonly Person[], names: Names): ExportTable {
  return importableTable('人员', 'people', PERSON_COLUMNS, rows, names);
}

export function envelopesTable(rows: readonly Envelope[], platformName: PlatformName, names: Names): ExportTable {
  return {
    name: '密码密封存档',
    header: ['信封编号', '平台', '封存内容', '封存日期', '封存人', '监封人', '保管人', '存放位置', '密码更换日期', '下次更换', '启封次数', '状态'],
    rows: rows.map((e) => [
      e.number,
      platformName(e.platformId),
      e.items.join('、'),
      e.sealedOn,
      names.personName(e.sealedById),
      names.personName(e.witnessId),
      names.personName(e.custodianId),
      e.location,
      e.passwordChangedOn,
      e.nextChangeDue,
      e.openings.length,
      envelopeState(e),
    ]),
  };
}

export function handoversTable(rows: readonly Handover[], platformName: PlatformName, names: Names): ExportTable {
  return {
    name: '管理员交接',
    header: ['交接日期', '平台', '移交人', '接收人', '监交人', '交接清单', '已完成项', '交接后更换密码', '密码更换日期', '确认人'],
    rows: rows.map((h) => [
      h.date,
      platformName(h.platformId),
      names.personName(h.outgoingId),
      names.personName(h.incomingId),
      names.personName(h.supervisorId),
      h.checklist.map((c) => `${c.done ? '☑' : '☐'}${c.item}`).join('；'),
      `${h.checklist.filter((c) => c.done).length}/${h.checklist.length}`,
      handoverState(h),
      h.passwordChangedOn,
      names.personName(h.passwordChangeConfirmedById),
    ]),
  };
}

export function inspectionsTable(rows: readonly Inspection[], platformName: PlatformName, names: Names): ExportTable {
  return {
    name: '年度检查',
    header: ['年度', '平台', '检查结果', '不合格项', '自查情况', '审核人', '审核日期'],
    rows: rows.map((i) => [
      i.year,
      platformName(i.platformId),
      inspectionStage(i),
      i.checks.filter((c) => !c.ok).map((c) => (c.note ? `${c.item}（${c.note}）` : c.item)).join('；'),
      i.selfAssessment,
      names.personName(i.approvedById),
      i.approvedOn,
    ]),
  };
}

export function incidentsTable(rows: readonly Incident[], platformName: PlatformName): ExportTable {
  return {
    name: '问题与舆情',
    header: ['日期', '类别', '平台或工作群', '发现的问题', '处置措施', '上报对象', '反馈（处理结果）', '状态', '办结日期'],
    rows: rows.map((i) => [i.date, i.kind, i.platformId ? platformName(i.platformId) : '', i.found, i.actions.join('、'), i.reportedTo, i.feedback, incidentState(i), i.closedOn]),
  };
}

export function trainingsTable(rows: readonly Training[], names: Names): ExportTable {
  return {
    name: '培训',
    header: ['日期', '主题', '主讲人', '对象', '签到人数', '签到人员'],
    rows: rows.map((t) => [t.date, t.topic, t.speaker, t.team, t.attendeeIds.length, people(t.attendeeIds, names)]),
  };
}

/** The printouts with the record each one is of, described as the list shows it. */
export async function printoutsTable(rows: readonly Printout[], timeZone: string): Promise<ExportTable> {
  // The records the forms were printed from, read by id a table at a time (one request each, not one per printout).
  const wanted = new Map<string, Set<string>>();
  for (const p of rows) if (p.recordTable && p.recordId && isFormId(p.formId)) wanted.set(p.recordTable, (wanted.get(p.recordTable) ?? new Set()).add(p.recordId));
  const records = new Map<string, unknown>();
  await Promise.all(
    [...wanted].map(async ([table, ids]) => {
      const found = await readByIds(db.table<{ id: string }, string>(table), [...ids]);
      for (const record of found) records.set(`${table}/${record.id}`, record);
    }),
  );
  const described = rows.map((p) => {
    if (!p.recordTable || !p.recordId || !isFormId(p.formId)) return '';
    const record = records.get(`${p.recordTable}/${p.recordId}`);
    return record ? getForm(p.formId).describe(record as never, timeZone) : '（记录已不存在）';
  });
  return {
    name: '打印记录',
    header: ['表格编号', '表格', '版本', '对象', '打印时间', '纸质状态', '存放位置', '签回扫描件'],
    rows: rows.map((p, i) => [
      p.formNumber,
      isFormId(p.formId) ? `${p.formId} ${getForm(p.formId).title}` : p.formId,
      p.formVersion,
      described[i] || tableLabel(p.recordTable ?? ''),
      instantText(p.printedAt, timeZone),
      p.paperStatus,
      p.archiveLocation,
      p.scanAttachmentId ? '已附' : '',
    ]),
  };
}

export function trashTable(rows: readonly { table: string; label: string; deletedAt: string }[], timeZone: string): ExportTable {
  return {
    name: '回收站',
    header: ['类别', '名称', '删除时间'],
    rows: rows.map((r) => [tableLabel(r.table), r.label, instantText(r.deletedAt, timeZone)]),
  };
}

/** The filing state as the list's tag reads it. */
function filingText(s: FilingState): string {
  switch (s.state) {
    case 'filed':
      return `已报备 ${s.filedOn}`;
    case 'done':
      return '已办结';
    case 'pending':
      return '办理中';
    case 'unknown':
      return `期限待定（缺${s.missingYear}年放假安排）`;
    case 'open':
      return s.daysLeft < 0 ? `逾期 ${-s.daysLeft} 天` : s.daysLeft === 0 ? '今天到期' : `还剩 ${s.daysLeft} 天`;
  }
}

export function approvalsTable(rows: readonly { a: Approval; s: FilingState; name: string }[]): ExportTable {
  return {
    name: '开通与备案',
    header: ['类别', '平台', '变更内容', '变更日期', '应报备日期', '状态', '签字人', '签字日期', '报备日期', '备注'],
    rows: rows.map(({ a, s, name }) => [
      a.kind,
      name,
      a.changes.map((c) => `${c.field}：${c.before} → ${c.after}`).join('；'),
      a.changeDate,
      s.state === 'open' ? s.dueDate : s.state === 'unknown' ? '待定' : s.state === 'filed' ? a.dueDate : '',
      filingText(s),
      a.signedBy,
      a.signedOn,
      a.filedOn,
      a.note,
    ]),
  };
}

