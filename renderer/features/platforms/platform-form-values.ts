// Converting a platform to the edit form's values (dates as dayjs) and back to a draft.
import dayjs, { type Dayjs } from 'dayjs';
import type { Draft } from '@shared/domain/common';
import type { Platform } from '@shared/domain/platform';
import { firstDay, isIsoMonth } from '@shared/domain/month-date';
import { localToday } from '@shared/domain/today';
import { todayField } from '../../components/date-field';

type DateFields = 'openedOn' | 'lastUpdateOn';

export type PlatformFormValues = Omit<Partial<Draft<Platform>>, DateFields | 'group'> & {
  openedOn?: Dayjs;
  lastUpdateOn?: Dayjs;
  group?: Omit<NonNullable<Platform['group']>, 'realNameCheckDates'> & { realNameCheckDates?: Dayjs[] };
  /** Only when creating: the first lifecycle status and its date. */
  initialStatusDate?: Dayjs;
};

const toDay = (s: string | undefined) => (s ? dayjs(s) : undefined);
const fromDay = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * 开通日期 known only to its month (from an old ledger) shows in the picker as the 1st; saved
 * unchanged it stays the month, so an edit of another field never invents a day. Picking another
 * day records that day.
 */
function openedOnOf(picked: Dayjs | undefined | null, existing: string | undefined): string | undefined {
  const day = fromDay(picked);
  return existing && isIsoMonth(existing) && day === firstDay(existing) ? existing : day;
}

export function toFormValues(p: Platform | undefined): PlatformFormValues {
  if (!p) {
    return {
      kind: '微信公众号',
      certification: '未认证',
      status: '运行中',
      server: { involvesData: false },
      sectionAdminIds: [],
      columns: [],
      initialStatusDate: todayField(),
      // A platform registered here is new unless the clerk says it predates the ledger.
      existedBeforeLedger: false,
    };
  }
  return {
    ...p,
    openedOn: toDay(p.openedOn),
    lastUpdateOn: toDay(p.lastUpdateOn),
    group: p.group ? { ...p.group, realNameCheckDates: p.group.realNameCheckDates.map((d) => dayjs(d)) } : undefined,
  };
}

/** The draft to validate; for a new record the status history starts with the chosen status. */
export function fromFormValues(v: PlatformFormValues, existing: Platform | undefined): Record<string, unknown> {
  const { initialStatusDate, openedOn, lastUpdateOn, group, ...rest } = v;
  const draft: Record<string, unknown> = {
    ...existing,
    ...rest,
    openedOn: openedOnOf(openedOn, existing?.openedOn),
    lastUpdateOn: fromDay(lastUpdateOn),
    sectionAdminIds: rest.sectionAdminIds ?? [],
    columns: (rest.columns ?? []).filter((c) => c && (c.level1 || c.level2 || c.department)),
    followers: existing?.followers ?? [],
    statusHistory: existing?.statusHistory ?? [
      { date: fromDay(initialStatusDate) ?? localToday(), value: rest.status ?? '运行中', note: '登记' },
    ],
    group: group
      ? {
          ...group,
          realNameCheckDates: (group.realNameCheckDates ?? []).map((d) => fromDay(d)).filter(Boolean),
        }
      : undefined,
  };
  for (const key of ['id', 'createdAt', 'updatedAt', 'deletedAt']) delete draft[key];
  return draft;
}
