// The preset rule profiles carry each seed regulation's rules as data; each test names its clause.
import { describe, expect, it } from 'vitest';
import { CUSTOM_PROFILE_ID, PRESET_PROFILES, getPreset } from '@shared/profiles/presets';
import type { RuleProfile } from '@shared/profiles/types';

function preset(id: string): RuleProfile {
  const p = getPreset(id);
  if (!p) throw new Error(`missing preset ${id}`);
  return p;
}

const library = preset('secondary-unit-library');
const department = preset('functional-department');
const threeLevel = preset('vocational-three-level-review');
const sealed = preset('vocational-approval-sealed-archive');
const undergraduate = preset('undergraduate-filing-three-reviewers');

describe('the preset list', () => {
  it('has one preset per seed, in seed order, then custom', () => {
    expect(PRESET_PROFILES.map((p) => p.source.slice(0, 3))).toEqual(['000', '001', '002', '003', '004', '自定义']);
    expect(PRESET_PROFILES.at(-1)?.id).toBe(CUSTOM_PROFILE_ID);
    expect(new Set(PRESET_PROFILES.map((p) => p.id)).size).toBe(PRESET_PROFILES.length);
  });

  it('names presets after the institution type, not the institution', () => {
    for (const p of PRESET_PROFILES) {
      expect(p.name).not.toMatch(/西北|西工大|西双版纳|天府|泉州/);
    }
    expect(PRESET_PROFILES.map((p) => p.name)).toContain('高校二级单位（图书馆）');
  });

  it('gives an editable copy that leaves the preset untouched', () => {
    const copy = preset('functional-department');
    copy.reviewChain.push({ roleLabel: '临时', minSigners: 1 });
    copy.texts.filingOffice = '改过';
    expect(getPreset('functional-department')?.reviewChain).toHaveLength(1);
    expect(getPreset('functional-department')?.texts.filingOffice).toBe('党委宣传部');
    expect(Object.isFrozen(PRESET_PROFILES[0]?.reviewChain)).toBe(true);
    expect(getPreset('no-such-profile')).toBeUndefined();
  });

  it('lists only known form ids (F01–F17) and a real inspection window', () => {
    for (const p of PRESET_PROFILES) {
      expect(p.forms.length).toBeGreaterThan(0);
      for (const f of p.forms) expect(f).toMatch(/^F(0[1-9]|1[0-7])$/);
      const { month, fromDay, toDay } = p.annualInspection;
      expect(month).toBeGreaterThanOrEqual(1);
      expect(month).toBeLessThanOrEqual(12);
      expect(fromDay).toBeLessThanOrEqual(toDay);
      expect(toDay).toBeLessThanOrEqual(new Date(Date.UTC(2026, month, 0)).getUTCDate());
    }
  });

  it('needs as many reviewers as the ordinary (non-major) chain has signers', () => {
    for (const p of PRESET_PROFILES) {
      const ordinary = p.reviewChain.filter((s) => !s.onlyForMajor).reduce((n, s) => n + s.minSigners, 0);
      expect(ordinary, p.id).toBe(p.minReviewers);
    }
  });

  it('prints 制表：党委宣传部网宣室 on forms by default (001 附件1)', () => {
    for (const p of PRESET_PROFILES) expect(p.texts.tabulatingOffice).toBe('党委宣传部网宣室');
  });

  it('offers every form in the custom profile', () => {
    expect(preset(CUSTOM_PROFILE_ID).forms).toHaveLength(17);
  });
});

describe('高校二级单位（图书馆） — seed 000', () => {
  it('ordinary items: 部（室）主任或党支部书记 初审, then 分管领导 审签 (000 第七条)', () => {
    const ordinary = library.reviewChain.filter((s) => !s.onlyForMajor).map((s) => s.roleLabel);
    expect(ordinary).toEqual(['部（室）主任或党支部书记', '分管领导']);
  });

  it('major news and rules go to 党总支书记或馆长 (000 第七条)', () => {
    const major = library.reviewChain.filter((s) => s.onlyForMajor);
    expect(major.map((s) => s.roleLabel)).toEqual(['党总支书记或馆长']);
  });

  it('the WeChat service account pushes 4 times a month (000 第九条)', () => {
    const rule = library.updateFrequency.find((r) => r.kinds.includes('微信服务号'));
    expect(rule).toMatchObject({ per: 'month', minCount: 4, source: '000 第九条' });
  });

  it('passwords change after an administrator handover (000 第六条)', () => {
    expect(library.passwordPolicy.changeAfterHandover).toBe(true);
  });

  it('uses the registration form and both column tables (000 附表1, 附表2, 附件3)', () => {
    expect(library.forms).toEqual(expect.arrayContaining(['F01', 'F02', 'F03', 'F13', 'F14']));
  });

  it('work groups are filed with 党政综合办公室 (000 第五条)', () => {
    expect(library.texts.filingOffice).toBe('党政综合办公室');
  });

  it('year-end assessment falls in December (000 第十二条)', () => {
    expect(library.annualInspection.month).toBe(12);
  });
});

describe('高校职能部门（信息化处） — seed 001', () => {
  it('articles are reviewed by the 处级 leader in charge of publicity (001 第七条)', () => {
    expect(department.reviewChain).toEqual([{ roleLabel: '负责宣传的处级领导', minSigners: 1, minRank: '处级', source: '001 第七条' }]);
    expect(department.minReviewers).toBe(1);
  });

  it('change filing is due within 5 working days (001 第五条)', () => {
    expect(department.changeFilingWorkingDays).toBe(5);
  });

  it('annual inspection materials are due in November (001 第六条)', () => {
    expect(department.annualInspection).toMatchObject({ month: 11, fromDay: 1, toDay: 30 });
  });

  it('uses the filing sheet F04 and the article review sheet F05 (001 附件1, 附件2)', () => {
    expect(department.forms).toEqual(expect.arrayContaining(['F04', 'F05', 'F10', 'F11']));
  });

  it('review sheets are kept by 信息化建设与管理处综合办公室 (001 附件2 注2) and filings go to 党委宣传部 (001 第五条)', () => {
    expect(department.texts).toEqual({ tabulatingOffice: '党委宣传部网宣室', filingOffice: '党委宣传部', keepingOffice: '信息化建设与管理处综合办公室' });
  });
});

describe('高职院校（三级审核） — seed 002', () => {
  it('three-level review 管理员 → 部门负责人 → 宣传部负责人, major items to 分管领导 (002 第六条)', () => {
    expect(threeLevel.reviewChain.map((s) => [s.roleLabel, Boolean(s.onlyForMajor)])).toEqual([
      ['网络阵地管理员', false],
      ['部门负责人', false],
      ['党委宣传部负责人', false],
      ['分管领导', true],
    ]);
    expect(threeLevel.minReviewers).toBe(3);
  });

  it('department websites are updated at least weekly (002 第八条)', () => {
    expect(threeLevel.updateFrequency).toEqual([{ kinds: ['官方网站'], per: 'week', minCount: 1, source: '002 第八条' }]);
  });

  it('password needs ≥8 with letters, digits and symbols (002 第九条)', () => {
    expect(threeLevel.passwordPolicy).toMatchObject({ minLength: 8, requireLetters: true, requireDigits: true, requireSymbols: true });
  });

  it('password changes after entrusting the account to someone else (002 第九条)', () => {
    expect(threeLevel.passwordPolicy.changeAfterHandover).toBe(true);
  });

  it('uses the three-level review sheet, complaints register and envelope (002 第六、九、十条)', () => {
    expect(threeLevel.forms).toEqual(expect.arrayContaining(['F06', 'F12', 'F15', 'F17']));
  });
});

describe('高职院校（审批+密封存档） — seed 003', () => {
  it('opening an account needs the approval form F07 (003 第五条)', () => {
    expect(sealed.forms).toContain('F07');
  });

  it('accounts opened before the rules are back-filed within 10 days (003 第二十五条)', () => {
    expect(sealed.backFilingDays).toBe(10);
  });

  it('training is held at least once each semester (003 第十五条)', () => {
    expect(sealed.trainingsPerSemester).toBe(1);
    expect(sealed.forms).toContain('F16');
  });

  it('user names and passwords are sealed in an archive (003 第十七条)', () => {
    expect(sealed.forms).toContain('F12');
  });

  it('work groups are filed and their problems logged (003 第十九、二十、二十三条)', () => {
    expect(sealed.forms).toEqual(expect.arrayContaining(['F14', 'F15']));
  });

  it('posts go through the unit leader and 宣传部, sensitive items need further approval (003 第十二、十四条)', () => {
    expect(sealed.reviewChain.filter((s) => !s.onlyForMajor).map((s) => s.roleLabel)).toEqual(['本单位主管领导', '党委宣传部']);
    expect(sealed.reviewChain.some((s) => s.onlyForMajor)).toBe(true);
  });
});

describe('本科院校（备案+三人审核） — seed 004', () => {
  it('reviewers must be teachers and at least three (004 notice)', () => {
    expect(undergraduate.minReviewers).toBeGreaterThanOrEqual(3);
    const signers = undergraduate.reviewChain.filter((s) => !s.onlyForMajor).reduce((n, s) => n + s.minSigners, 0);
    expect(signers).toBeGreaterThanOrEqual(3);
    expect(undergraduate.reviewChain.every((s) => s.mustBeTeacher)).toBe(true);
  });

  it('changes are filed within 5 working days (004 第六条)', () => {
    expect(undergraduate.changeFilingWorkingDays).toBe(5);
  });

  it('annual inspection is in mid-December (004 第十一条)', () => {
    expect(undergraduate.annualInspection).toMatchObject({ month: 12, fromDay: 11, toDay: 20 });
  });

  it('zombie accounts are flagged after a period without updates (004 notice)', () => {
    expect(undergraduate.zombieMonths).toBeGreaterThan(0);
  });

  it('uses the filing form F08 and the unit summary list F09 (004 第五条, notice)', () => {
    expect(undergraduate.forms).toEqual(expect.arrayContaining(['F08', 'F09', 'F10', 'F11']));
  });
});
