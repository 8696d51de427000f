// Choosers for people (searched by the people worker) and units, searchable by name, pinyin and initials.
import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, type CSSProperties } from 'react';
import type { Person } from '@shared/domain/person';
import { matchesSearch } from '@shared/search/search-match';
import { db } from '../db/database';
import { findPeople, useUnitKeys, warmPeople } from '../db/people-index';
import { deletedName, useUnits, type Lookups } from '../db/queries';
import { useSearchAnswer } from './use-search-answer';
import { unitOptions } from './unit-options';

interface Props {
  lookups: Lookups;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  placeholder?: string;
  id?: string;
  /** E.g. the width of a list's filter. */
  style?: CSSProperties;
}

/** Options a person picker shows for what was typed. */
const PEOPLE_SHOWN = 50;

interface PickerProps {
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  id?: string;
}

/**
 * A person chooser for ledgers of thousands of people: the options are the first people matching
 * what the clerk types (name, title, unit, phone, pinyin initials), found by the people worker,
 * instead of every person read into the list. The chosen people are read by id so their names show
 * (a person in the trash as 王𠮷（已删除）).
 */
export function PersonPicker({ value, onChange, multiple, placeholder = '选择人员（可输入拼音首字母）', id }: PickerProps) {
  const search = useSearchAnswer(findPeople, PEOPLE_SHOWN);
  const chosenIds = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const chosen = useLiveQuery(async () => (await db.people.bulkGet(chosenIds)).filter((p): p is Person => p !== undefined), [chosenIds.join()]);
  const units = useUnits();
  const unitName = useMemo(() => new Map((units ?? []).map((u) => [u.id, u.name])), [units]);
  const label = (p: Person) =>
    p.deletedAt ? deletedName(p.name) : `${p.name}${p.status === '离岗' ? '（离岗）' : ''}${p.unitId ? ` · ${unitName.get(p.unitId) ?? '（已删除）'}` : ''}`;
  const options = search.found.map((p) => ({ value: p.id, label: label(p) }));
  for (const p of chosen ?? []) if (!options.some((o) => o.value === p.id)) options.push({ value: p.id, label: label(p) });
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      value={value}
      onChange={(v: string | string[] | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: search.onSearch }}
      onOpenChange={(next) => {
        search.onOpenChange(next);
        if (next) warmPeople();
      }}
      loading={search.loading}
      placeholder={placeholder}
      options={options}
    />
  );
}

export function UnitSelect({ lookups, placeholder = '选择单位（可输入拼音首字母）', ...rest }: Props) {
  // Pinyin keys come from the people worker; until they do, a unit is found by its name as typed.
  const keys = useUnitKeys();
  const options = useMemo(() => unitOptions(lookups.units.values(), keys), [lookups, keys]);
  return (
    <Select
      {...rest}
      allowClear
      showSearch={{ filterOption: (input, option) => matchesSearch(option?.search ?? '', input) }}
      placeholder={placeholder}
      options={options}
    />
  );
}
