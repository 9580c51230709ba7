/**
 * Benchmark: what the published packages cost their users before the first ticket, beside jira.js 6.2.
 *
 * - Bundle sizes (min + gzip): esbuild bundles of one export, minified ESM for Node, split at dynamic
 *   imports as bundlers do (scripts/packages/bundle.ts): what loads at start, with ky (which the first
 *   request loads), everything (the access checks of `verifyAccess()` and marked for Markdown too),
 *   and the same code bundled into one file.
 * - Cold import: fresh Node processes that `import()` one package, interleaved round by round,
 *   medians of wall time and of CPU time (CPU time holds up better on a busy machine); ratios to
 *   jira.js.
 * - Each package's tarball (packed, unpacked) and what `npm install` of it alone puts on disk.
 *
 * The packages are measured as users get them: packed, and installed from the tarballs into a scratch
 * project. jira.js comes from `bench/`'s own dependencies.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureBundle, singleFileSize, type BundleMeasure, type Size } from '../scripts/packages/bundle.ts';
import { childEnv, installConsumer } from '../scripts/packages/consumers.ts';
import { packPackages, publishedPackages, root, type PackedPackage } from '../scripts/packages/workspace.ts';

/** Shown by the runner. */
export const title = 'bundle size, cold import time, tarball and install size, beside jira.js';

const benchDir = import.meta.dirname;
const IMPORT_ROUNDS = 11;

/** The bundles measured: one export each, and where its package resolves from. */
const BUNDLES: { name: string; code: string; from: 'consumer' | 'bench' }[] = [
  { name: 'createJiraConnector', code: "export { createJiraConnector } from '@itsm/jira-cloud';", from: 'consumer' },
  { name: 'JiraCloudClient', code: "export { JiraCloudClient } from '@itsm/jira-cloud';", from: 'consumer' },
  { name: 'createAutotaskConnector', code: "export { createAutotaskConnector } from '@itsm/autotask';", from: 'consumer' },
  { name: 'createIvantiConnector', code: "export { createIvantiConnector } from '@itsm/ivanti';", from: 'consumer' },
  { name: 'jira.js createCloudClient', code: "export { createCloudClient } from 'jira.js';", from: 'bench' },
];

/** The packages whose cold import is timed, and where each resolves from. */
const IMPORTS: { specifier: string; from: 'consumer' | 'bench' }[] = [
  { specifier: '@itsm/core', from: 'consumer' },
  { specifier: '@itsm/jira-cloud', from: 'consumer' },
  { specifier: '@itsm/autotask', from: 'consumer' },
  { specifier: '@itsm/ivanti', from: 'consumer' },
  { specifier: 'jira.js', from: 'bench' },
];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const gz = (size: Size) => kB(size.gzip);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Bytes of the files under `folder`. */
function folderBytes(folder: string): number {
  let total = 0;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const stats = statSync(path);
    total += stats.isDirectory() ? folderBytes(path) : stats.size;
  }
  return total;
}

/** Bytes of the files inside a tarball, as `tar -tvzf` lists them. */
function unpackedSize(tarball: string): number {
  return execFileSync('tar', ['-tvzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[2] ?? 0), 0);
}

/**
 * Bytes of `node_modules` after `npm install` of the package alone into a fresh project (plus zod,
 * its peer), `@itsm/core` coming from its tarball.
 */
function installSize(pkg: PackedPackage, packed: PackedPackage[], work: string): number {
  const dir = join(work, pkg.manifest.name.replace('/', '+'));
  mkdirSync(dir, { recursive: true });
  const core = packed.find((candidate) => candidate.manifest.name === '@itsm/core')!;
  const zod = JSON.parse(readFileSync(join(root, 'node_modules', 'zod', 'package.json'), 'utf8')) as { version: string };
  const manifest = {
    name: 'install-size',
    private: true,
    dependencies: { [pkg.manifest.name]: `file:${pkg.tarball}`, zod: zod.version },
    overrides: pkg === core ? {} : { '@itsm/core': `file:${core.tarball}` },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=optional'], { cwd: dir, env: childEnv(), stdio: 'ignore' });
  return folderBytes(join(dir, 'node_modules'));
}

/** Wall and CPU milliseconds of one `import()` in a fresh Node process started in `dir`. */
function timeImport(specifier: string, dir: string): { wall: number; cpu: number } {
  const script = [
    'const cpu = process.cpuUsage();',
    'const start = performance.now();',
    `await import(${JSON.stringify(specifier)});`,
    'const wall = performance.now() - start;',
    'const used = process.cpuUsage(cpu);',
    'process.stdout.write(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));',
  ].join('\n');
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' })) as { wall: number; cpu: number };
}

function printBundles(measured: { name: string; split: BundleMeasure; single: Size }[]): void {
  console.log('bundle (min+gzip)           at start     + ky (1st request)   everything    one file     one file, min');
  for (const { name, split, single } of measured) {
    console.log(
      [name.padEnd(27), gz(split.initial).padEnd(12), gz(split.firstRequest).padEnd(20), gz(split.total).padEnd(13), gz(single).padEnd(12), kB(single.bytes)].join(' '),
    );
  }
  const jira = measured.find(({ name }) => name === 'createJiraConnector');
  const jirajs = measured.find(({ name }) => name.startsWith('jira.js'));
  if (jira && jirajs) {
    const ratio = (size: Size) => (size.gzip / jirajs.single.gzip).toFixed(2);
    console.log(
      `createJiraConnector vs jira.js createCloudClient: ${ratio(jira.split.initial)}x at start, ${ratio(jira.split.firstRequest)}x with ky, ` +
        `${ratio(jira.single)}x as one file (goal: <= 0.50x)`,
    );
  }
  console.log(
    "at start: the chunks an application's bundle loads when it starts; + ky: and the chunk of ky, which the first request loads; everything: and the\n" +
      'chunks of verifyAccess() and of marked (Markdown), loaded when used; one file: everything bundled into a single file (no splitting).\n',
  );
}

function printImports(dirs: Record<'consumer' | 'bench', string>): void {
  const samples = new Map(IMPORTS.map(({ specifier }) => [specifier, { wall: [] as number[], cpu: [] as number[] }]));
  for (let round = 0; round < IMPORT_ROUNDS; round++) {
    for (const { specifier, from } of IMPORTS) {
      const { wall, cpu } = timeImport(specifier, dirs[from]);
      samples.get(specifier)!.wall.push(wall);
      samples.get(specifier)!.cpu.push(cpu);
    }
  }
  const jirajs = samples.get('jira.js')!;
  console.log(`cold import (fresh process, median of ${IMPORT_ROUNDS} interleaved rounds)   wall          CPU           vs jira.js (wall / CPU)`);
  for (const [specifier, { wall, cpu }] of samples) {
    const ratios = `${(median(wall) / median(jirajs.wall)).toFixed(2)}x / ${(median(cpu) / median(jirajs.cpu)).toFixed(2)}x`;
    console.log([specifier.padEnd(71), `${median(wall).toFixed(0)} ms`.padEnd(13), `${median(cpu).toFixed(0)} ms`.padEnd(13), ratios].join(' '));
  }
  console.log('goal: @itsm/jira-cloud <= 0.25x of jira.js. Import time includes dependencies (zod; ky and marked load later, when first needed).\n');
}

function printPackages(packed: PackedPackage[], work: string): void {
  console.log('package              tarball    unpacked   install');
  for (const pkg of packed) {
    const columns = [
      pkg.manifest.name.padEnd(20),
      kB(statSync(pkg.tarball).size).padEnd(10),
      kB(unpackedSize(pkg.tarball)).padEnd(10),
      kB(installSize(pkg, packed, join(work, 'installs'))),
    ];
    console.log(columns.join(' '));
  }
  console.log('tarball: as `pnpm pack` makes it; unpacked: the files in it; install: node_modules after `npm install` of the package alone (with zod,');
  console.log('its dependencies and, for providers, @itsm/core from its tarball)');
}

/** Runs the benchmark and prints its results. */
export async function run(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'itsm-bench-bundle-'));
  try {
    const packed = packPackages(publishedPackages(), join(work, 'tarballs'));
    const consumer = await installConsumer('npm', packed, join(work, 'consumer'));
    const dirs = { consumer: consumer.dir, bench: benchDir };
    const measured = [];
    for (const { name, code, from } of BUNDLES) {
      measured.push({ name, split: await measureBundle(code, dirs[from]), single: await singleFileSize(code, dirs[from]) });
    }
    printBundles(measured);
    printImports(dirs);
    printPackages(packed, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
