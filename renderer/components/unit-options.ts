// The options of a unit chooser. An option's `key` is the list item's React key in antd's Select,
// so it stays the unit's id: the search text lives in its own field. (Had it been the key, the
// option under the pointer would be mounted anew when the pinyin keys arrive, and a click in that
// moment would choose nothing; two units of the same name would share a key.)
import type { Unit } from '@shared/domain/unit';
import { fold } from '@shared/search/search-match';

export interface UnitOption {
  value: string;
  label: string;
  /** What the clerk's typing is matched against: name, pinyin and initials. */
  search: string;
}

export function unitOptions(units: Iterable<Unit>, keys: ReadonlyMap<string, { name: string }> | undefined): UnitOption[] {
  return [...units].map((u) => ({ value: u.id, label: u.name, search: keys?.get(u.id)?.name ?? fold(u.name) }));
}
