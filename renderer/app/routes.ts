// The app's areas and a tiny hash router: '#/platforms/<id>' etc. Hash routes survive a
// reload and work the same under app:// and http://127.0.0.1.
import { useSyncExternalStore } from 'react';

export interface Area {
  key: string;
  label: string;
}

export const AREAS: readonly Area[] = [
  { key: 'home', label: '首页' },
  { key: 'platforms', label: '平台台账' },
  { key: 'groups', label: '工作群' },
  { key: 'units', label: '单位' },
  { key: 'people', label: '人员' },
  { key: 'approvals', label: '开通与备案' },
  { key: 'reviews', label: '发布审核' },
  { key: 'envelopes', label: '密码密封存档' },
  { key: 'handovers', label: '管理员交接' },
  { key: 'inspections', label: '年度检查' },
  { key: 'incidents', label: '问题与舆情' },
  { key: 'trainings', label: '培训' },
  { key: 'printouts', label: '打印与签回' },
  { key: 'exchange', label: '数据交换' },
  { key: 'import', label: '导入与导出' },
  { key: 'trash', label: '回收站' },
  { key: 'audit', label: '审计日志' },
  { key: 'backup', label: '备份与恢复' },
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

/** The hash route of an area, or of one record in it: '#/platforms/<id>'. */
export function routeHref(area: string, id?: string): string {
  return id ? `#/${area}/${encodeURIComponent(id)}` : `#/${area}`;
}

export function navigate(area: string, id?: string): void {
  window.location.hash = routeHref(area, id);
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
