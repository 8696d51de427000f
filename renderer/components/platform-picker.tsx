// A platform chooser for ledgers of thousands of platforms: the options are the first matches of
// what the clerk types (name, account, unit, pinyin initials), found by the registers' search
// worker, instead of every platform of the ledger read into the list.
import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Platform } from '@shared/domain/platform';
import { db } from '../db/database';
import { findPlatforms } from '../db/register-index';
import { useSearchAnswer } from './use-search-answer';

const SHOWN = 50;

const label = (p: Platform) => `${p.name}（${p.kind}）`;

export function PlatformPicker({
  value,
  onChange,
  placeholder,
  ariaLabel,
  width = 220,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  placeholder: string;
  ariaLabel: string;
  /** Pixels, or e.g. '100%' in a dialog's form. */
  width?: number | string;
}) {
  const search = useSearchAnswer(findPlatforms, SHOWN);
  // The chosen platform's name, even when it is not among the options shown.
  const chosen = useLiveQuery(async () => (value ? db.platforms.get(value) : undefined), [value]);
  // The chosen platform last, so the first match stays the active option.
  const options = search.found.map((p) => ({ value: p.id, label: label(p) }));
  if (chosen && !options.some((o) => o.value === chosen.id)) options.push({ value: chosen.id, label: label(chosen) });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: search.onSearch }}
      placeholder={placeholder}
      aria-label={ariaLabel}
      style={{ width }}
      value={value}
      onChange={(id: string | undefined) => onChange(id)}
      onOpenChange={search.onOpenChange}
      loading={search.loading}
      options={options}
    />
  );
}
