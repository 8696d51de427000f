// Records and PDF helpers for the tests of F14–F17: a work group with its owner and supervisor,
// problems found in it, a complaint, and a training with attendees. Names hold rare characters
// (𠮷 is outside the BMP, 龘 a rare BMP character).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { expect } from 'vitest';
import { renderPdf } from '../../../scripts/lib/pdf-node';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import type { Incident, Training } from '../../../shared/domain/records';
import type { Unit } from '../../../shared/domain/unit';
import { createFormContext, formContextData, type FormContext } from '../../../shared/forms/context';
import type { ProblemLog } from '../../../shared/forms/f15-problem-log';
import { presetProfile } from '../../../shared/profiles/presets';
import { staffMember, stamp } from './records-fixture';
import { tempDir } from '../../fixtures/temp-dir';

/** The group forms (F14–F17) come from seeds 002 and 003; the fixtures run under 003's profile. */
export const GROUP_PROFILE_ID = 'vocational-approval-sealed-archive';


export const groupUnits: Unit[] = [
  { ...stamp, id: '01JUNIT0000000000000000011', name: '图书馆', kind: '直属单位' },
  { ...stamp, id: '01JUNIT0000000000000000012', name: '纪委办公室', kind: '党组织' },
];
const [LIB, JW] = groupUnits.map((u) => u.id) as [string, string];

const person = (n: number, name: string, title: string, phone: string, unitId = LIB): Person =>
  staffMember(`01JPERS00000000000000001${String(n).padStart(2, '0')}`, name, title, phone, unitId);

export const groupPeople: Person[] = [
  person(1, '吉𠮷龘', '党政综合办公室主任', '027-87650405'),
  person(2, '韩振华', '纪委副书记', '027-87650056', JW),
  person(3, '李赟', '技术保障部主任', '13800001111'),
  person(4, '朱晓婷', '馆员', '13900002222'),
];
const [OWNER, SUPERVISOR, ADMIN, CLERK] = groupPeople.map((p) => p.id) as [string, string, string, string];

export const groupPlatform: Platform = {
  ...stamp,
  id: '01JPLAT0000000000000000014',
  kind: '微信群',
  name: '图书馆技术保障部工作群',
  accountId: '微信群·技术保障部',
  hostUnitId: LIB,
  purpose: '技术保障部日常运维协调。',
  contentScope: '系统巡检、故障处置，仅限日常工作。',
  openedOn: '2023-06-05',
  certification: '不适用',
  followers: [],
  server: { involvesData: false },
  responsibleId: ADMIN,
  chiefAdminId: ADMIN,
  sectionAdminIds: [],
  measures: '谁建群谁管理、谁管理谁负责。',
  columns: [],
  status: '运行中',
  statusHistory: [],
  group: { ownerId: OWNER, memberCount: 14, realNameCheckDates: ['2026-11-12', '2026-05-26'], supervisorId: SUPERVISOR },
  note: '离岗人员尚未移出群聊',
};

const incident = (n: number, fields: Omit<Incident, keyof typeof stamp | 'id'>): Incident => ({
  ...stamp,
  id: `01JINCI00000000000000000${String(n).padStart(2, '0')}`,
  ...fields,
});

export const groupProblems: Incident[] = [
  incident(1, {
    kind: '问题登记', date: '2026-10-09', platformId: groupPlatform.id,
    found: '群成员转发商业保险推销链接', actions: ['劝阻', '删除'], closedOn: '2026-10-09',
  }),
  incident(2, {
    kind: '问题登记', date: '2026-11-02', platformId: groupPlatform.id,
    found: '离岗人员尚未退出工作群', actions: ['上报'], reportedTo: '图书馆党政综合办公室',
  }),
];

export const complaint: Incident = incident(3, {
  kind: '举报投诉', date: '2026-10-25', platformId: groupPlatform.id,
  found: '读者来信反映工作群截图外传，含读者借阅信息',
  complainant: '读者吉𠮷龘',
  complainantContact: '029-88460000',
  actions: ['删除', '屏蔽', '上报'], reportedTo: '党委宣传部网宣室',
  feedback: '已删除外传截图并提醒群成员遵守保密规定，电话告知举报人',
  closedOn: '2026-10-27',
});

export const training: Training = {
  ...stamp,
  id: '01JTRAI0000000000000000016',
  date: '2026-10-23',
  topic: '新媒体账号备案、变更与年度检查工作培训',
  speaker: '王喆（党委宣传部网宣室主任）',
  team: '二级单位宣传委员',
  attendeeIds: [OWNER, ADMIN, CLERK],
};

/** The F15 log of the work group: its problems and the complaint (which F15 leaves to F17). */
export const problemLog: ProblemLog = { platformId: groupPlatform.id, incidents: [...groupProblems, complaint], from: '2026-10-01', to: '2026-11-30' };

export function groupContext(formNumber = 'QZ-2026-0014'): FormContext {
  return createFormContext(
    formContextData({
      institutionName: '东湖示范大学',
      profile: presetProfile(GROUP_PROFILE_ID),
      formNumber,
      printedAt: '2026-11-22T09:30:00+08:00',
      people: groupPeople,
      units: groupUnits,
      platforms: [groupPlatform],
    }),
  );
}

// --- reading a rendered PDF back with poppler and qpdf -----------------------------------------

export const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });
/** Text with all white space removed: labels compare word for word however lines wrap. */
export const squash = (s: string): string => s.replace(/\s+/gu, '');

const dir = tempDir('f14-f17-');

export async function renderToFile(name: string, doc: TDocumentDefinitions): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderPdf(doc));
  return file;
}

/** The text of the file or of one page in drawing order (cell by cell), white space removed. */
export function textOf(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return squash(run('pdftotext', [...range, '-raw', '-enc', 'UTF-8', file, '-']));
}

export function pagesOf(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1] ?? 0);
}

/** Word boxes in PDF points (y grows downwards), page by page as pdftotext -bbox lists them. */
export function wordsOf(file: string, page = 1): { xMin: number; yMin: number; xMax: number; yMax: number; word: string }[] {
  const bbox = run('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-']);
  return [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    word: m[5] ?? '',
  }));
}

/** 𠮷 printed, in the rare-character face. */
export function expectRareName(file: string): void {
  expect(textOf(file)).toContain('吉𠮷龘');
  expect(run('pdffonts', [file])).toMatch(/\+NotoSerifJP-Regular\s.*\byes\s+yes\s+yes\b/);
}
