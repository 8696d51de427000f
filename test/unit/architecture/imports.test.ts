// Imports point one way only (issue 14, point 6): no module of shared/, renderer/ or electron/ reaches
// itself again through its imports, the rules (shared/rules) never import a form (shared/forms), the
// forms never import the demo and the exchange package never imports the audit log.
// Read from the source text with a regex, type-only imports included: a cycle of types is a cycle too.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const folders = ['shared', 'renderer', 'electron'];

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules') out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Drops comments so that an example import in a comment is not read as one; strings stay. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Every module specifier: `import … from`, `export … from`, `import '…'` and `import('…')`. */
function specifiers(text: string): string[] {
  const source = withoutComments(text);
  const found: string[] = [];
  const patterns = [
    /(?:^|[\s;}])(?:import|export)\s[^;'"]*?\sfrom\s*['"]([^'"\n]+)['"]/g,
    /(?:^|[\s;])import\s*['"]([^'"\n]+)['"]/g,
    /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

function resolve(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('@shared/')) base = path.join(root, 'shared', spec.slice('@shared/'.length));
  else if (spec.startsWith('./') || spec.startsWith('../')) base = path.resolve(path.dirname(from), spec);
  else return undefined; // a package
  base = base.replace(/\?.*$/, '');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined; // JSON, CSS, fonts and the like: not part of the module graph checked here
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of folders) {
    for (const file of sourceFiles(path.join(root, folder))) {
      const targets = specifiers(readFileSync(file, 'utf8'))
        .map((spec) => resolve(file, spec))
        .filter((target): target is string => target !== undefined);
      graph.set(rel(file), [...new Set(targets.map(rel))]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one module (or a module importing itself), as cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => samplePath(graph, new Set(component)));
}

/** One concrete loop through a component, for a readable failure: a → b → … → a. */
function samplePath(graph: Map<string, string[]>, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const loop = [start];
        for (let u = v; u !== start; u = previous.get(u)!) loop.splice(1, 0, u);
        return [...loop, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component];
}

describe('import direction', () => {
  const graph = importGraph();

  it('reads the imports it is meant to check', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(specifiers(`import type { A } from './a';\nimport {\n  b,\n} from "@shared/b";\nexport * from '../c';\nimport './d';\nconst e = await import('./e');`))
      .toEqual(['./a', '@shared/b', '../c', './d', './e']);
    expect(specifiers(`// import { x } from './commented';\n/* import './also' */`)).toEqual([]);
    expect(resolve(path.join(root, 'renderer/db/dataset.ts'), '@shared/domain/platform')).toBe(path.join(root, 'shared/domain/platform.ts'));
    expect(graph.get('renderer/features/platforms/platforms-page.tsx')).toContain('renderer/features/platforms/platform-detail.tsx');
    const loops = new Map([['a', ['b']], ['b', ['c', 'e']], ['c', ['a']], ['d', ['d']], ['e', []]]);
    expect(cycles(loops).map((loop) => loop.join(' → ')).sort()).toEqual(['a → b → c → a', 'd → d']);
  });

  it('has no import cycles in shared/, renderer/ and electron/', () => {
    expect(cycles(graph).map((loop) => loop.join(' → '))).toEqual([]);
  });

  // Directions that issue 14 turned round: no module under the first folder imports one under the second.
  it.each([
    ['shared/rules/', 'shared/forms/'], // the inspection checklist is shared/domain data
    ['shared/forms/', 'shared/demo/'], // forms pick their records from LedgerRecords
    ['shared/exchange/', 'shared/audit/'], // the checksum uses shared/domain/canonical-json
  ])('has no import from %s into %s', (from, to) => {
    const offending = [...graph]
      .filter(([file]) => file.startsWith(from))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith(to)).map((t) => `${file} → ${t}`));
    expect(offending).toEqual([]);
  });
});
