// F02 网站主页栏目设置及分工表 (seed 000 附表2): the columns of a website's home page and the
// department responsible for each. Header texts follow the appendix word for word (its 二级目).
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Platform } from '../domain/platform';
import { buildColumnTable, type ColumnTableHeads } from './column-table';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { joinNonEmpty } from './format';
import { breakTitle } from './title-lines';

export const F02_META = {
  id: 'F02',
  title: '网站主页栏目设置及分工表',
  version: '2026.1',
  source: '000 附表2',
  numberPrefix: 'LM',
} as const;

export const F02_HEADS: ColumnTableHeads = ['一级栏目或版块', '二级目或版块内容', '负责部门', '备注'];

export function f02AppliesTo(platform: Pick<Platform, 'kind'>): boolean {
  return platform.kind === '官方网站';
}

export function buildF02(platform: Platform | null, ctx: FormContext): TDocumentDefinitions {
  const doc = buildColumnTable(F02_META, F02_HEADS, (p) => `网站：${joinNonEmpty([p.name, p.url ?? p.accountId], '　')}`, platform, ctx);
  return breakTitle(doc, [ctx.institutionName, `${ctx.institutionName}网站主页`]);
}

export const F02_FORM: FormDefinition<Platform> = {
  ...F02_META,
  recordTable: 'platforms',
  recordId: (p) => p.id,
  describe: (p) => p.name,
  appliesTo: f02AppliesTo,
  build: buildF02,
  samples: (demo) => demo.platforms.filter((p) => !p.deletedAt && f02AppliesTo(p) && p.columns.length > 0),
};
