// The Electronegativity gate: the tool itself over the app's sources, every finding reviewed.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Finding, readAllowList, reviewFindings, scanSources, toFindings } from '../../../scripts/electronegativity';

const finding = (check: string, file: string, sample: string): Finding => ({ check, severity: 'HIGH', file, location: '1:1', sample, description: '' });

describe('Electronegativity gate', () => {
  it('finds nothing in the sources beyond the reviewed allow-list', () => {
    const { findings, unreviewed } = scanSources();
    // The tool did run and report (the reviewed findings are there), so an empty list is meaningful.
    expect(findings.map((f) => f.check)).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(unreviewed).toEqual([]);
  }, 240_000);

  it('fails on a finding that no entry names, and on the same check in another file', () => {
    const allowList = readAllowList();
    const reviewed = finding('SANDBOX_JS_CHECK', 'electron/window.ts', 'const window = new BrowserWindow(mainWindowOptions(preloadPath));');
    const planted = finding('NODE_INTEGRATION_JS_CHECK', 'electron/window.ts', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } })');
    const elsewhere = finding('SANDBOX_JS_CHECK', 'electron/main.ts', 'new BrowserWindow({})');
    const { unreviewed, unused } = reviewFindings([reviewed, planted, elsewhere], allowList);
    expect(unreviewed).toEqual([planted, elsewhere]);
    expect(unused.map((entry) => entry.check)).not.toContain('SANDBOX_JS_CHECK');
  });

  it('has a reason for every allow-list entry', () => {
    const allowList = readAllowList();
    expect(allowList.length).toBeGreaterThan(0);
    for (const entry of allowList) expect(entry.why).toMatch(/^(False positive|Accepted):/);
  });

  it('reports a planted BrowserWindow with node integration as unreviewed', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ledger-planted-'));
    try {
      for (const part of ['electron', 'renderer', 'shared', 'package.json']) cpSync(part, path.join(root, part), { recursive: true });
      writeFileSync(path.join(root, 'electron', 'planted.ts'), "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true } });\n");
      const { unreviewed } = scanSources(root);
      // Only the planted file is new; the tool places the finding at the nodeIntegration property.
      expect(unreviewed.every((f) => f.file === 'electron/planted.ts')).toBe(true);
      expect(unreviewed.map((f) => `${f.check} ${f.location}`)).toContain('NODE_INTEGRATION_JS_CHECK 2:55');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 240_000);

  it('names and places the tool’s issues as its report does', () => {
    expect(toFindings([
      { id: 'CSP_GLOBAL_CHECK', severity: { name: 'LOW' }, file: `renderer${path.sep}index.html`, location: { line: 4, column: 0 }, sample: " default-src 'self' ", description: 'One, two ' },
      { id: 'X_GLOBAL_CHECK', file: 'package.json', sample: null },
    ])).toEqual([
      { check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html', location: '4:0', sample: "default-src 'self'", description: 'One, two' },
      { check: 'X_GLOBAL_CHECK', severity: '', file: 'package.json', location: 'N/A', sample: '', description: '' },
    ]);
  });
});
