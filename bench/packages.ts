/**
 * Benchmark: what each published package costs its users — its tarball (packed and unpacked), what
 * `npm install` of it alone puts on disk (with its dependencies), the size of its built entry points
 * (raw and gzipped), and the time a fresh Node process takes to import it, measured in one run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { childEnv } from '../scripts/packages/consumers.ts';
import { packPackages, publishedPackages, type PackedPackage } from '../scripts/packages/workspace.ts';

/** Shown by the runner. */
export const title = 'tarball, install and bundle size, and import time per package';

const root = join(import.meta.dirname, '..');
const IMPORTS = 5;

/** Bytes of the files under `folder` whose names end with `extension` (every file for `''`), raw and gzipped. */
function folderSize(folder: string, extension = ''): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else if (name.endsWith(extension)) {
        raw += stats.size;
        if (extension) gzip += gzipSync(readFileSync(path)).byteLength;
      }
    }
  };
  walk(folder);
  return { raw, gzip };
}

/** Bytes of the files inside a tarball, as `tar -tvzf` lists them. */
function unpackedSize(tarball: string): number {
  return execFileSync('tar', ['-tvzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[2] ?? 0), 0);
}

/**
 * Bytes of `node_modules` after `npm install` of the package alone into a fresh project (plus zod, its
 * peer), `@itsm/core` coming from its tarball.
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
  return folderSize(join(dir, 'node_modules')).raw;
}

/** Milliseconds a fresh process spends importing the package (and its dependencies). */
function importMs(specifier: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const samples: number[] = [];
  for (let i = 0; i < IMPORTS; i++) {
    samples.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim()));
  }
  return samples.sort((a, b) => a - b)[Math.floor(IMPORTS / 2)]!;
}

/** Runs the benchmark and prints its results. */
export async function run(): Promise<void> {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const work = mkdtempSync(join(tmpdir(), 'itsm-bench-packages-'));
  try {
    const packed = packPackages(publishedPackages(), join(work, 'tarballs'));
    console.log('package              tarball    unpacked   install    ESM (gzip)           CJS (gzip)           import (median of 5)');
    for (const pkg of packed) {
      const dist = join(pkg.dir, 'dist');
      const esm = folderSize(dist, '.js');
      const cjs = folderSize(dist, '.cjs');
      const columns = [
        pkg.manifest.name.padEnd(20),
        kb(statSync(pkg.tarball).size).padEnd(10),
        kb(unpackedSize(pkg.tarball)).padEnd(10),
        kb(installSize(pkg, packed, join(work, 'installs'))).padEnd(10),
        `${kb(esm.raw)} (${kb(esm.gzip)})`.padEnd(20),
        `${kb(cjs.raw)} (${kb(cjs.gzip)})`.padEnd(20),
        `${importMs(pkg.manifest.name).toFixed(1)} ms`,
      ];
      console.log(columns.join(' '));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    'tarball: as `pnpm pack` makes it; unpacked: the files in it; install: node_modules after `npm install` of the package alone (with zod,',
  );
  console.log('its dependencies and, for providers, @itsm/core); ESM/CJS: the built .js/.cjs files (the sandbox bin shares the ESM chunk); import time includes dependencies');
}
