// F03 微信公众服务号栏目设置及分工表 (seed 000 附件3): the menu columns of a WeChat account and the
// department responsible for each. Header texts follow the appendix word for word (its 二级目).
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { isWechatKind, type Platform } from '../domain/platform';
import { buildColumnTable, type ColumnTableHeads } from './column-table';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { joinNonEmpty } from './format';
import { breakTitle } from './title-lines';

export const F03_META = {
  id: 'F03',
  title: '微信公众服务号栏目设置及分工表',
  version: '2026.1',
  source: '000 附件3',
  numberPrefix: 'LMWX',
} as const;

export const F03_HEADS: ColumnTableHeads = ['一级栏目', '二级目', '负责部门', '备注'];

export function f03AppliesTo(platform: Pick<Platform, 'kind'>): boolean {
  return isWechatKind(platform.kind);
}

export function buildF03(platform: Platform | null, ctx: FormContext): TDocumentDefinitions {
  const doc = buildColumnTable(F03_META, F03_HEADS, (p) => `公众号：${joinNonEmpty([p.name, p.accountId], '　微信号：')}`, platform, ctx);
  return breakTitle(doc, [ctx.institutionName, `${ctx.institutionName}微信公众服务号`]);
}

export const F03_FORM: FormDefinition<Platform> = {
  ...F03_META,
  recordTable: 'platforms',
  recordId: (p) => p.id,
  describe: (p) => p.name,
  appliesTo: f03AppliesTo,
  build: buildF03,
  samples: (demo) => demo.platforms.filter((p) => !p.deletedAt && f03AppliesTo(p) && p.columns.length > 0),
};
