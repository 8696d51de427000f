// A platform chooser for ledgers of thousands of platforms: the options are the first matches of
// what the clerk types (name, account, unit, pinyin initials), found by the registers' search
// worker, instead of every platform of the ledger read into the list.
import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useState } from 'react';
import type { Platform } from '@shared/domain/platform';
import { db } from '../db/database';
import { findPlatforms } from '../db/register-index';

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
  const [typed, setTyped] = useState('');
  const query = useDeferredValue(typed);
  const [found, setFound] = useState<{ query: string; platforms: Platform[] }>();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    findPlatforms(query, SHOWN).then(
      (platforms) => live && setFound({ query, platforms }),
      () => live && setFound({ query, platforms: [] }),
    );
    return () => {
      live = false;
    };
  }, [query, open]);
  // The chosen platform's name, even when it is not among the options shown.
  const chosen = useLiveQuery(async () => (value ? db.platforms.get(value) : undefined), [value]);
  // Only the answer to the query shown now (options of an earlier query would take an Enter); the
  // chosen platform last, so the first match stays the active option.
  const options = (found?.query === query ? found.platforms : []).map((p) => ({ value: p.id, label: label(p) }));
  if (chosen && !options.some((o) => o.value === chosen.id)) options.push({ value: chosen.id, label: label(chosen) });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={placeholder}
      aria-label={ariaLabel}
      style={{ width }}
      value={value}
      onChange={(id: string | undefined) => onChange(id)}
      onOpenChange={setOpen}
      loading={open && found?.query !== query}
      options={options}
    />
  );
}
