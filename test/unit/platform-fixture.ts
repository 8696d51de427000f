// One platform for the unit tests: the fields every platform carries, empty, so a test names only
// what it is about (its kind, account, status or dates). The drafts and records of the rule, domain
// and database tests are built from here rather than each spelling out the whole record again.
import type { Platform } from '@shared/domain/platform';

/** What a platform is created with besides its name, kind and account: nothing filled in yet (fresh lists each call). */
type EmptyFields = 'purpose' | 'contentScope' | 'certification' | 'followers' | 'server' | 'sectionAdminIds' | 'measures' | 'columns' | 'status' | 'statusHistory';

export function emptyPlatformFields(): Pick<Platform, EmptyFields> {
  return {
    purpose: '',
    contentScope: '',
    certification: '已认证',
    followers: [],
    server: { involvesData: false },
    sectionAdminIds: [],
    measures: '',
    columns: [],
    status: '运行中',
    statusHistory: [],
  };
}

/** A platform as a new record's draft (no id or timestamps): a WeChat account in operation. */
export function platformDraft(over: Partial<Platform> = {}): Omit<Platform, 'id' | 'createdAt' | 'updatedAt'> {
  return { kind: '微信公众号', name: '东湖示范大学图书馆', accountId: 'dhsf_lib', ...emptyPlatformFields(), ...over };
}

/** A stored platform named after its id (账号p1, account p1), with empty timestamps unless given. */
export function platformRecord(id: string, over: Partial<Platform> = {}): Platform {
  return { ...platformDraft({ name: `账号${id}`, accountId: id }), id, createdAt: '', updatedAt: '', ...over };
}

/** A valid unit id (a ULID) for drafts that name their host unit. */
export const HOST_UNIT_ID = '01KAZ0K5R0D5YS0FACPNH3DYVK';

/** A complete, valid draft as the platform form hands it to validation; overrides may be anything a form could send. */
export function platformFormDraft(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...platformDraft({ hostUnitId: HOST_UNIT_ID, purpose: '服务读者', contentScope: '本馆公告' }), ...overrides };
}
