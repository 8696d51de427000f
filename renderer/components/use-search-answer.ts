// What a searching picker (people, platforms) offers: the answer of a search worker to the query
// typed, asked only while the list is open. Only the answer to the query shown now counts: the
// options of an earlier query would take an Enter pressed after the next key.
import { useDeferredValue, useEffect, useState } from 'react';

export interface SearchAnswer<T> {
  /** The answer to the query shown now; empty while it is asked. */
  found: T[];
  loading: boolean;
  onSearch: (typed: string) => void;
  onOpenChange: (open: boolean) => void;
}

export function useSearchAnswer<T>(find: (query: string, limit: number) => Promise<T[]>, limit: number): SearchAnswer<T> {
  const [typed, setTyped] = useState('');
  const query = useDeferredValue(typed);
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<{ query: string; found: T[] }>();
  useEffect(() => {
    if (!open) return;
    let live = true;
    find(query, limit).then(
      (found) => live && setAnswer({ query, found }),
      () => live && setAnswer({ query, found: [] }),
    );
    return () => {
      live = false;
    };
    // `find` is a module function of the caller; the query and the list's state decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, open, limit]);
  const current = answer?.query === query;
  return { found: current ? answer.found : [], loading: open && !current, onSearch: setTyped, onOpenChange: setOpen };
}
