// Which year 年度检查 opens on (001 第六条: 每年11月; 004 第十一条: 每年12月中旬): in January an
// unfinished campaign of last year comes first.
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../../shared/domain/records';
import { campaignYearNeedingAttention } from '../../../shared/rules/campaign-year';

const inspection = (id: string, year: number, over: Partial<Inspection> = {}): Inspection => ({
  id, platformId: `p-${id}`, year, checks: [], createdAt: '', updatedAt: '', ...over,
});

describe('001 第六条 / 004 第十一条: the campaign year that needs attention', () => {
  it('opens on last year while some of its inspections have no result', () => {
    const list = [inspection('a', 2026, { result: '合格' }), inspection('b', 2026), inspection('c', 2026, { selfAssessment: '已自查' })];
    expect(campaignYearNeedingAttention(list, 2027)).toEqual({ year: 2026, unfinished: 2 });
  });

  it('opens on this year once every earlier campaign has its results', () => {
    const list = [inspection('a', 2026, { result: '合格' }), inspection('b', 2026, { result: '关停注销' })];
    expect(campaignYearNeedingAttention(list, 2027)).toEqual({ year: 2027, unfinished: 0 });
  });

  it('ignores inspections in the trash and those of this year', () => {
    const list = [inspection('a', 2026, { deletedAt: '2027-01-02T00:00:00.000Z' }), inspection('b', 2027)];
    expect(campaignYearNeedingAttention(list, 2027)).toEqual({ year: 2027, unfinished: 0 });
  });

  it('takes the most recent unfinished year when several are open', () => {
    const list = [inspection('a', 2024), inspection('b', 2025), inspection('c', 2025)];
    expect(campaignYearNeedingAttention(list, 2027)).toEqual({ year: 2025, unfinished: 2 });
  });

  it('opens on this year with no inspections at all', () => {
    expect(campaignYearNeedingAttention([], 2027)).toEqual({ year: 2027, unfinished: 0 });
  });
});
