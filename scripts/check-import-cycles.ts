// Fails on any import cycle among the TypeScript sources of packages/*/src.
//
// Every way one file can depend on another counts, type-only ones included, because a cycle of
// types is still a cycle a reader has to untangle (and one refactor away from a runtime one):
//
//   import ... from './x.js'          import type ... from './x.js'        import './x.js'
//   export ... from './x.js'          export type ... from './x.js'        export * from './x.js'
//   import x = require('./x.js')      type T = import('./x.js').T          await import('./x.js')
//
// Only relative specifiers are followed (`./x.js` → `x.ts`, `./dir/index.js`, or an extensionless
// `./x` → `x.ts` / `x/index.ts`); a package import such as `@itsm/core` is a package boundary, whose
// cycles the workspace's dependency graph already forbids.
//
// CLI: `node scripts/check-import-cycles.ts [dir...]` (default: every packages/*/src) prints each
// cycle, one import per line with its file and line, and exits 1 if there is any. The test
// examples/test/import-cycles.test.ts runs the same functions on fixtures and on the repository.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One import of a file: what it names, where, and whether only types flow through it. */
export interface ImportRef {
  /** The module specifier as written: `'./watch.js'`. */
  specifier: string;
  /** 1-based line of the import in its file. */
  line: number;
  /** Whether the import can only carry types (`import type`, `export type`, `import('…')` types, all-`type` named imports). */
  typeOnly: boolean;
}

/** An import that resolved to another scanned file: an edge of the graph. */
export interface ImportEdge extends ImportRef {
  /** The importing file (absolute path). */
  from: string;
  /** The imported file (absolute path). */
  to: string;
}

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts'];

/** Every import of a TypeScript source text, in the order they appear. */
export function collectImports(fileName: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const refs: ImportRef[] = [];
  const add = (literal: ts.Node, typeOnly: boolean): void => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
    refs.push({ specifier: literal.text, line, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, importCarriesOnlyTypes(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
      const named = node.exportClause !== undefined && ts.isNamedExports(node.exportClause) ? node.exportClause : undefined;
      const allTypes = named !== undefined && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0]!, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

function importCarriesOnlyTypes(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (clause === undefined) return false; // `import './x.js'` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name !== undefined) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** The file a relative specifier names, among `files`; `undefined` for a package or an unknown file. */
export function resolveSpecifier(fromFile: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = resolve(dirname(fromFile), specifier);
  const stem = target.replace(/\.(?:[mc]?js|jsx)$/u, '');
  const candidates = [
    target,
    ...sourceExtensions.map((extension) => stem + extension),
    ...sourceExtensions.map((extension) => join(target, `index${extension}`)),
  ];
  return candidates.find((candidate) => files.has(candidate));
}

/** The TypeScript files under `dir` (declaration files excluded), sorted. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (sourceExtensions.some((extension) => name.endsWith(extension)) && !/\.d\.[mc]?ts$/u.test(name)) out.push(path);
  }
  return out;
}

/** The import graph of `files` (absolute path to text): each file's edges to other files of the set. */
export function importGraph(files: ReadonlyMap<string, string>): Map<string, ImportEdge[]> {
  const names = new Set(files.keys());
  const graph = new Map<string, ImportEdge[]>();
  for (const [from, text] of files) {
    const edges: ImportEdge[] = [];
    for (const ref of collectImports(from, text)) {
      const to = resolveSpecifier(from, ref.specifier, names);
      if (to !== undefined) edges.push({ ...ref, from, to });
    }
    graph.set(from, edges);
  }
  return graph;
}

/**
 * The import cycles of a graph: one cycle per strongly connected group of files (a file importing
 * itself counts), each as the imports that close it, starting at the group's first file by name.
 * Fixing the reported cycle may reveal another one in the same group; the check runs until none is left.
 */
export function findImportCycles(graph: ReadonlyMap<string, readonly ImportEdge[]>): ImportEdge[][] {
  const cycles: ImportEdge[][] = [];
  for (const group of stronglyConnected(graph)) {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const selfImport = (graph.get(start) ?? []).find((edge) => edge.to === start);
    if (group.length === 1 && selfImport === undefined) continue;
    cycles.push(selfImport !== undefined ? [selfImport] : shortestCycle(graph, start, members));
  }
  return cycles.sort((a, b) => a[0]!.from.localeCompare(b[0]!.from));
}

/** Tarjan's algorithm, iterative so that a long import chain cannot overflow the stack. */
function stronglyConnected(graph: ReadonlyMap<string, readonly ImportEdge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next]!.to;
        frame.next += 1;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter);
          counter += 1;
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** The shortest path of imports from `start` back to `start` inside one strongly connected group. */
function shortestCycle(graph: ReadonlyMap<string, readonly ImportEdge[]>, start: string, members: ReadonlySet<string>): ImportEdge[] {
  const via = new Map<string, ImportEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head]!;
    for (const edge of graph.get(node) ?? []) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let at = node; at !== start; at = via.get(at)!.from) path.unshift(via.get(at)!);
        return path;
      }
      if (via.has(edge.to)) continue;
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  throw new Error(`no cycle through ${start}, although it is in a strongly connected group`);
}

/** A cycle as text: one import per line, `file:line imports 'specifier' (type-only)`. */
export function formatCycle(cycle: readonly ImportEdge[], root: string = repoRoot): string {
  const show = (path: string) => relative(root, path).split(sep).join('/');
  const lines = cycle.map((edge) => `  ${show(edge.from)}:${edge.line} imports '${edge.specifier}'${edge.typeOnly ? ' (type-only)' : ''}`);
  return [`Import cycle: ${[...cycle.map((edge) => show(edge.from)), show(cycle[0]!.from)].join(' → ')}`, ...lines].join('\n');
}

/** The default directories to check: the `src` folder of every package. */
export function packageSourceDirs(root: string = repoRoot): string[] {
  const packages = join(root, 'packages');
  return readdirSync(packages)
    .sort()
    .map((name) => join(packages, name, 'src'))
    .filter((dir) => existsSync(dir));
}

/** Reads the sources of `dirs` and returns their import cycles. */
export function checkImportCycles(dirs: readonly string[] = packageSourceDirs()): { files: number; cycles: ImportEdge[][] } {
  const files = new Map<string, string>();
  for (const dir of dirs) for (const file of sourceFiles(resolve(dir))) files.set(file, readFileSync(file, 'utf8'));
  return { files: files.size, cycles: findImportCycles(importGraph(files)) };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  const { files, cycles } = checkImportCycles(dirs.length > 0 ? dirs : undefined);
  if (cycles.length === 0) {
    console.log(`No import cycles among ${files} source files.`);
  } else {
    console.error(cycles.map((cycle) => formatCycle(cycle)).join('\n\n'));
    console.error(`\n${cycles.length} import cycle(s). Break each one, e.g. a doc link to a type that needs no import (\`Name\` in a code span instead of {@link Name}), or move the shared type to its own file.`);
    process.exitCode = 1;
  }
}
