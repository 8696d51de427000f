// The app's areas and a tiny hash router: '#/platforms/<id>' etc. Hash routes survive a
// reload and work the same under app:// and http://127.0.0.1.
import { useSyncExternalStore } from 'react';

export interface Area {
  key: string;
  label: string;
  /** What will come here, for areas that later issues build. */
  comingSoon?: string;
}

export const AREAS: readonly Area[] = [
  { key: 'home', label: '首页' },
  { key: 'platforms', label: '平台台账' },
  { key: 'units', label: '单位' },
  { key: 'people', label: '人员' },
  { key: 'approvals', label: '开通与备案' },
  { key: 'reviews', label: '发布审核', comingSoon: '“先审后发”的发布审核：按本单位规则逐级审核（初审、审签、重大事项上报），重发重审与纠错记录，打印信息发布登记表/审核表。' },
  { key: 'envelopes', label: '密码密封存档' },
  { key: 'handovers', label: '管理员交接' },
  { key: 'inspections', label: '年度检查', comingSoon: '年度检查（年审）：按年开启检查，逐个账号记录检查项、自评和结论（合格/限期整改/关停注销），打印年度检查表和汇总表。' },
  { key: 'incidents', label: '问题与舆情', comingSoon: '问题登记、举报投诉与舆情处置：发现的问题、处置措施（劝阻/禁言/移出/删除/屏蔽/上报）、上报对象、反馈与办结。' },
  { key: 'trainings', label: '培训', comingSoon: '培训记录：日期、主题、主讲人、队伍、签到人员；每学期至少一次的提醒；打印培训签到表。' },
  { key: 'printouts', label: '打印与签回' },
  { key: 'trash', label: '回收站' },
  { key: 'audit', label: '审计日志' },
  { key: 'settings', label: '设置' },
];

export interface Route {
  area: string;
  id?: string;
}

export function parseHash(hash: string): Route {
  const [area, id] = hash.replace(/^#\/?/, '').split('/');
  const known = AREAS.some((a) => a.key === area);
  return { area: known && area ? area : 'home', id: id ? decodeURIComponent(id) : undefined };
}

export function navigate(area: string, id?: string): void {
  window.location.hash = id ? `#/${area}/${encodeURIComponent(id)}` : `#/${area}`;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
