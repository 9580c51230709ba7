// Fails when the runtime source of a published package (packages/*/src, the sandbox excepted: a
// local test server, not loaded by users' programs) imports something that would weigh on every
// program that uses the SDK, bundled or not:
//
//   zod's classic API ('zod', 'zod/v4', ...)   type-only imports only. Schemas are built with
//                                              `zod/mini`, which keeps zod's locales and classic
//                                              method chains out of bundles (docs/model.md).
//   'zod/mini'                                 values only as `import * as z from 'zod/mini'`: a named
//                                              `import { z }` takes the whole namespace, and a bundler
//                                              can then drop nothing (427 kB instead of 8 kB minified
//                                              for one string schema).
//   'ky', 'marked'                             type-only static imports; the code loads them with
//                                              `import()` when first needed (the first request, the
//                                              first Markdown conversion).
//   'node:http', 'node:https'                  not imported at all: loading them loads much of Node's
//                                              network stack (read what is needed with
//                                              `process.getBuiltinModule()` when it is needed).
//
// Allowed besides: 'zod/v4/locales/en.js' (zod's English messages, see core's schema-messages.ts).
//
// CLI: `node scripts/check-runtime-imports.ts` prints `file:line: problem` per violation and exits 1
// if there is any. The test examples/test/runtime-imports.test.ts runs the same function on fixtures
// and on the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One import that breaks a rule. */
export interface RuntimeImportViolation {
  /** The file, as given. */
  file: string;
  /** 1-based line. */
  line: number;
  /** The specifier as written. */
  specifier: string;
  /** What is wrong and what to do. */
  problem: string;
}

/** zod's classic entry points: every zod specifier but `zod/mini` and the English locale. */
function isClassicZod(specifier: string): boolean {
  return (specifier === 'zod' || specifier.startsWith('zod/')) && specifier !== 'zod/mini' && specifier !== 'zod/v4/locales/en.js';
}

/** Packages loaded with `import()` when first needed, never by a static import. */
const LOADED_ON_DEMAND = new Set(['ky', 'marked']);

/** Node modules that must not be imported at all. */
const NETWORK_STACK = new Set(['node:http', 'node:https', 'http', 'https']);

/** How a static import brings in its module. */
interface StaticImport {
  specifier: string;
  line: number;
  /** Only types flow through it (erased from the build). */
  typeOnly: boolean;
  /** `import * as name from '...'`. */
  namespace: boolean;
}

function staticImports(source: ts.SourceFile): StaticImport[] {
  const found: StaticImport[] = [];
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (clause.name === undefined && named !== undefined && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly)));
      const namespace = clause?.namedBindings !== undefined && ts.isNamespaceImport(clause.namedBindings) && clause.name === undefined;
      found.push({ specifier: statement.moduleSpecifier.text, line: line(statement), typeOnly, namespace });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const named = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause : undefined;
      const typeOnly = statement.isTypeOnly || (named !== undefined && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly));
      found.push({ specifier: statement.moduleSpecifier.text, line: line(statement), typeOnly, namespace: false });
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push({ specifier: expression.text, line: line(statement), typeOnly: statement.isTypeOnly, namespace: false });
    }
  }
  return found;
}

/** `require('x')` calls, which the rules treat as static value imports. */
function requireCalls(source: ts.SourceFile): StaticImport[] {
  const found: StaticImport[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) {
        const line = source.getLineAndCharacterOfPosition(argument.getStart(source)).line + 1;
        found.push({ specifier: argument.text, line, typeOnly: false, namespace: false });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The imports of one source text that break the rules above.
 *
 * @param file - The file's name, for the report.
 * @param text - Its TypeScript source.
 */
export function runtimeImportViolations(file: string, text: string): RuntimeImportViolation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const violations: RuntimeImportViolation[] = [];
  for (const { specifier, line, typeOnly, namespace } of [...staticImports(source), ...requireCalls(source)]) {
    const add = (problem: string) => violations.push({ file, line, specifier, problem });
    if (NETWORK_STACK.has(specifier)) {
      add(`imports ${specifier}, which loads much of Node's network stack at import; read what you need with process.getBuiltinModule() when it is needed`);
    } else if (typeOnly) {
      continue;
    } else if (isClassicZod(specifier)) {
      add(`imports zod's classic API ('${specifier}'); build schemas with \`import * as z from 'zod/mini'\` (import types with \`import type\`)`);
    } else if (specifier === 'zod/mini' && !namespace) {
      add("imports 'zod/mini' by name, which keeps all of it in a bundle; write `import * as z from 'zod/mini'`");
    } else if (LOADED_ON_DEMAND.has(specifier)) {
      add(`imports ${specifier} statically; load it with \`await import('${specifier}')\` where it is first needed (import its types with \`import type\`)`);
    }
  }
  return violations;
}

/** Every `.ts` file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The runtime source folders the rules apply to: packages/*\/src but the sandbox's. */
export function runtimeSourceDirs(root = repoRoot): string[] {
  const packages = join(root, 'packages');
  return readdirSync(packages)
    .filter((name) => name !== 'sandbox')
    .map((name) => join(packages, name, 'src'))
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true);
}

/**
 * Every violation in the given folders.
 *
 * @param dirs - Source folders. Default: {@link runtimeSourceDirs}.
 */
export function checkRuntimeImports(dirs: string[] = runtimeSourceDirs()): RuntimeImportViolation[] {
  return dirs.flatMap((dir) => sourceFiles(dir).flatMap((file) => runtimeImportViolations(relative(repoRoot, file), readFileSync(file, 'utf8'))));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const violations = checkRuntimeImports();
  for (const { file, line, problem } of violations) console.error(`${file}:${line}: ${problem}`);
  console.log(violations.length === 0 ? 'No runtime source imports classic zod, ky or marked eagerly, or node:http.' : `${violations.length} import(s) to fix.`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}
