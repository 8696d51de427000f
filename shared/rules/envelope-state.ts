// Sealed password envelopes (003 第十七条: 用户名、密码密封存档): the state of an envelope, its
// number, the chain of envelopes that replaced one another, and the checks before sealing and
// opening one. Pure functions; the database layer runs them inside its transactions.
import type { Id, IsoDate, IsoDateTime } from '../domain/common';
import { addCalendarDays } from '../domain/calendar-days';
import type { Person } from '../domain/person';
import { dayOf } from '../domain/time-zone';
import type { Envelope } from '../domain/records';

/** Field → Chinese message, shown at the field; '_' holds a message about the record as a whole. */
export type RuleCheck = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Envelope numbers: XF-2026-0001 (信封). Not 'MF', F12's printout prefix, so the envelope's own
 * number and the number in the footer of its printed sheet can never be mistaken for each other.
 */
export const ENVELOPE_NUMBER_PREFIX = 'XF';

/** Items that must be inside (003 第十七条: 用户名、密码密封存档). */
export const REQUIRED_ENVELOPE_ITEMS = ['登录账号', '密码'] as const;

export type EnvelopeState = '已封存' | '已启封' | '已替换';

export function envelopeState(e: Pick<Envelope, 'openings' | 'replacedById'>): EnvelopeState {
  if (e.replacedById) return '已替换';
  return e.openings.length > 0 ? '已启封' : '已封存';
}

/** What every envelope number of `year` starts with: the database reads that year's numbers by it. */
export function envelopeNumberHead(year: number): string {
  return `${ENVELOPE_NUMBER_PREFIX}-${year}-`;
}

/**
 * The next number for `year`. Every number ever given counts — envelopes in the trash and
 * replaced ones too — so a number is never reused. Numbers of other years may be passed: they are
 * skipped.
 */
export function nextEnvelopeNumber(existing: Iterable<string>, year: number): string {
  const head = envelopeNumberHead(year);
  let last = 0;
  for (const n of existing) if (n.startsWith(head)) last = Math.max(last, Number(n.slice(head.length)) || 0);
  return `${head}${String(last + 1).padStart(4, '0')}`;
}

/** The live envelopes of a platform not yet replaced: what a new envelope replaces. */
export function currentEnvelopes<E extends Pick<Envelope, 'platformId' | 'replacedById' | 'deletedAt'>>(platformId: Id, envelopes: readonly E[]): E[] {
  return envelopes.filter((e) => e.platformId === platformId && !e.replacedById && !e.deletedAt);
}

/** currentEnvelopes(id)[0] of every platform with one, in one pass: for lists over the whole ledger. */
export function firstCurrentEnvelopes<E extends Pick<Envelope, 'platformId' | 'replacedById' | 'deletedAt'>>(envelopes: readonly E[]): Map<Id, E> {
  const first = new Map<Id, E>();
  for (const e of envelopes) if (!e.replacedById && !e.deletedAt && !first.has(e.platformId)) first.set(e.platformId, e);
  return first;
}

/** The envelopes linked to `envelope` by replacedById, oldest first (the history's chain). */
export function envelopeChain<E extends Pick<Envelope, 'id' | 'replacedById'>>(envelope: E, all: readonly E[]): E[] {
  const byId = new Map(all.map((e) => [e.id, e]));
  const predecessorOf = new Map<Id, E>();
  for (const e of all) if (e.replacedById) predecessorOf.set(e.replacedById, e);
  const chain: E[] = [envelope];
  const seen = new Set([envelope.id]);
  // Walk both ways; `seen` stops a corrupt cycle from looping forever.
  for (let p = predecessorOf.get(envelope.id); p && !seen.has(p.id); p = predecessorOf.get(p.id)) {
    chain.unshift(p);
    seen.add(p.id);
  }
  for (let n = envelope.replacedById ? byId.get(envelope.replacedById) : undefined; n && !seen.has(n.id); n = n.replacedById ? byId.get(n.replacedById) : undefined) {
    chain.push(n);
    seen.add(n.id);
  }
  return chain;
}

/** When the password sealed on `changedOn` must be changed again; undefined without a fixed interval. */
export function nextChangeDue(changedOn: IsoDate, rotationDays: number): IsoDate | undefined {
  return rotationDays > 0 ? addCalendarDays(changedOn, rotationDays) : undefined;
}

export interface SealInput {
  platformId?: Id;
  items: string[];
  sealedOn?: IsoDate;
  sealedById?: Id;
  witnessId?: Id;
  custodianId?: Id;
  location?: string;
  /** Defaults to the sealing date: an envelope holds the password set just before sealing. */
  passwordChangedOn?: IsoDate;
}

/** A person who left cannot take a new role; returns the message or undefined. */
export function leftMessage(people: ReadonlyMap<Id, Person>, id: Id | undefined, role: string): string | undefined {
  const p = id ? people.get(id) : undefined;
  if (!p || p.status !== '离岗') return undefined;
  return `${p.name}已于${p.statusDate ?? '（日期未填）'}离岗，不能担任${role}。`;
}

/** Collects the messages that are set; ok when there are none. */
export function toRuleCheck(errors: Record<string, string | undefined>): RuleCheck {
  const found = Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return Object.keys(found).length > 0 ? { ok: false, errors: found } : { ok: true };
}

/** Checks before sealing (003 第十七条; the witness is a second person, as for any seal). */
export function checkSeal(input: SealInput, people: ReadonlyMap<Id, Person>, today: IsoDate): RuleCheck {
  const e: Record<string, string | undefined> = {};
  if (!input.platformId) e.platformId = '请选择平台。';
  const missing = REQUIRED_ENVELOPE_ITEMS.filter((i) => !input.items.includes(i));
  if (missing.length > 0) e.items = `信封内须有${missing.join('和')}（003 第十七条：用户名、密码密封存档）。`;
  if (!input.sealedOn) e.sealedOn = '请选择封存日期。';
  else if (input.sealedOn > today) e.sealedOn = '封存日期不能晚于今天。';
  if (input.passwordChangedOn && input.sealedOn && input.passwordChangedOn > input.sealedOn) {
    e.passwordChangedOn = '密码修改日期不能晚于封存日期。';
  }
  e.sealedById = input.sealedById ? leftMessage(people, input.sealedById, '封存人') : '请选择封存人。';
  if (!input.witnessId) e.witnessId = '请选择监封人。';
  else if (input.witnessId === input.sealedById) e.witnessId = '监封人不能与封存人是同一人。';
  else e.witnessId = leftMessage(people, input.witnessId, '监封人');
  e.custodianId = input.custodianId ? leftMessage(people, input.custodianId, '保管人') : '请选择保管人。';
  if (!input.location?.trim()) e.location = '请填写存放位置（如：党委宣传部保密柜）。';
  return toRuleCheck(e);
}

export interface OpeningInput {
  at?: IsoDateTime;
  byId?: Id;
  reason?: string;
  approvedById?: Id;
}

/** Checks before logging an opening: 非经批准不得启封, and an envelope is opened once. */
export function checkOpening(
  envelope: Pick<Envelope, 'openings' | 'replacedById' | 'sealedOn'>,
  input: OpeningInput,
  people: ReadonlyMap<Id, Person>,
  now: IsoDateTime,
  /** The institution's clock (the profile's time zone): the day an instant falls on. */
  timeZone: string,
): RuleCheck {
  const state = envelopeState(envelope);
  if (state === '已替换') return { ok: false, errors: { _: '该信封已被新信封替换，已作废，不能再启封。请对当前有效的信封登记启封。' } };
  if (state === '已启封') {
    const first = envelope.openings[0]!;
    return { ok: false, errors: { _: `该信封已于${dayOf(first.at, timeZone)}启封，不能重复启封。请更换密码后封存新信封。` } };
  }
  const e: Record<string, string | undefined> = {};
  if (!input.at) e.at = '请选择启封时间。';
  // Compared as instants: the times may carry different UTC offsets.
  else if (Date.parse(input.at) > Date.parse(now)) e.at = '启封时间不能晚于现在。';
  else if (dayOf(input.at, timeZone) < envelope.sealedOn) e.at = '启封时间不能早于封存日期。';
  e.byId = input.byId ? leftMessage(people, input.byId, '启封人') : '请选择启封人。';
  if (!input.reason?.trim()) e.reason = '请填写启封原因。';
  if (!input.approvedById) e.approvedById = '非经批准不得启封：请选择批准人。';
  else if (input.approvedById === input.byId) e.approvedById = '批准人不能是启封人本人。';
  return toRuleCheck(e);
}
