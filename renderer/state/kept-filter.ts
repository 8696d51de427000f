// A list filter that outlives its page: the clerk filters 人员 by 离岗, looks something up on
// another page and comes back to the same list (UI state only, never a copy of the database).
import { useCallback } from 'react';
import { create } from 'zustand';

interface KeptFilters {
  values: Readonly<Record<string, unknown>>;
  set: (key: string, value: unknown) => void;
}

const useKeptFilters = create<KeptFilters>((set) => ({
  values: {},
  set: (key, value) => set((s) => ({ values: { ...s.values, [key]: value } })),
}));

/**
 * Like useState, but kept in the UI store under `key` ("page.filter"), so switching pages keeps
 * it. Each key belongs to one call site, which alone writes it: the value read back is that
 * site's own type.
 */
export function useKeptFilter<T>(key: string, initial: T): [T, (value: T) => void] {
  const stored = useKeptFilters((s) => s.values[key]);
  const setValue = useKeptFilters((s) => s.set);
  const value = key in useKeptFilters.getState().values ? (stored as T) : initial;
  // The same setter at every render, as useState's: a list's filters can be drawn once per change.
  const set = useCallback((next: T) => setValue(key, next), [key, setValue]);
  return [value, set];
}
