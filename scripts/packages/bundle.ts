// What a bundler and Node make of the packed packages, installed in a consumer project:
//
//   measureBundle()    esbuild bundle of a one-line entry (minified ESM for Node, split at dynamic
//                      imports as bundlers do): its chunks, which of them load at start (the entry and
//                      what it imports) and which only when a dynamic import runs (ky at the first
//                      request, verifyAccess(), marked for Markdown), min and gzip sizes, and the
//                      package files in each.
//   importedModules()  what `import()` of a package loads in a fresh Node process: module URLs and
//                      Node's own modules.
//   checkBundles()     the `bundle` stage of scripts/check-packages.ts: size ceilings (BUNDLE_CEILINGS),
//                      and what must stay out of the bundles and of the import (see the checks).
//
// Sizes are bytes of minified output, gzip at the default level; kB are 1,000 bytes. A chunk that is
// loaded counts whole, and chunks are gzipped one by one (each is a file of its own).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { Report, runCommand } from './workspace.ts';

/** One output file of a bundle. */
export interface BundleChunk {
  /** Its file name. */
  file: string;
  /** Minified bytes. */
  bytes: number;
  /** Bytes gzipped. */
  gzip: number;
  /** Loaded at start (the entry, and what it imports statically), rather than by a dynamic import. */
  initial: boolean;
  /** The package files it holds, as paths below `node_modules/`. */
  inputs: string[];
  /** Its code. */
  text: string;
}

/** Minified and gzipped bytes. */
export interface Size {
  bytes: number;
  gzip: number;
}

/** A bundle of one entry, by chunk. */
export interface BundleMeasure {
  chunks: BundleChunk[];
  /** The chunks loaded at start. */
  initial: Size;
  /** The chunks loaded at start, and those the first request loads (ky's). */
  firstRequest: Size;
  /** Every chunk, those of Markdown and `verifyAccess()` included. */
  total: Size;
}

/** The part of a bundled file's path below its last `node_modules/` (the file itself when none). */
function packagePath(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  return at === -1 ? input : input.slice(at + 'node_modules/'.length);
}

function sum(chunks: BundleChunk[]): Size {
  return chunks.reduce((total, chunk) => ({ bytes: total.bytes + chunk.bytes, gzip: total.gzip + chunk.gzip }), { bytes: 0, gzip: 0 });
}

/** The output files reachable from `from` along the imports of the given kinds. */
function reachable(outputs: Metafile['outputs'], from: string[], kinds: readonly string[]): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...from];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const { path, kind } of outputs[file]?.imports ?? []) {
      if (kinds.includes(kind) && path in outputs && !seen.has(path)) {
        seen.add(path);
        queue.push(path);
      }
    }
  }
  return seen;
}

/**
 * Bundles `code` (an ES module, e.g. `export { JiraCloudClient } from '@itsm/jira-cloud'`) with
 * packages resolved from `resolveDir`, as an application would: minified ESM for Node, split at
 * dynamic imports. Chunks that the bundle's own code never reaches are left out.
 *
 * @param code - The entry module.
 * @param resolveDir - A project with the packages installed.
 */
export async function measureBundle(code: string, resolveDir: string): Promise<BundleMeasure> {
  const outdir = mkdtempSync(join(tmpdir(), 'itsm-bundle-'));
  try {
    const result = await build({
      stdin: { contents: code, resolveDir, loader: 'js' },
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      splitting: true,
      outdir,
      metafile: true,
      absWorkingDir: resolveDir,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).filter((file) => outputs[file]?.entryPoint === '<stdin>');
    const initial = reachable(outputs, entry, ['import-statement']);
    const used = reachable(outputs, entry, ['import-statement', 'dynamic-import']);
    const chunks = [...used].map((file): BundleChunk => {
      const text = readFileSync(join(resolveDir, file));
      return {
        file: file.slice(file.lastIndexOf('/') + 1),
        bytes: text.byteLength,
        gzip: gzipSync(text).byteLength,
        initial: initial.has(file),
        inputs: Object.keys(outputs[file]?.inputs ?? {}).map(packagePath),
        text: text.toString('utf8'),
      };
    });
    const loadedAtStart = chunks.filter((chunk) => chunk.initial);
    const firstRequest = chunks.filter((chunk) => chunk.initial || chunk.inputs.some((input) => input.startsWith('ky/')));
    return { chunks, initial: sum(loadedAtStart), firstRequest: sum(firstRequest), total: sum(chunks) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Bytes of `code` bundled into one minified file (dynamic imports inlined), and gzipped. */
export async function singleFileSize(code: string, resolveDir: string): Promise<Size> {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: text.byteLength, gzip: gzipSync(text).byteLength };
}

/** What importing a package loaded in a fresh Node process. */
export interface ImportedModules {
  /** Every module URL loaded (packages, files). */
  urls: string[];
  /** Node's own modules loaded by the import (`NativeModule http`, ...). */
  builtins: string[];
}

/**
 * Imports `specifier` in a fresh Node process started in `dir` and lists what it loaded.
 *
 * @param specifier - The package.
 * @param dir - A project with it installed.
 */
export async function importedModules(specifier: string, dir: string): Promise<ImportedModules> {
  const script = [
    "import { registerHooks } from 'node:module';",
    'const urls = [];',
    'registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });',
    'const before = new Set(process.moduleLoadList);',
    `await import(${JSON.stringify(specifier)});`,
    'const builtins = process.moduleLoadList.filter((name) => !before.has(name));',
    'console.log(JSON.stringify({ urls, builtins }));',
  ].join('\n');
  const ran = await runCommand(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
  if (!ran.ok) throw new Error(`importing ${specifier} failed:\n${ran.output}`);
  return JSON.parse(ran.output.trim().split('\n').at(-1) ?? '{}') as ImportedModules;
}

/** A bundle the stage measures, and the most it may weigh (gzip bytes). */
interface BundleCeiling {
  /** What is bundled. */
  code: string;
  /** Gzip bytes of the chunks loaded at start. */
  initial: number;
  /** Gzip bytes once the first request has loaded ky. */
  firstRequest: number;
}

/**
 * The ceilings of the bundle check, in gzip bytes: about 8 % above the sizes measured when they were
 * set (issue 11: the Jira connector loads 60.5 kB at start, 69.6 kB with ky; jira.js's
 * `createCloudClient` is 126.4 kB), so that a regression fails while ordinary growth has room. Raise
 * one only with the reason in the commit.
 */
export const BUNDLE_CEILINGS: Record<string, BundleCeiling> = {
  // Raised when catalog forms came in (catalog.form/choices/submit: the form model, checkFormAnswers,
  // the request-type and offering mappings): measured 68.1 kB at start and 77.2 kB with ky (was
  // under 66 and 76), so the ceilings are again about 8 % above.
  createJiraConnector: { code: "export { createJiraConnector } from '@itsm/jira-cloud';", initial: 74_000, firstRequest: 83_000 },
  JiraCloudClient: { code: "export { JiraCloudClient } from '@itsm/jira-cloud';", initial: 53_000, firstRequest: 63_000 },
  createAutotaskConnector: { code: "export { createAutotaskConnector } from '@itsm/autotask';", initial: 59_000, firstRequest: 69_000 },
  // Raised for catalog forms, as the Jira connector's: measured 64.5 kB at start, 73.5 kB with ky
  // (was under 62 and 72).
  createIvantiConnector: { code: "export { createIvantiConnector } from '@itsm/ivanti';", initial: 70_000, firstRequest: 79_000 },
  // Redis's own client (@redis/client) is nearly all of it: 129.8 kB when set, no ky, no classic zod.
  createRedisStores: { code: "export { createRedisStores } from '@itsm/redis';", initial: 140_000, firstRequest: 140_000 },
};

/** Strings only the Jira connector's own code holds: a bundle of `JiraCloudClient` alone must have none. */
const JIRA_CONNECTOR_ONLY = ['must be a project key such as "HELP"', 'Start again without it: changes({ since })'];

/** Package files that must never be bundled: zod's classic API, and its locales other than English. */
function forbiddenInput(input: string): boolean {
  return input.startsWith('zod/v4/classic/') || (input.startsWith('zod/v4/locales/') && input !== 'zod/v4/locales/en.js');
}

/** Package files that may be bundled, but must not load at start: each is loaded when first needed. */
const LAZY_ONLY: { what: string; matches: (input: string) => boolean }[] = [
  { what: 'ky (loaded by the first request)', matches: (input) => input.startsWith('ky/') },
  { what: 'marked (loaded by the first Markdown conversion)', matches: (input) => input.startsWith('marked/') },
  { what: 'the access checks (loaded by verifyAccess())', matches: (input) => /^@itsm\/[^/]+\/dist\/verify-/.test(input) },
];

/** What importing a provider package (or @itsm/redis) must not load: each is loaded when first needed. */
const NOT_AT_IMPORT: { what: string; matches: (loaded: string) => boolean }[] = [
  { what: 'ky', matches: (url) => url.includes('/node_modules/ky/') },
  { what: 'marked', matches: (url) => url.includes('/node_modules/marked/') },
  { what: "zod's classic API", matches: (url) => url.includes('/zod/v4/classic/') },
  { what: "Node's fetch (undici)", matches: (name) => name.includes('internal/deps/undici') },
  { what: 'node:http', matches: (name) => name === 'NativeModule http' },
];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * The `bundle` stage: bundles of each connector and of `JiraCloudClient` alone, and an import of each
 * provider package and of @itsm/redis, in a consumer project that has the tarballs installed.
 *
 * @param dir - The consumer project (the npm one of the consumers stage).
 * @returns The number of failed checks.
 */
export async function checkBundles(dir: string): Promise<number> {
  const report = new Report();
  for (const [name, ceiling] of Object.entries(BUNDLE_CEILINGS)) {
    const measured = await measureBundle(ceiling.code, dir);
    const inputs = measured.chunks.flatMap((chunk) => chunk.inputs);
    const atStart = measured.chunks.filter((chunk) => chunk.initial).flatMap((chunk) => chunk.inputs);
    report.check(measured.initial.gzip <= ceiling.initial, `${name}: ${kB(measured.initial.gzip)} gzipped at start (ceiling ${kB(ceiling.initial)})`);
    report.check(
      measured.firstRequest.gzip <= ceiling.firstRequest,
      `${name}: ${kB(measured.firstRequest.gzip)} gzipped with ky, after the first request (ceiling ${kB(ceiling.firstRequest)})`,
    );
    const forbidden = inputs.filter(forbiddenInput);
    report.check(forbidden.length === 0, `${name}: no zod classic API, no zod locale but English`, forbidden.join('\n'));
    for (const lazy of LAZY_ONLY) {
      const early = atStart.filter(lazy.matches);
      report.check(early.length === 0, `${name}: ${lazy.what} not in the chunks loaded at start`, early.join('\n'));
    }
    if (name === 'JiraCloudClient') {
      // sideEffects: false lets the bundler drop every module the client does not use: the connector.
      const code = measured.chunks.map((chunk) => chunk.text).join('\n');
      const leaked = [...JIRA_CONNECTOR_ONLY.filter((marker) => code.includes(marker)), ...inputs.filter((input) => /\/dist\/verify-/.test(input))];
      report.check(leaked.length === 0, 'JiraCloudClient alone: the bundle holds nothing of the connector', leaked.join('\n'));
    }
  }
  for (const specifier of ['@itsm/core', '@itsm/jira-cloud', '@itsm/autotask', '@itsm/ivanti', '@itsm/redis']) {
    const { urls, builtins } = await importedModules(specifier, dir);
    for (const { what, matches } of NOT_AT_IMPORT) {
      const found = [...urls, ...builtins].filter(matches);
      report.check(found.length === 0, `import of ${specifier} loads no ${what}`, found.join('\n'));
    }
  }
  return report.failures;
}
