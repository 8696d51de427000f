// The ledger's records, table by table: what a form picks the records it is printed from out of
// (FormDefinition.samples), whether they are the live database's (the print center) or the demo's
// (`npm run print-samples`). The demo dataset is these plus its institution and rule profile.
import type { Person } from './person';
import type { Platform } from './platform';
import type { Approval, Envelope, Handover, Incident, Inspection, Review, Training } from './records';
import type { Unit } from './unit';

export interface LedgerRecords {
  units: Unit[];
  people: Person[];
  platforms: Platform[];
  approvals: Approval[];
  reviews: Review[];
  envelopes: Envelope[];
  handovers: Handover[];
  inspections: Inspection[];
  incidents: Incident[];
  trainings: Training[];
}

