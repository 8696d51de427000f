// Draft validation: bad dates, phones and addresses are refused with Chinese messages at the field.
import { describe, expect, it } from 'vitest';
import { isRealDate, isValidPhone, isValidWebAddress, validatePerson, validatePlatform, validateUnit } from '@shared/domain/validation';
import { localToday, setTodayZone } from '@shared/domain/today';
import type { FieldErrors } from '@shared/domain/validation';
import { HOST_UNIT_ID as UNIT_ID, platformFormDraft as platformDraft } from '../../fixtures/platform';

const TODAY = '2026-11-22';
const opts = { today: TODAY };
const PERSON_ID = '01KAZ0K5R1VF7ABP8RF5G1NK08';

const CHINESE = /\p{Script=Han}/u;

function errorsOf(result: { ok: true } | { ok: false; errors: FieldErrors }): FieldErrors {
  if (result.ok) throw new Error('expected the draft to be refused');
  for (const message of Object.values(result.errors)) expect(message).toMatch(CHINESE);
  return result.errors;
}


describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-11-1')).toBe(false);
    expect(isRealDate('2026/11/01')).toBe(false);
  });

  it('refuses 2026-02-30 as an opening date with a Chinese message', () => {
    const errors = errorsOf(validatePlatform(platformDraft({ openedOn: '2026-02-30' }), opts));
    expect(errors.openedOn).toBe('开通日期不是有效的日期，请核对年月日');
  });

  it('refuses a malformed date and explains the format', () => {
    const errors = errorsOf(validatePlatform(platformDraft({ openedOn: '2026年11月1日' }), opts));
    expect(errors.openedOn).toContain('2026-11-22');
  });

  it('refuses an opening date in the future but accepts today', () => {
    expect(errorsOf(validatePlatform(platformDraft({ openedOn: '2026-11-23' }), opts)).openedOn).toContain('不能晚于今天');
    expect(validatePlatform(platformDraft({ openedOn: TODAY }), opts).ok).toBe(true);
  });

  it('measures "not in the future" against the day each check is given, one check after another', () => {
    // The schemas are built once per day and reused (an import checks thousands of rows): a check
    // on another day must not inherit the earlier day's limit.
    const opened = platformDraft({ openedOn: '2026-11-23' });
    expect(validatePlatform(opened, opts).ok).toBe(false);
    expect(validatePlatform(opened, { today: '2026-11-23' }).ok).toBe(true);
    expect(validatePlatform(opened, opts).ok).toBe(false);
    const left = { name: '陈𠮷安', status: '离岗', statusDate: '2026-11-23', isTeacher: true };
    expect(validatePerson(left, opts).ok).toBe(false);
    expect(validatePerson(left, { today: '2026-11-23' }).ok).toBe(true);
  });

  it('points at the exact entry of a dated list', () => {
    const followers = [
      { date: '2026-01-01', value: 10 },
      { date: '2026-04-31', value: 20 },
    ];
    expect(errorsOf(validatePlatform(platformDraft({ followers }), opts))).toHaveProperty(['followers.1.date']);
  });

  it('reads today as YYYY-MM-DD on the institution’s calendar (the profile’s zone), not the machine’s', () => {
    const at = new Date('2026-01-05T23:59:00Z');
    // China time until the settings say otherwise: already the 6th there, whatever zone the machine is in.
    expect(localToday(at)).toBe('2026-01-06');
    setTodayZone('America/New_York');
    try {
      expect(localToday(at)).toBe('2026-01-05');
      expect(localToday(new Date('2026-01-06T04:59:00Z'))).toBe('2026-01-05');
    } finally {
      setTodayZone(undefined);
    }
    expect(localToday(at)).toBe('2026-01-06');
  });
});

describe('phone numbers', () => {
  it.each([
    '13812345678',
    '+86 13812345678',
    '029-87092255',
    '02987092255',
    '0871-1234567',
    '010-12345678',
    '(029)87092255',
    '029-87092255转123',
    '029-87092255-123',
    '０２９－８７０９２２５５',
  ])('accepts %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true);
    expect(validatePerson({ name: '王喆', status: '在岗', isTeacher: true, phone }, opts).ok).toBe(true);
  });

  it.each(['12345678901', '1381234567', '138123456789', '87092255', '029-8709', '0871-12345', 'abc', '029-87092255转'])(
    'refuses %s with a Chinese hint',
    (phone) => {
      expect(isValidPhone(phone)).toBe(false);
      const errors = errorsOf(validatePerson({ name: '王喆', status: '在岗', isTeacher: true, phone }, opts));
      expect(errors.phone).toContain('029-87092255');
    },
  );

  it('stores full-width input as ASCII', () => {
    const result = validateUnit({ name: '图书馆', kind: '直属单位', phone: '０２９－８７０９２２５５' });
    expect(result.ok && result.value.phone).toBe('029-87092255');
  });
});

describe('web addresses', () => {
  it.each(['https://lib.dhsf.edu.cn', 'http://10.1.2.3:8080/cms/', 'lib.example.edu.cn', 'www.example.com/a?b=1', 'HTTPS://NEWS.EXAMPLE.CN'])(
    'accepts %s',
    (url) => {
      expect(isValidWebAddress(url)).toBe(true);
      expect(validatePlatform(platformDraft({ url }), opts).ok).toBe(true);
    },
  );

  it.each(['ftp://lib.example.edu.cn', 'javascript:alert(1)', 'http:∥lib.nwsuaf.edu.cn', 'http://', '图书馆主页', 'lib example cn'])(
    'refuses %s',
    (url) => {
      expect(isValidWebAddress(url)).toBe(false);
      expect(errorsOf(validatePlatform(platformDraft({ url }), opts)).url).toContain('http://');
    },
  );

  it('checks the account id of a website as an address', () => {
    const errors = errorsOf(validatePlatform(platformDraft({ kind: '官方网站', accountId: 'http:∥lib.nwsuaf.edu.cn' }), opts));
    expect(errors.accountId).toContain('网址');
    expect(validatePlatform(platformDraft({ kind: '官方网站', accountId: 'lib.dhsf.edu.cn' }), opts).ok).toBe(true);
  });
});

describe('follower counts', () => {
  it.each([
    [-1, '粉丝数不能为负数'],
    [1.5, '粉丝数应为整数'],
    ['很多', '粉丝数应为数字'],
  ])('refuses %s', (value, message) => {
    const errors = errorsOf(validatePlatform(platformDraft({ followers: [{ date: '2026-11-01', value }] }), opts));
    expect(errors['followers.0.value']).toBe(message);
  });

  it('accepts 0 and numbers typed with separators', () => {
    const result = validatePlatform(platformDraft({ followers: [{ date: '2026-11-01', value: '12,345' }, { date: '2026-11-02', value: 0 }] }), opts);
    expect(result.ok && result.value.followers.map((f) => f.value)).toEqual([12345, 0]);
  });

  it('refuses a negative group member count', () => {
    const draft = platformDraft({ kind: 'QQ群', accountId: '613728405', group: { memberCount: -3, realNameCheckDates: [] } });
    expect(errorsOf(validatePlatform(draft, opts))['group.memberCount']).toBe('群成员数不能为负数');
  });
});

describe('required fields', () => {
  it('unit: name and kind', () => {
    expect(errorsOf(validateUnit({ name: '  ' }))).toEqual({ name: '请填写单位名称', kind: '请选择单位类别' });
    expect(errorsOf(validateUnit({ name: '图书馆', kind: '图书馆' })).kind).toBe('请选择单位类别');
  });

  it('person: name and status', () => {
    const errors = errorsOf(validatePerson({ isTeacher: false }, opts));
    expect(errors.name).toBe('请填写姓名');
    expect(errors.status).toBe('请选择在岗状态');
  });

  it('platform: kind, name, account id and host unit', () => {
    const errors = errorsOf(validatePlatform({ name: '', accountId: '' }, opts));
    expect(errors.kind).toBe('请选择平台类型');
    expect(errors.name).toBe('请填写平台名称');
    expect(errors.hostUnitId).toBe('请选择主办单位');
    expect(errorsOf(validatePlatform(platformDraft({ accountId: ' ' }), opts)).accountId).toBe('请填写微信号/原始ID');
    expect(errorsOf(validatePlatform(platformDraft({ kind: 'QQ群', accountId: '' }), opts)).accountId).toBe('请填写群号');
  });

  it('platform of kind 其他 may have no account id yet', () => {
    expect(validatePlatform(platformDraft({ kind: '其他', accountId: '' }), opts).ok).toBe(true);
  });

  it('refuses a host unit that is not an id, accepts ULIDs and UUIDs', () => {
    expect(errorsOf(validatePlatform(platformDraft({ hostUnitId: '图书馆' }), opts)).hostUnitId).toBe('所选主办单位无效，请重新选择');
    expect(validatePlatform(platformDraft({ hostUnitId: '0b5f3c1e-8a2d-4f6b-9c7e-1d2a3b4c5d6e' }), opts).ok).toBe(true);
  });

  it('asks where the server is when data services are involved (001 附件1)', () => {
    const errors = errorsOf(validatePlatform(platformDraft({ server: { involvesData: true, location: ' ' } }), opts));
    expect(errors['server.location']).toBe('涉及数据服务时请填写服务器所在位置');
  });

  it('refuses something that is not a record at all', () => {
    expect(errorsOf(validatePerson('王喆', opts))).toEqual({ _form: '人员数据格式不正确' });
  });
});

describe('trimming and rare characters', () => {
  it('trims text and drops blank optional fields', () => {
    const result = validatePerson({ name: '  王喆 ', title: '   ', phone: '', status: '在岗', isTeacher: true, unitId: null }, opts);
    expect(result).toEqual({ ok: true, value: { name: '王喆', status: '在岗', isTeacher: true } });
  });

  it('keeps names with characters outside the BMP intact', () => {
    const result = validatePerson({ name: '陈𠮷安', status: '离岗', statusDate: '2026-07-01', isTeacher: true }, opts);
    expect(result.ok && result.value.name).toBe('陈𠮷安');
    expect(result.ok && [...result.value.name]).toHaveLength(3);
  });

  it('counts 𠮷 as one character for length limits', () => {
    expect(validatePerson({ name: '𠮷'.repeat(30), status: '在岗', isTeacher: false }, opts).ok).toBe(true);
    expect(errorsOf(validatePerson({ name: '𠮷'.repeat(31), status: '在岗', isTeacher: false }, opts)).name).toBe('不能超过 30 个字');
  });

  it('fills defaults for lists the draft left out', () => {
    const result = validatePlatform({ kind: '其他', name: '筹建账号', hostUnitId: UNIT_ID, certification: '未认证', status: '申请中' }, opts);
    expect(result.ok && result.value).toMatchObject({ accountId: '', followers: [], sectionAdminIds: [], columns: [], statusHistory: [], server: { involvesData: false } });
  });

  it('accepts a full student-organisation account', () => {
    const draft = platformDraft({ sponsorUnitId: UNIT_ID, guidingTeacherId: PERSON_ID, responsibleId: PERSON_ID, sectionAdminIds: [PERSON_ID] });
    expect(validatePlatform(draft, opts).ok).toBe(true);
  });
});
