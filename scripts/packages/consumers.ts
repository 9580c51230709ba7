// The consumer test: the packed tarballs, installed into fresh projects outside the repository the
// way users install them (npm; pnpm with a strict layout, where a package sees only what it declares),
// then used from ESM, CommonJS, TypeScript (`strict`, no `skipLibCheck`, `node16` and `bundler`
// resolution) and esbuild bundles of both. Each program makes a real call: it starts the packed
// sandbox, creates a ticket with the packed Jira connector, the packed Autotask connector (which
// finds its zone by itself) and the packed Ivanti connector, lists each back, and catches a
// `NotFoundError`, all imported from `@itsm/jira-cloud`, `@itsm/autotask`, `@itsm/ivanti` and
// `@itsm/sandbox` alone; then it shares the Autotask connector's limits through the packed
// `@itsm/redis`: refused with a `RedisUnavailableError` (nothing sent) where no Redis listens, and,
// where a `redis-server` is on the PATH, started with `@itsm/redis/testing`, a ticket created through
// it. The npm project
// also runs `@itsm/core/testing` under plain Node, from ESM and CommonJS, with no vitest installed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { readJson, Report, root, runCommand, type PackedPackage } from './workspace.ts';

/** A package manager the consumer test installs with. */
export type PackageManager = 'npm' | 'pnpm';

/** A consumer project with the tarballs installed. */
export interface ConsumerProject {
  manager: PackageManager;
  dir: string;
}

const CORE = '@itsm/core';
const JIRA = '@itsm/jira-cloud';
const AUTOTASK = '@itsm/autotask';
const IVANTI = '@itsm/ivanti';
const SANDBOX = '@itsm/sandbox';
const REDIS = '@itsm/redis';

/** The environment of the commands the test starts, without what `pnpm run` adds for scripts. */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_package_|npm_lifecycle_|PNPM_SCRIPT_)/.test(key) || key === 'npm_config_user_agent') continue;
    if (!(key in env)) env[key] = value;
  }
  return env;
}

function tarballOf(packages: PackedPackage[], name: string): string {
  const found = packages.find((pkg) => pkg.manifest.name === name);
  if (!found) throw new Error(`${name} was not packed`);
  return `file:${found.tarball}`;
}

/** The zod the workspace tests with, so that consumers get a known version (and a cached one). */
function zodVersion(): string {
  return readJson<{ version: string }>(join(root, 'node_modules', 'zod', 'package.json')).version;
}

/**
 * Makes a fresh project in `dir` and installs the tarballs into it. `@itsm/core` is pinned to its
 * tarball with an override (the others depend on its version, which the registry does not have).
 * The npm project depends on every packed package; the pnpm project only on `@itsm/jira-cloud`,
 * `@itsm/autotask`, `@itsm/ivanti`, `@itsm/redis` and `@itsm/sandbox`, with hoisting off, so that
 * nothing resolves that a package did not declare.
 *
 * @param manager - npm or pnpm.
 * @param packages - The packed packages.
 * @param dir - An empty folder outside the repository.
 */
export async function installConsumer(manager: PackageManager, packages: PackedPackage[], dir: string): Promise<ConsumerProject> {
  mkdirSync(dir, { recursive: true });
  const core = tarballOf(packages, CORE);
  const dependencies: Record<string, string> = {
    [JIRA]: tarballOf(packages, JIRA),
    [AUTOTASK]: tarballOf(packages, AUTOTASK),
    [IVANTI]: tarballOf(packages, IVANTI),
    [SANDBOX]: tarballOf(packages, SANDBOX),
    [REDIS]: tarballOf(packages, REDIS),
    zod: zodVersion(),
  };
  const manifest: Record<string, unknown> = { name: `itsm-consumer-${manager}`, private: true, dependencies };
  if (manager === 'npm') {
    // Every package, for the declaration check (which imports every entry point of each).
    for (const pkg of packages) dependencies[pkg.manifest.name] ??= tarballOf(packages, pkg.manifest.name);
    dependencies[CORE] = core;
    manifest.overrides = { [CORE]: core };
  } else {
    writeFileSync(join(dir, 'pnpm-workspace.yaml'), `hoist: false\noverrides:\n  '${CORE}': '${core}'\n`);
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const args = manager === 'npm' ? ['install', '--prefer-offline', '--no-audit', '--no-fund'] : ['install', '--prefer-offline', '--no-frozen-lockfile'];
  const installed = await runCommand(manager, args, { cwd: dir, env: childEnv(), timeoutMs: 300_000 });
  if (!installed.ok) throw new Error(`${manager} install failed in ${dir}:\n${installed.output}`);
  return { manager, dir };
}

/** The real call, the same in every format: statements inside an async function. */
function scenario(format: string): string {
  return `
  const sandbox = await startSandbox({ providers: ['jira-cloud', 'autotask', 'ivanti'] });
  try {
    const jira = createJiraConnector(sandbox.connectorOptions('jira-cloud'));
    const requester = sandbox.state('jira-cloud').facts.knownRequester.email;
    const subject = 'consumer check from ${format}';
    const created = await jira.tickets.create({ subject, requester });
    const listed = await jira.tickets.list({ requester }).toArray({ limit: 10000 });
    if (!listed.some((ticket) => ticket.id === created.id && ticket.subject === subject)) {
      throw new Error('the ticket ' + created.key + ' was not listed back');
    }
    const missing = await jira.tickets.get(created.key.replace(/[0-9]+$/, '999999')).then(() => undefined, (error) => error);
    if (!(missing instanceof NotFoundError)) throw new Error('expected a NotFoundError, got ' + String(missing));
    const autotask = createAutotaskConnector(sandbox.connectorOptions('autotask'));
    const contact = sandbox.state('autotask').facts.knownRequester.email;
    const raised = await autotask.tickets.create({ subject, requester: contact });
    const mine = await autotask.tickets.list({ requester: contact }).toArray({ limit: 10000 });
    if (!mine.some((ticket) => ticket.id === raised.id && ticket.subject === subject)) {
      throw new Error('the Autotask ticket ' + raised.key + ' was not listed back');
    }
    const absent = await autotask.tickets.get('999999999').then(() => undefined, (error) => error);
    if (!(absent instanceof AutotaskNotFoundError)) throw new Error('expected a NotFoundError from Autotask, got ' + String(absent));
    const ivanti = createIvantiConnector(sandbox.connectorOptions('ivanti'));
    const employee = sandbox.state('ivanti').facts.knownRequester.email;
    const incident = await ivanti.tickets.create({ subject, requester: employee });
    const theirs = await ivanti.tickets.list({ requester: employee, type: 'incident' }).toArray({ limit: 10000 });
    if (!theirs.some((ticket) => ticket.id === incident.id && ticket.subject === subject)) {
      throw new Error('the incident ' + incident.key + ' was not listed back');
    }
    const gone = await ivanti.tickets.get('INC-99999999').then(() => undefined, (error) => error);
    if (!(gone instanceof IvantiNotFoundError)) throw new Error('expected a NotFoundError from Ivanti, got ' + String(gone));
    const nowhere = createRedisStores({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 500, logger: { warn: () => undefined } });
    const unshared = createAutotaskConnector({ ...sandbox.connectorOptions('autotask'), limits: { concurrencyStore: nowhere.concurrencyStore, budgetStore: nowhere.budgetStore } });
    const closed = await unshared.tickets.get(raised.id).then(() => undefined, (error) => error);
    await nowhere.close();
    if (!(closed instanceof RedisUnavailableError)) throw new Error('expected a RedisUnavailableError, got ' + String(closed));
    let sharedNote = 'no redis-server on the PATH';
    if (findRedisServer() !== undefined) {
      const redis = await startRedisServer();
      const shared = createRedisStores({ url: redis.url, keyPrefix: 'consumer:' });
      try {
        const together = createAutotaskConnector({ ...sandbox.connectorOptions('autotask'), limits: { concurrencyStore: shared.concurrencyStore, budgetStore: shared.budgetStore } });
        const viaRedis = await together.tickets.create({ subject: subject + ' (limits in Redis)', requester: contact });
        sharedNote = 'created ' + viaRedis.key + ' with its limits in Redis';
      } finally {
        await shared.close();
        await redis.close();
      }
    }
    console.log('created ' + created.key + ', ' + raised.key + ' and ' + incident.key + ', listed them back, caught NotFoundErrors and a RedisUnavailableError; ' + sharedNote);
  } finally {
    await sandbox.close();
  }
`;
}

const IMPORTS = `import { createJiraConnector, NotFoundError } from '${JIRA}';\nimport { createAutotaskConnector, NotFoundError as AutotaskNotFoundError } from '${AUTOTASK}';\nimport { createIvantiConnector, NotFoundError as IvantiNotFoundError } from '${IVANTI}';\nimport { startSandbox } from '${SANDBOX}';\nimport { createRedisStores, RedisUnavailableError } from '${REDIS}';\nimport { findRedisServer, startRedisServer } from '${REDIS}/testing';\n`;
const REQUIRES = `const { createJiraConnector, NotFoundError } = require('${JIRA}');\nconst { createAutotaskConnector, NotFoundError: AutotaskNotFoundError } = require('${AUTOTASK}');\nconst { createIvantiConnector, NotFoundError: IvantiNotFoundError } = require('${IVANTI}');\nconst { startSandbox } = require('${SANDBOX}');\nconst { createRedisStores, RedisUnavailableError } = require('${REDIS}');\nconst { findRedisServer, startRedisServer } = require('${REDIS}/testing');\n`;
const esmProgram = (format: string) => `${IMPORTS}${scenario(format)}`;
const cjsProgram = (format: string) =>
  `${REQUIRES}\nasync function main() {${scenario(format)}}\nmain().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;
// The TypeScript CommonJS file uses `import` syntax, which compiles to `require()` under node16.
const ctsProgram = (format: string) =>
  `${IMPORTS}\ndeclare const process: { exitCode?: number };\nasync function main(): Promise<void> {${scenario(format)}}\nmain().catch((error: unknown) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;

/** `@itsm/core/testing` under plain Node: the in-memory connector, with no test runner installed. */
function testingScenario(): string {
  return `
  const connector = createMemoryConnector();
  const created = await connector.tickets.create({ subject: 'testing helpers', requester: 'ann.lee@example.com' });
  const listed = await connector.tickets.list({}).toArray({ limit: 1000 });
  if (!listed.some((ticket) => ticket.id === created.id)) throw new Error('the in-memory ticket was not listed back');
  if (!errorSurface(new Error('probe')).includes('probe')) throw new Error('errorSurface lost the message');
  console.log('the in-memory connector works without vitest');
`;
}

/** A TypeScript project file for one resolution mode: strict, every declaration file checked but TypeScript's own libraries, no @types/node. */
function tsconfig(module: 'node16' | 'bundler', files: string[], outDir: string): string {
  const modes = module === 'node16' ? { module: 'node16', moduleResolution: 'node16' } : { module: 'esnext', moduleResolution: 'bundler' };
  return JSON.stringify({ compilerOptions: { ...modes, target: 'ES2023', strict: true, skipLibCheck: false, skipDefaultLibCheck: true, types: [], outDir }, files }, null, 2);
}

/** What gives an ES-module bundle a `require()` for the CommonJS code bundled into it. */
const ESM_REQUIRE_BANNER = "import { createRequire as __itsmCreateRequire } from 'node:module'; const require = __itsmCreateRequire(import.meta.url);";

/** One program to run: its label and the file Node runs. */
interface Program {
  format: string;
  file: string;
}

/** The outcome of compiling or bundling, reported once the project's turn comes. */
interface Outcome {
  ok: boolean;
  label: string;
  detail: string;
}

/**
 * Writes the programs of every format into the project, compiles and bundles them.
 *
 * @returns The programs to run, and the outcomes of compiling and bundling them.
 */
async function preparePrograms(project: ConsumerProject): Promise<{ programs: Program[]; outcomes: Outcome[] }> {
  const outcomes: Outcome[] = [];
  const { dir, manager } = project;
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  write('esm.mjs', esmProgram('ESM'));
  write('cjs.cjs', cjsProgram('CommonJS'));
  write('ts-node16.mts', esmProgram('TypeScript (node16, ESM)'));
  write('ts-node16.cts', ctsProgram('TypeScript (node16, CommonJS)'));
  write('ts-bundler.mts', esmProgram('TypeScript (bundler resolution)'));
  write('tsconfig.node16.json', tsconfig('node16', ['ts-node16.mts', 'ts-node16.cts'], 'out/node16'));
  write('tsconfig.bundler.json', tsconfig('bundler', ['ts-bundler.mts'], 'out/bundler'));
  const programs: Program[] = [
    { format: 'ESM', file: 'esm.mjs' },
    { format: 'CommonJS', file: 'cjs.cjs' },
  ];
  if (manager === 'npm') {
    write('testing.mjs', `import { createMemoryConnector, errorSurface } from '${CORE}/testing';\n${testingScenario()}`);
    write('testing.cjs', `const { createMemoryConnector, errorSurface } = require('${CORE}/testing');\n(async () => {${testingScenario()}})().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`);
    programs.push({ format: '@itsm/core/testing from ESM', file: 'testing.mjs' }, { format: '@itsm/core/testing from CommonJS', file: 'testing.cjs' });
  }
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  for (const mode of ['node16', 'bundler'] as const) {
    const compiled = await runCommand(tsc, ['-p', `tsconfig.${mode}.json`], { cwd: dir });
    outcomes.push({ ok: compiled.ok, label: `${manager}: tsc --strict, ${mode} resolution`, detail: compiled.output });
    if (!compiled.ok) continue;
    if (mode === 'node16') {
      programs.push({ format: 'TypeScript node16 (ESM)', file: 'out/node16/ts-node16.mjs' }, { format: 'TypeScript node16 (CommonJS)', file: 'out/node16/ts-node16.cjs' });
    } else {
      programs.push({ format: 'TypeScript bundler resolution', file: 'out/bundler/ts-bundler.mjs' });
    }
  }
  for (const [entry, format, outfile] of [['esm.mjs', 'esm', 'out/bundle/esm.mjs'], ['cjs.cjs', 'cjs', 'out/bundle/cjs.cjs']] as const) {
    // The Redis client of @itsm/redis is CommonJS and require()s Node's built-ins, which an ESM bundle
    // cannot without a require() of its own: the ESM bundle gets one, as @itsm/redis's README tells
    // users to do. A CJS bundle needs nothing.
    const banner: Record<string, string> = format === 'esm' ? { js: ESM_REQUIRE_BANNER } : {};
    try {
      await build({ absWorkingDir: dir, entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node22', format, banner, logLevel: 'silent' });
      programs.push({ format: `esbuild bundle (${format})`, file: outfile });
    } catch (error) {
      outcomes.push({ ok: false, label: `${manager}: esbuild bundle (${format})`, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return { programs, outcomes };
}

/**
 * Installs the tarballs with each package manager and runs the real call from every format.
 *
 * @param packages - The packed packages.
 * @param work - A scratch folder outside the repository.
 * @param managers - Which package managers to test with.
 * @returns The number of failed checks, and the projects (the declaration check reuses the npm one).
 */
export async function checkConsumers(
  packages: PackedPackage[],
  work: string,
  managers: PackageManager[] = ['npm', 'pnpm'],
): Promise<{ failures: number; projects: ConsumerProject[] }> {
  const report = new Report();
  const projects = await Promise.all(managers.map((manager) => installConsumer(manager, packages, join(work, `consumer-${manager}`))));
  // Compiling is the slow part: the projects compile side by side (CI has two cores).
  const prepared = await Promise.all(projects.map(async (project) => ({ project, ...(await preparePrograms(project)) })));
  for (const { project, programs, outcomes } of prepared) {
    console.log(`\n── consumers installed with ${project.manager} (${project.dir})`);
    for (const { ok, label, detail } of outcomes) report.check(ok, label, detail);
    for (const program of programs) {
      const ran = await runCommand(process.execPath, [program.file], { cwd: project.dir, timeoutMs: 60_000 });
      report.check(ran.ok, `${project.manager}: ${program.format}: ${ran.ok ? ran.output.trim().split('\n').at(-1) : 'failed'}`, ran.output);
    }
  }
  return { failures: report.failures, projects };
}
