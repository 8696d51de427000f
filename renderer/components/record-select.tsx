// Selects for people and units, searchable by name, pinyin and initials.
import { Select } from 'antd';
import { useMemo } from 'react';
import { buildSearchKey, matchesSearch } from '@shared/search/pinyin-search';
import type { Lookups } from '../db/queries';

interface Props {
  lookups: Lookups;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  id?: string;
}

export function PersonSelect({ lookups, multiple, placeholder = '选择人员（可输入拼音首字母）', ...rest }: Props) {
  const options = useMemo(
    () =>
      [...lookups.people.values()].map((p) => ({
        value: p.id,
        label: `${p.name}${p.status === '离岗' ? '（离岗）' : ''}${p.unitId ? ` · ${lookups.unitName(p.unitId)}` : ''}`,
        key: buildSearchKey([p.name, p.title ?? '', lookups.unitName(p.unitId)]),
      })),
    [lookups],
  );
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: (input, option) => matchesSearch(option?.key ?? '', input) }}
      placeholder={placeholder}
      options={options}
    />
  );
}

export function UnitSelect({ lookups, placeholder = '选择单位（可输入拼音首字母）', ...rest }: Props) {
  const options = useMemo(
    () =>
      [...lookups.units.values()].map((u) => ({
        value: u.id,
        label: u.name,
        key: buildSearchKey([u.name]),
      })),
    [lookups],
  );
  return (
    <Select
      {...rest}
      allowClear
      showSearch={{ filterOption: (input, option) => matchesSearch(option?.key ?? '', input) }}
      placeholder={placeholder}
      options={options}
    />
  );
}
