// F16 新媒体管理培训签到表 (seed 003 第十五条: 三支队伍（宣传部网络骨干队伍、二级单位宣传委员队伍、
// 学生网络骨干队伍）…每学期至少举行一次相关主题教育培训): the sheet attendees sign at a training.
// The invited people are printed by name, unit and post; everyone signs in a cell tall enough for a
// name, and the head (topic, time, team, column labels) repeats on every page.
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Person } from '../domain/person';
import { TRAINING_TEAMS, type Training } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { checked, formatDate } from './format';
import { formDocument, gridTable, label, rich, value, type KitCell } from './kit';
import { mm } from './layout';
import { breakTitle } from './title-lines';

export const F16_META = {
  id: 'F16',
  title: '新媒体管理培训签到表',
  version: '2026.1',
  source: '003 第十五条',
  numberPrefix: 'PX',
} as const;

/** A sheet has at least this many rows to sign, filled or not: as many as one A4 sheet holds. */
export const F16_MIN_ROWS = 13;
/** People sign their names here: a little taller than a printed row. */
export const F16_SIGN_HEIGHT = mm(12);

/** 序号 | 姓名 | 单位 | 职务 | 签到（签名） (widths exclude cell padding). */
const WIDTHS = [mm(12), mm(23), '*', mm(33), mm(33)] as const;

export function buildF16(training: Training | null, ctx: FormContext): TDocumentDefinitions {
  const t = training ?? undefined;
  const attendees = (t?.attendeeIds ?? []).map((id) => ctx.lookups.person(id)).filter((p): p is Person => !!p);

  const head: TableCell[][] = [
    [label('培训主题', { colSpan: 2 }), {}, value(rich(t?.topic), 3), {}, {}],
    [label('时间', { colSpan: 2 }), {}, value(formatDate(t?.date)), label('地点'), value(rich(t?.location))],
    [label('主讲人', { colSpan: 2 }), {}, value(rich(t?.speaker), 3), {}, {}],
    [label('参训队伍', { colSpan: 2 }), {}, value(TRAINING_TEAMS.map((team) => checked(team, t?.team === team)).join('  '), 3), {}, {}],
    [label('序号'), label('姓名'), label('单位'), label('职务'), label('签到（签名）')],
  ];

  const rows: TableCell[][] = attendees.map((person, i) => [
    serial(i + 1),
    value(rich(person.name)),
    value(rich(ctx.lookups.unit(person.unitId)?.name)),
    value(rich(person.title)),
    value('', 1, F16_SIGN_HEIGHT),
  ]);
  for (let n = rows.length; n < F16_MIN_ROWS; n++) {
    rows.push([serial(n + 1), value(''), value(''), value(''), value('', 1, F16_SIGN_HEIGHT)]);
  }

  const doc = formDocument(F16_META, ctx, t?.id, [
    gridTable([...head, ...rows], WIDTHS, { headerRows: head.length, dontBreakRows: true }),
  ]);
  return breakTitle(doc, [ctx.institutionName]);
}

function serial(n: number): KitCell {
  return { text: String(n), alignment: 'center', verticalAlignment: 'middle' };
}

export const F16_FORM: FormDefinition<Training> = {
  ...F16_META,
  recordTable: 'trainings',
  recordId: (t) => t.id,
  describe: (t) => t.topic,
  appliesTo: () => true,
  build: buildF16,
  samples: (demo) => demo.trainings.filter((t) => !t.deletedAt),
};
