// The lists the import reads back (平台台账, 人员, 单位) are exported as the import's own fields: every
// field the import knows is a column of the export, headed with the import's label, and the import
// maps each exported header straight back to its field. One list of columns, not two that may drift.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { peopleTable, platformsTable, unitsTable } from '../../../renderer/features/export/list-tables';
import { findHeaderRow, proposeMapping } from '../../../shared/spreadsheet/mapping';
import { IMPORT_TARGETS, TARGET_FIELDS, type ImportTarget } from '../../../shared/spreadsheet/targets';
import type { ExportTable } from '../../../shared/spreadsheet/export-table';
import { fieldLabel } from '../../../shared/domain/field-text';

const names = { unitName: () => '', personName: () => '' };
const EXPORTS: Record<ImportTarget, ExportTable> = {
  platforms: platformsTable([], names),
  people: peopleTable([], names),
  units: unitsTable([], names),
};

describe.each(IMPORT_TARGETS)('%s', (target) => {
  const { header } = EXPORTS[target];

  it('exports every field the import reads, once, under the import’s label', () => {
    expect([...header].sort()).toEqual(TARGET_FIELDS[target].map((f) => f.label).sort());
    expect(new Set(header).size).toBe(header.length);
  });

  it('reads the exported header row back as those fields', () => {
    const sheet = { name: target, rows: [header.map((h) => h)] };
    const row = findHeaderRow(sheet, target);
    expect(row).toBe(0);
    const mapping = proposeMapping(sheet, row, target);
    expect(mapping).toEqual(header.map((h) => TARGET_FIELDS[target].find((f) => f.label === h)!.key));
  });
});

it('heads a unit’s contact and phone as the unit form does', () => {
  expect(EXPORTS.units.header).toContain(fieldLabel('units', 'contactId'));
  expect(EXPORTS.units.header).toContain(fieldLabel('units', 'phone'));
  // A ledger of another office heading them 联系人 / 电话 is still read.
  const sheet = { name: '单位', rows: [['单位名称', '联系人', '电话']] };
  expect(proposeMapping(sheet, findHeaderRow(sheet, 'units'), 'units')).toEqual(['name', 'contactId', 'phone']);
});
