// UI state only (filters, selections): never a copy of the database.
import { create } from 'zustand';

export interface PlatformFilters {
  query?: string;
  kind?: string;
  unitId?: string;
  status?: string;
}

interface UiState {
  platformFilters: PlatformFilters;
  setPlatformFilters: (patch: PlatformFilters) => void;
}

export const useUiStore = create<UiState>((set) => ({
  platformFilters: {},
  setPlatformFilters: (patch) => set((s) => ({ platformFilters: { ...s.platformFilters, ...patch } })),
}));
