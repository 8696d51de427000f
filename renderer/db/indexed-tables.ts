// The tables whose changes the registers' worker hears of (register-index.ts forwards them from
// Dexie's storagemutated event): the registers' own tables and those their rows are made from.
export const INDEXED_TABLES = ['platforms', 'reviews', 'units', 'people', 'settings', 'approvals', 'inspections', 'envelopes', 'handovers', 'printouts', 'incidents'] as const;

export type IndexedTable = (typeof INDEXED_TABLES)[number];
