// Training sessions (003 第十五条, 004 第十条).
import { describe, expect, it } from 'vitest';
import { checkTraining, trainingDraft } from '../../../shared/rules/training-rules';

const TODAY = '2026-11-22';

describe('training sessions (003 第十五条 每学期至少举行一次)', () => {
  it('needs a date and a topic, each at its field', () => {
    expect(checkTraining({ topic: ' ' }, TODAY)).toEqual({ ok: false, errors: { date: '请填写培训日期。', topic: '请填写培训主题。' } });
    expect(checkTraining({ date: TODAY, topic: '信息发布审核', attendeeIds: ['a'] }, TODAY)).toEqual({ ok: true });
  });

  it('a session ahead may be entered to print its sign-in sheet (F16), but without attendees yet', () => {
    expect(checkTraining({ date: '2026-12-01', topic: '网络安全' }, TODAY)).toEqual({ ok: true });
    expect(checkTraining({ date: '2026-12-01', topic: '网络安全', attendeeIds: ['a'] }, TODAY)).toMatchObject({ ok: false, errors: { attendeeIds: expect.stringContaining('培训尚未举行') } });
  });

  it('stores each attendee once and leaves empty optional fields out', () => {
    expect(trainingDraft({ date: TODAY, topic: ' 审核 ', speaker: ' ', attendeeIds: ['a', 'b', 'a'] })).toEqual({ date: TODAY, topic: '审核', attendeeIds: ['a', 'b'] });
  });
});

describe('the place of a training (F16 地点)', () => {
  it('keeps the place trimmed, leaves it out when empty, and refuses one longer than the cell holds', () => {
    expect(trainingDraft({ date: '2026-10-23', topic: '培训', location: ' 图书馆三楼报告厅 ' }).location).toBe('图书馆三楼报告厅');
    expect('location' in trainingDraft({ date: '2026-10-23', topic: '培训', location: '  ' })).toBe(false);
    const check = checkTraining({ date: '2026-10-23', topic: '培训', location: '室'.repeat(61) }, '2026-11-22');
    expect(check).toEqual({ ok: false, errors: { location: '培训地点不能超过60字。' } });
  });
});
