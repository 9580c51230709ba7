// Checks every ```ts code block of the markdown documentation against the real packages: each block
// type-checks, and each block that is meant to run does run, without an error, against the sandbox.
//
// Which files: README.md, packages/*/README.md, packages/*/src/README.md (guides for contributors)
// and docs/*.md. Which blocks: fences whose info string starts with `ts` or `typescript`. Each block
// is compiled as its own ES module (top-level await allowed) with the settings of
// examples/tsconfig.json (the repo's strict base settings), from a virtual file inside examples/, so
// `@itsm/*` resolves through the workspace to the packages' built declarations (build first:
// `pnpm run build`). All blocks go through one `ts.createProgram`.
//
// Then every block is run (scripts/doc-examples/run.ts), unless it is skipped or compile-only: as an
// ES module on Node against the built packages, one markdown file after another, each file with its
// own sandbox (the Jira Cloud simulator). A block fails when it throws, sets a non-zero exit code, a
// vitest test it declares fails, or it reaches for the network beyond the sandbox.
//
// Directives, written as HTML comments on the line(s) right before the fence (blank lines between
// are allowed; they are invisible in rendered markdown, on GitHub and in the typedoc site):
//
//   <!-- ts-check-preamble: declare const connector: import('@itsm/core').ItsmConnector; -->
//       TypeScript compiled before the block, for the free variables a snippet assumes (a
//       connector, a sandbox, a database handle...). It may span several lines and hold imports.
//       Several preamble comments are concatenated in order. When the block runs, each name it
//       declares (`declare const`, `declare function`) is bound to the fixture of that name in
//       scripts/doc-examples/fixtures.ts, made on the file's sandbox; the check also makes sure each
//       fixture has the type the preamble declares.
//   <!-- ts-run: on-sandbox -->
//       The block talks to a real Jira site (`https://your-site.atlassian.net`, a cloud id, a token from
//       the environment): it runs as written, but `@itsm/jira-cloud` gets the sandbox's site, service
//       account and token in their place, and the people the examples name (ann.lee@example.com, see
//       DOC_PEOPLE in scripts/doc-examples/harness.ts) exist there as customers of the desk. The same
//       for a real Ivanti tenant: `@itsm/ivanti` gets the sandbox's tenant, API key and service account
//       (scripts/doc-examples/ivanti-on-sandbox.ts), where those people are employees. Likewise for a
//       real Autotask tenant: `@itsm/autotask` gets the sandbox's API user and zone lookup in place of
//       the ones named (`process.env.AUTOTASK_USERNAME`, ...), and the people its examples name
//       (ann.lee@acme.example, AUTOTASK_DOC_PEOPLE) exist as contacts.
//   <!-- ts-check: compile-only (why it cannot run) -->
//       Type-checks the block but does not run it; the reason in parentheses is required (a loop that
//       runs until stopped, a connector of your own).
//   <!-- ts-check: skip (why this block is not TypeScript) -->
//       Leaves the block out; the reason in parentheses is required. Use it only for blocks that are
//       not meant to compile (pseudo code, an interface sketch).
//
// An unknown directive, a skip or compile-only without a reason, two directives that contradict each
// other, or a directive that precedes no ts block is itself reported, so a typo cannot silently
// disable a check.
//
// CLI: `node scripts/check-doc-examples.ts` prints `file:line:col - error CODE: message` per problem
// (type errors first; the blocks are run only when they all type-check) and exits 1 if there is any.
// The test examples/test/docs-examples.test.ts runs the same checks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { isRunnable, runDocExamples } from './doc-examples/run.ts';
import { declaredNames } from './doc-examples/source.ts';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A markdown document to check: a path relative to the root (used in messages) and its text. */
export interface MarkdownDoc {
  path: string;
  text: string;
}

/** One ```ts block, with what the directives before it said. */
export interface CodeBlock {
  /** The markdown file, relative to the root. */
  file: string;
  /** 1-based line of the opening fence. */
  fenceLine: number;
  /** 1-based line of the block's first code line. */
  firstLine: number;
  /** The code, with the fence's indentation removed. */
  code: string;
  /** The indentation removed from each code line (to report columns as in the file). */
  indent: number;
  /**
   * Preamble code, and where each of its lines comes from in the markdown: 1-based line, and the
   * 0-based column where the code starts on it.
   */
  preamble: { code: string; lines: { line: number; column: number }[] };
  /** Set when the block is skipped: the reason given. */
  skip?: string;
  /** Set when the block is type-checked but not run: the reason given. */
  compileOnly?: string;
  /** Set when the block runs with the sandbox in place of the Jira site or Ivanti tenant it names (`ts-run: on-sandbox`). */
  onSandbox?: boolean;
}

/** A problem found: a compiler diagnostic or a directive error, at a markdown location. */
export interface DocProblem {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

export interface CheckResult {
  blocks: CodeBlock[];
  problems: DocProblem[];
}

/** The markdown files whose examples are checked, relative to the root, sorted. */
export function docFiles(root: string = repoRoot): string[] {
  const files = ['README.md'];
  const packages = join(root, 'packages');
  for (const name of readdirSync(packages).sort()) {
    if (existsSync(join(packages, name, 'README.md'))) files.push(`packages/${name}/README.md`);
    if (existsSync(join(packages, name, 'src', 'README.md'))) files.push(`packages/${name}/src/README.md`);
  }
  for (const name of readdirSync(join(root, 'docs')).sort()) {
    if (name.endsWith('.md')) files.push(`docs/${name}`);
  }
  return files;
}

const DIRECTIVES = 'use "ts-check: skip (reason)", "ts-check: compile-only (reason)", "ts-run: on-sandbox" or "ts-check-preamble: <code>"';

const fenceOpen = /^( *)(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const tsLanguages = new Set(['ts', 'typescript', 'mts', 'cts']);

/** Reads the ```ts blocks of one markdown document, with their directives. */
export function extractBlocks(doc: MarkdownDoc): { blocks: CodeBlock[]; problems: DocProblem[] } {
  const lines = doc.text.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  const problems: DocProblem[] = [];
  const problem = (line: number, message: string) =>
    problems.push({ file: doc.path, line, column: 1, code: 'doc-examples', message });

  // Directives seen since the last fence or text line: they attach to the next fence.
  let pending: { line: number; column: number; kind: 'preamble' | 'skip' | 'compile-only' | 'on-sandbox'; text: string }[] = [];
  const dropPending = () => {
    for (const directive of pending) problem(directive.line, `ts-check directive not followed by a \`\`\`ts block`);
    pending = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNo = index + 1;

    const comment = /^\s*<!--\s*(ts-check[\w-]*|ts-run[\w-]*)\s*:?/.exec(line);
    if (comment) {
      // Gather the whole comment, which may span lines.
      let text = line;
      let end = index;
      while (!text.includes('-->') && end + 1 < lines.length) text += '\n' + lines[++end]!;
      if (!text.includes('-->')) {
        problem(lineNo, 'unterminated ts-check comment');
        break;
      }
      const start = text.indexOf(comment[0]) + comment[0].length;
      const body = text.slice(start, text.lastIndexOf('-->'));
      const name = comment[1]!;
      if (name === 'ts-check-preamble') {
        pending.push({ line: lineNo, column: start, kind: 'preamble', text: body });
      } else if (name === 'ts-check') {
        const reasoned = /^\s*(skip|compile-only)\s*\(([^)]*\S[^)]*)\)\s*$/.exec(body);
        const bare = /^\s*(skip|compile-only)\b/.exec(body);
        if (reasoned) pending.push({ line: lineNo, column: start, kind: reasoned[1] as 'skip' | 'compile-only', text: reasoned[2]!.trim() });
        else if (bare?.[1] === 'skip') problem(lineNo, 'ts-check: skip needs a reason: "ts-check: skip (why this block is not TypeScript)"');
        else if (bare?.[1] === 'compile-only') problem(lineNo, 'ts-check: compile-only needs a reason: "ts-check: compile-only (why this block cannot run)"');
        else problem(lineNo, `unknown ts-check directive "${body.trim()}": ${DIRECTIVES}`);
      } else if (name === 'ts-run' && body.trim() === 'on-sandbox') {
        pending.push({ line: lineNo, column: start, kind: 'on-sandbox', text: '' });
      } else if (name === 'ts-run') {
        problem(lineNo, `unknown ts-run directive "${body.trim()}": ${DIRECTIVES}`);
      } else {
        problem(lineNo, `unknown directive "${name}": ${DIRECTIVES}`);
      }
      index = end;
      continue;
    }

    const fence = fenceOpen.exec(line);
    if (fence) {
      const [, indentText, marker, language] = fence as unknown as [string, string, string, string];
      const indent = indentText.length;
      // Find the closing fence: the same character, at least as long, nothing after it.
      let close = index + 1;
      while (close < lines.length) {
        const candidate = lines[close]!.trim();
        if (candidate.startsWith(marker) && /^([`~])\1*$/.test(candidate) && candidate[0] === marker[0]) break;
        close++;
      }
      if (tsLanguages.has(language.toLowerCase())) {
        const body = lines.slice(index + 1, close).map((text) => text.slice(Math.min(indent, text.length - text.trimStart().length)));
        const preamble: CodeBlock['preamble'] = { code: '', lines: [] };
        let skip: string | undefined;
        let compileOnly: string | undefined;
        let onSandbox = false;
        const modes = pending.filter((directive) => directive.kind !== 'preamble');
        if (modes.length > 1) problem(modes[1]!.line, `contradicting directives for one block: ${modes.map((directive) => directive.kind).join(' and ')}`);
        for (const directive of pending) {
          if (directive.kind === 'skip') skip = directive.text;
          if (directive.kind === 'compile-only') compileOnly = directive.text;
          if (directive.kind === 'on-sandbox') onSandbox = true;
          if (directive.kind !== 'preamble') continue;
          // A one-line preamble starts on the comment's line; a multi-line one keeps its line numbers.
          directive.text.split('\n').forEach((text, offset) => {
            preamble.code += text + '\n';
            preamble.lines.push({ line: directive.line + offset, column: offset === 0 ? directive.column : 0 });
          });
        }
        blocks.push({
          file: doc.path,
          fenceLine: lineNo,
          firstLine: lineNo + 1,
          code: body.join('\n'),
          indent,
          preamble,
          ...(skip !== undefined ? { skip } : {}),
          ...(compileOnly !== undefined ? { compileOnly } : {}),
          ...(onSandbox ? { onSandbox } : {}),
        });
        pending = [];
      } else {
        dropPending();
      }
      index = close;
      continue;
    }

    if (line.trim() !== '') dropPending();
  }
  dropPending();
  return { blocks, problems };
}

/** A line appended to a block's virtual source to check one fixture against its declared type. */
interface FixtureCheck {
  /** 0-based line in the virtual source. */
  line: number;
  name: string;
  /** Where the preamble line that declares it is in the markdown. */
  origin: { line: number; column: number };
  /** 0-based column of the name in that preamble line. */
  column: number;
}

/** The virtual file name a block is compiled as. */
function virtualName(block: CodeBlock, root: string): string {
  const slug = block.file.replace(/[^A-Za-z0-9]+/g, '_');
  return join(root, 'examples', '__doc_examples__', `${slug}_L${block.fenceLine}.mts`);
}

/** The compiler options: examples/tsconfig.json (which extends tsconfig.base.json), made to check only. */
export function compilerOptions(root: string = repoRoot): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'examples', 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('cannot read examples/tsconfig.json');
  return {
    ...parsed.options,
    noEmit: true,
    declaration: false,
    sourceMap: false,
    // Every block is a module, with or without imports, so blocks never share a global scope and
    // top-level await works.
    moduleDetection: ts.ModuleDetectionKind.Force,
  };
}

/**
 * Extracts and type-checks the blocks of the given documents (by default, every documentation file)
 * in one program. `extra` adds in-memory documents (the self-test uses it).
 */
export function checkDocExamples(options: { root?: string; docs?: MarkdownDoc[]; extra?: MarkdownDoc[] } = {}): CheckResult {
  const root = options.root ?? repoRoot;
  const docs = options.docs ?? docFiles(root).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
  const blocks: CodeBlock[] = [];
  const problems: DocProblem[] = [];
  for (const doc of [...docs, ...(options.extra ?? [])]) {
    const extracted = extractBlocks(doc);
    blocks.push(...extracted.blocks);
    problems.push(...extracted.problems);
  }

  // The virtual sources, and how to map their lines back to the markdown. A block that runs also
  // checks, after its code, that each fixture it will get fits the type its preamble declares.
  const virtual = new Map<string, { block: CodeBlock; text: string; fixtureChecks: FixtureCheck[] }>();
  for (const block of blocks) {
    if (block.skip !== undefined) continue;
    let text = block.preamble.code + block.code + '\n';
    const fixtureChecks: FixtureCheck[] = [];
    if (isRunnable(block)) {
      const names = declaredNames(block.preamble.code);
      if (names.length > 0) {
        text += `import type { DocFixtures as __DocFixtures } from '../../scripts/doc-examples/fixtures.ts';\n`;
        const first = text.split('\n').length - 1;
        names.forEach((declared, index) => {
          text += `const __docFixture${index}: typeof ${declared.name} = null as unknown as __DocFixtures['${declared.name}'];\n`;
          fixtureChecks.push({ line: first + index, name: declared.name, origin: block.preamble.lines[declared.line]!, column: declared.column });
        });
      }
    }
    virtual.set(virtualName(block, root), { block, text, fixtureChecks });
  }

  const compilerOpts = compilerOptions(root);
  const host = ts.createCompilerHost(compilerOpts, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const entry = virtual.get(resolve(fileName));
    if (entry) return ts.createSourceFile(fileName, entry.text, languageVersion, true);
    return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (fileName) => virtual.has(resolve(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtual.get(resolve(fileName))?.text ?? readFile.call(host, fileName);

  const program = ts.createProgram({ rootNames: [...virtual.keys()], options: compilerOpts, host });
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const name of virtual.keys()) {
    const sourceFile = program.getSourceFile(name);
    if (!sourceFile) continue;
    diagnostics.push(...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile));
  }

  for (const diagnostic of diagnostics) {
    let message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.code === 2307 && message.includes("'@itsm/")) message += ' (are the packages built? run `pnpm run build`)';
    const code = `TS${diagnostic.code}`;
    const entry = diagnostic.file ? virtual.get(resolve(diagnostic.file.fileName)) : undefined;
    if (!diagnostic.file || diagnostic.start === undefined || !entry) {
      // Not in a block (a config problem, or an error inside a package's declarations).
      const where = diagnostic.file ? relative(root, diagnostic.file.fileName).split(sep).join('/') : '(compiler)';
      problems.push({ file: where, line: 0, column: 0, code, message });
      continue;
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const { block } = entry;
    const preambleLines = block.preamble.lines.length;
    const fixture = entry.fixtureChecks.find((check) => check.line === line);
    if (fixture !== undefined) {
      const column = fixture.origin.column + fixture.column + 1;
      problems.push({ file: block.file, line: fixture.origin.line, column, code, message: `(the fixture "${fixture.name}" the block runs with) ${message}` });
    } else if (line < preambleLines) {
      const origin = block.preamble.lines[line]!;
      problems.push({ file: block.file, line: origin.line, column: origin.column + character + 1, code, message: `(in the preamble) ${message}` });
    } else {
      problems.push({ file: block.file, line: block.firstLine + line - preambleLines, column: character + 1 + block.indent, code, message });
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { blocks, problems };
}

/** One problem per line, as `file:line:col - error CODE: message`. */
export function formatProblems(problems: DocProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} - error ${p.code}: ${p.message}`).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { blocks, problems } = checkDocExamples();
  const skipped = blocks.filter((block) => block.skip !== undefined).length;
  const compileOnly = blocks.filter((block) => block.compileOnly !== undefined).length;
  if (problems.length > 0) {
    console.error(formatProblems(problems));
    console.error(`\n${problems.length} problem(s) in ${blocks.length} ts blocks (${skipped} skipped); not run.`);
    process.exitCode = 1;
  } else {
    console.log(`${blocks.length} ts blocks type-check (${skipped} skipped). Running ${blocks.length - skipped - compileOnly} (${compileOnly} compile-only)...`);
    const run = await runDocExamples(blocks);
    if (run.problems.length > 0) {
      console.error(formatProblems(run.problems));
      console.error(`\n${run.problems.length} of ${run.ran.length} blocks failed when run.`);
      process.exitCode = 1;
    } else {
      console.log(`${run.ran.length} blocks ran.`);
    }
  }
}
