// What 年度检查 shows of a year's campaign besides its list and its years (campaign-year.ts): the
// progress, how many accounts the campaign covers and lack a record, the comparison with last year
// and the accounts to close (001 第六条). Computed in the registers' worker over whole tables, so
// the page receives only these figures, and asks for them once its first rows are shown.
import type { Platform } from '../domain/platform';
import type { ClosureCandidate, CampaignProgress, YearComparison } from './inspection-campaign';

/** What the page shows of a platform the figures name (not the whole record, thousands of them). */
export type PlatformLabel = Pick<Platform, 'id' | 'name' | 'kind' | 'openedOn'>;

export function platformLabel(p: Platform): PlatformLabel {
  return { id: p.id, name: p.name, kind: p.kind, ...(p.openedOn ? { openedOn: p.openedOn } : {}) };
}

type WithLabel<T extends { platform: Platform }> = Omit<T, 'platform'> & { platform: PlatformLabel };

export interface CampaignSummary {
  /** The year these figures are of. */
  year: number;
  progress: CampaignProgress;
  /** Accounts the campaign covers (campaignAccounts). */
  covered: number;
  /** Of those, the ones without an inspection of the year. */
  missing: number;
  comparison: Omit<YearComparison, 'added' | 'closed'> & { added: PlatformLabel[]; closed: WithLabel<YearComparison['closed'][number]>[] };
  closure: WithLabel<ClosureCandidate>[];
  /** `名称（类别）` of the platforms the comparison names by id. */
  labels: Record<string, string>;
}
