// npm run scan:electron — Doyensec's Electronegativity over the app's sources, as a gate.
// The tool's CLI exits 0 whatever it finds, so its programmatic entry is run instead and every
// finding must be in the reviewed allow-list
// (scripts/electronegativity-allow.json, each entry saying why it is a false positive or accepted).
// The sources are copied to a temporary folder first: the app code only (electron/, renderer/,
// shared/, package.json), never tests or build output, and renderer/index.html carries the CSP meta
// tag the build writes, so the tool checks the real policy. The one check that needs the internet
// (newer Electron releases with security fixes) is left out; the translation look-up fails
// quickly offline and the tool scans anyway.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ALLOW_LIST_FILE = path.join(projectRoot, 'scripts', 'electronegativity-allow.json');

/** One row of the tool's CSV output. */
export interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly file: string;
  readonly location: string;
  readonly sample: string;
  readonly description: string;
}

/** A reviewed finding: the check, the file, text the sample contains, and why it is acceptable. */
export interface AllowEntry {
  readonly check: string;
  readonly file: string;
  readonly sampleContains: string;
  readonly why: string;
}

/** One issue as the tool's programmatic entry (`run` in its dist/runner.js) returns it. */
export interface ToolIssue {
  readonly id: string;
  readonly severity?: { readonly name?: string };
  readonly file: string;
  readonly location?: { readonly line?: number; readonly column?: number };
  readonly sample?: string | null;
  readonly description?: string;
}

/** The findings of the tool's issues, named and placed as its CSV report names them. */
export function toFindings(issues: readonly ToolIssue[]): Finding[] {
  return issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity?.name ?? '',
    file: issue.file.split(path.sep).join('/'),
    location: issue.location?.line === undefined ? 'N/A' : `${issue.location.line}:${issue.location.column ?? 0}`,
    sample: (issue.sample ?? '').trim(),
    description: (issue.description ?? '').trim(),
  }));
}

function allows(entry: AllowEntry, finding: Finding): boolean {
  return entry.check === finding.check && entry.file === finding.file && finding.sample.includes(entry.sampleContains);
}

/** Findings no entry allows, and entries that allowed nothing (stale: the code they excused changed). */
export function reviewFindings(findings: readonly Finding[], allowList: readonly AllowEntry[]): { unreviewed: Finding[]; unused: AllowEntry[] } {
  return {
    unreviewed: findings.filter((finding) => !allowList.some((entry) => allows(entry, finding))),
    unused: allowList.filter((entry) => !findings.some((finding) => allows(entry, finding))),
  };
}

/** Reads and checks the allow-list: every entry names a check, a file and a reason. */
export function readAllowList(file: string = ALLOW_LIST_FILE): AllowEntry[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array`);
  return parsed.map((item: unknown, index) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const text = (key: string): string => {
      const value = entry[key];
      if (typeof value !== 'string' || (key !== 'sampleContains' && value.trim().length === 0)) {
        throw new Error(`${file}: entry ${index + 1} needs a "${key}" string`);
      }
      return value;
    };
    const why = text('why');
    if (why.trim().length < 20) throw new Error(`${file}: entry ${index + 1} must say why it is a false positive`);
    return { check: text('check'), file: text('file'), sampleContains: text('sampleContains'), why };
  });
}

/** Copies the app's sources into `stage` the way the scan sees them. */
export function stageSources(root: string, stage: string): void {
  for (const folder of ['electron', 'renderer', 'shared']) {
    cpSync(path.join(root, folder), path.join(stage, folder), { recursive: true });
  }
  cpSync(path.join(root, 'package.json'), path.join(stage, 'package.json'));
  // As the build writes it (vite.config.ts, cspMeta): the policy the page runs under.
  const indexHtml = readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  writeFileSync(path.join(stage, 'renderer', 'index.html'), indexHtml.replace('<head>', `<head>\n    ${meta}`));
}

// Runs in a child node: the tool registers globals (i18n's `__`) and a logger that must not reach
// the caller. Its issues are written as JSON by this script itself, in one synchronous write.
// (Its own -o CSV report is written by two unawaited writeFile calls, the header's truncating, so
// the header could land over the first rows: 1 run in 4 was garbled that way.)
const CHILD_SCRIPT = `
const [cli, input, output, excluded] = process.argv.slice(1);
const runner = require(cli);
(runner.default ?? runner)({
  input, isRelative: true, isSarif: false, isVerbose: true, customScan: [],
  excludeFromScan: excluded.split(',').map((check) => check.toLowerCase()), parserPlugins: [],
}, false).then((result) => {
  const issues = result.issues.map((i) => ({ id: i.id, severity: i.severity, file: i.file, location: i.location, sample: i.sample, description: i.description }));
  require('node:fs').writeFileSync(output, JSON.stringify(issues));
}, (error) => { console.error(error && error.stack ? error.stack : String(error)); process.exit(1); });
`;

/** Runs Electronegativity on `input` and returns its findings (throws when it reported nothing). */
export function runElectronegativity(input: string, workDir: string): Finding[] {
  const requireHere = createRequire(import.meta.url);
  const runner = requireHere.resolve('@doyensec/electronegativity');
  const output = path.join(workDir, 'electronegativity.json');
  // AvailableSecurityFixesGlobalCheck compares with Electron's release list from the internet, so
  // its result would depend on the network and the day; the gate must give the same answer offline.
  // ElectronVersionJSONCheck only feeds it (reading package.json's version); left alone it shows up
  // as an informational finding whenever the release list could not be fetched.
  const excluded = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'].join(',');
  const result = spawnSync(process.execPath, ['-e', CHILD_SCRIPT, runner, input, output, excluded], {
    cwd: workDir,
    env: { ...process.env, LANG: 'en-US' },
    encoding: 'utf8',
    timeout: 5 * 60 * 1000,
  });
  if (result.status !== 0 || !existsSync(output)) {
    const detail = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`Electronegativity reported nothing (exit ${result.status ?? result.signal}): ${detail}`);
  }
  return toFindings(JSON.parse(readFileSync(output, 'utf8')) as ToolIssue[]);
}

/** Stages `root`'s sources, scans them and reviews the findings against the allow-list. */
export function scanSources(root: string = projectRoot, allowList: readonly AllowEntry[] = readAllowList()): ReturnType<typeof reviewFindings> & { findings: Finding[] } {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ledger-electronegativity-'));
  try {
    const stage = path.join(workDir, 'app');
    stageSources(root, stage);
    const findings = runElectronegativity(stage, workDir);
    return { findings, ...reviewFindings(findings, allowList) };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function describeFinding(finding: Finding): string {
  return `${finding.check} (${finding.severity}) ${finding.file}:${finding.location} ${finding.sample} — ${finding.description}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const { findings, unreviewed, unused } = scanSources();
    for (const entry of unused) console.log(`allow-list entry matched nothing (remove it?): ${entry.check} ${entry.file}`);
    for (const finding of unreviewed) console.error(`unreviewed finding: ${describeFinding(finding)}`);
    console.log(`Electronegativity: ${findings.length} findings, ${findings.length - unreviewed.length} reviewed, ${unreviewed.length} unreviewed.`);
    process.exitCode = unreviewed.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`Electronegativity scan failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exitCode = 1;
  }
}
