// The import-cycle check of `npm test` (scripts/check-import-cycles.ts): what it counts as an import,
// that it finds and prints cycles (proof that it can fail), and that packages/*/src has none.
import { describe, expect, it } from 'vitest';
import {
  checkImportCycles,
  collectImports,
  findImportCycles,
  formatCycle,
  importGraph,
  resolveSpecifier,
} from '../../scripts/check-import-cycles.ts';

const root = '/repo';
const graphOf = (files: Record<string, string>) => importGraph(new Map(Object.entries(files).map(([name, text]) => [`${root}/${name}`, text])));

describe('collectImports', () => {
  it('counts every kind of import, type-only ones included, with their lines', () => {
    const text = [
      "import { a } from './a.js';", //                     1
      "import type { B } from './b.js';", //                2
      "import { type C, type D } from './c.js';", //        3: every binding is a type
      "import { type E, f } from './e.js';", //             4: one value binding
      "import './side-effect.js';", //                      5
      "export * from './star.js';", //                      6
      "export type { G } from './g.js';", //                7
      "export { type H } from './h.js';", //                8
      "export { i } from './i.js';", //                     9
      "type J = import('./j.js').J;", //                   10
      "const k = await import('./k.js');", //              11
      "import l = require('./l.js');", //                  12
      "const m = require('./m.js');", //                   13
      "export const n = 1;", //                            14: no specifier
    ].join('\n');
    expect(collectImports('x.ts', text)).toEqual([
      { specifier: './a.js', line: 1, typeOnly: false },
      { specifier: './b.js', line: 2, typeOnly: true },
      { specifier: './c.js', line: 3, typeOnly: true },
      { specifier: './e.js', line: 4, typeOnly: false },
      { specifier: './side-effect.js', line: 5, typeOnly: false },
      { specifier: './star.js', line: 6, typeOnly: false },
      { specifier: './g.js', line: 7, typeOnly: true },
      { specifier: './h.js', line: 8, typeOnly: true },
      { specifier: './i.js', line: 9, typeOnly: false },
      { specifier: './j.js', line: 10, typeOnly: true },
      { specifier: './k.js', line: 11, typeOnly: false },
      { specifier: './l.js', line: 12, typeOnly: false },
      { specifier: './m.js', line: 13, typeOnly: false },
    ]);
  });

  it('finds import() types nested deep in a type, and ignores specifiers in comments and strings', () => {
    const text = [
      '/** See {@link import("./doc.js").Doc} and ./comment.js */',
      "const s = \"import { x } from './string.js'\";",
      "export function f(value: Array<{ deep: import('./deep.js').Deep }>): void {}",
    ].join('\n');
    expect(collectImports('x.ts', text).map((ref) => ref.specifier)).toEqual(['./deep.js']);
  });
});

describe('resolveSpecifier', () => {
  const files = new Set([`${root}/a.ts`, `${root}/dir/index.ts`, `${root}/b.mts`]);
  it('maps ./x.js to x.ts, a folder to its index, and leaves packages and unknown files out', () => {
    expect(resolveSpecifier(`${root}/z.ts`, './a.js', files)).toBe(`${root}/a.ts`);
    expect(resolveSpecifier(`${root}/z.ts`, './a', files)).toBe(`${root}/a.ts`);
    expect(resolveSpecifier(`${root}/z.ts`, './b.mjs', files)).toBe(`${root}/b.mts`);
    expect(resolveSpecifier(`${root}/z.ts`, './dir/index.js', files)).toBe(`${root}/dir/index.ts`);
    expect(resolveSpecifier(`${root}/z.ts`, './dir', files)).toBe(`${root}/dir/index.ts`);
    expect(resolveSpecifier(`${root}/dir/index.ts`, '../a.js', files)).toBe(`${root}/a.ts`);
    expect(resolveSpecifier(`${root}/z.ts`, '@itsm/core', files)).toBeUndefined();
    expect(resolveSpecifier(`${root}/z.ts`, './missing.js', files)).toBeUndefined();
  });
});

describe('findImportCycles', () => {
  it('finds no cycle in a tree of imports', () => {
    const graph = graphOf({
      'index.ts': "export * from './a.js';\nexport * from './b.js';",
      'a.ts': "import { c } from './c.js';",
      'b.ts': "import { c } from './c.js';",
      'c.ts': 'export const c = 1;',
    });
    expect(findImportCycles(graph)).toEqual([]);
  });

  it('finds a cycle closed by a type-only import used for a doc link, and prints it', () => {
    const graph = graphOf({
      'changes.ts': "import { watch } from './watch.js';\nexport interface Options {}",
      'watch.ts': "\n\nimport type { Options } from './changes.js';\n/** See {@link Options}. */\nexport const watch = 1;",
    });
    const cycles = findImportCycles(graph);
    expect(cycles).toHaveLength(1);
    expect(formatCycle(cycles[0]!, root)).toBe(
      [
        'Import cycle: changes.ts → watch.ts → changes.ts',
        "  changes.ts:1 imports './watch.js'",
        "  watch.ts:3 imports './changes.js' (type-only)",
      ].join('\n'),
    );
  });

  it('reports one shortest cycle per group of files that import each other, and self-imports', () => {
    const graph = graphOf({
      'a.ts': "import './b.js';\nimport './d.js';",
      'b.ts': "import './c.js';",
      'c.ts': "import './a.js';",
      'd.ts': "import './a.js';", // a → d → a is shorter than a → b → c → a
      'e.ts': "type T = import('./e.js').T;",
      'f.ts': "import './a.js';", // reaches the group, is not part of it
    });
    const cycles = findImportCycles(graph).map((cycle) => cycle.map((edge) => `${edge.from.slice(root.length + 1)}>${edge.to.slice(root.length + 1)}`));
    expect(cycles).toEqual([['a.ts>d.ts', 'd.ts>a.ts'], ['e.ts>e.ts']]);
  });

  it('handles a long chain without overflowing the stack', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20_000; i += 1) files[`m${String(i).padStart(5, '0')}.ts`] = `import './m${String(i + 1).padStart(5, '0')}.js';`;
    files['m20000.ts'] = "import './m00000.js';";
    const cycles = findImportCycles(graphOf(files));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(20_001);
  });
});

describe('the repository', () => {
  it('has no import cycle in packages/*/src', () => {
    const { files, cycles } = checkImportCycles();
    expect(files).toBeGreaterThan(100);
    expect(cycles.map((cycle) => formatCycle(cycle))).toEqual([]);
  });
});
