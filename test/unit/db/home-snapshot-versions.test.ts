// The start page is sent its data again only when what it shows changed: the kept figures shown at
// a start are confirmed by the reading that follows, and an equal snapshot must not be drawn twice.
import { describe, expect, it, vi } from 'vitest';
import { SnapshotVersions, type HomeSnapshot } from '../../../renderer/features/home/home-snapshot';

function snapshot(accounts: number, reminderTitle = '年度检查'): HomeSnapshot {
  return {
    stats: { platforms: 3, accounts, groups: 1, pending: 0, fixing: 0 },
    flagged: [{ id: 'p1', name: '王𠮷', unitName: '宣传部', statusDate: '2026-03-01', roles: ['东湖书坊公众号 责任人'] }],
    reminders: [{ title: reminderTitle } as unknown as HomeSnapshot['reminders'][number]],
    hasRules: true,
  };
}

describe('SnapshotVersions', () => {
  it('gives a new version only to a snapshot that differs from the last one, wherever it differs', () => {
    const versions = new SnapshotVersions();
    expect(versions.version).toBe(0);
    expect(versions.changed(snapshot(5))).toBe(true);
    expect(versions.version).toBe(1);
    // An equal snapshot (another object, as a new computation gives) keeps the version.
    expect(versions.changed(structuredClone(snapshot(5)))).toBe(false);
    expect(versions.version).toBe(1);
    // A change in the figures, in the reminders beyond what the summary shows, or back again.
    expect(versions.changed(snapshot(6))).toBe(true);
    expect(versions.changed(snapshot(6, '密码信封轮换'))).toBe(true);
    expect(versions.changed(snapshot(5))).toBe(true);
    expect(versions.version).toBe(4);
    const flagged = snapshot(5);
    flagged.flagged[0]!.roles.push('东湖书坊微博 管理员');
    expect(versions.changed(flagged)).toBe(true);
    expect(versions.version).toBe(5);
  });

  it('sends the first snapshot without writing it out as text: only the next comparison does', () => {
    const versions = new SnapshotVersions();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      expect(versions.changed(snapshot(5))).toBe(true);
      expect(stringify).not.toHaveBeenCalled();
      expect(versions.changed(snapshot(5))).toBe(false);
      expect(stringify).toHaveBeenCalledTimes(2);
      // From then on one text per snapshot: the last one's is kept.
      expect(versions.changed(snapshot(6))).toBe(true);
      expect(stringify).toHaveBeenCalledTimes(3);
    } finally {
      stringify.mockRestore();
    }
  });
});
