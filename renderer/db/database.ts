// The app's single database instance. Tests create their own LedgerDb on fake-indexeddb.
import { LedgerDb } from './schema';

export const db = new LedgerDb();
