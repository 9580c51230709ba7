/**
 * Benchmark: what each published package costs its users — the size of its built entry points
 * (raw and gzipped) and the time a fresh Node process takes to import it, measured in one run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Shown by the runner. */
export const title = 'bundle size and import time per package';

const root = join(import.meta.dirname, '..');
const IMPORTS = 5;

function distSize(dir: string, extension: string): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(extension)) {
        const bytes = readFileSync(path);
        raw += bytes.byteLength;
        gzip += gzipSync(bytes).byteLength;
      }
    }
  };
  walk(dir);
  return { raw, gzip };
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
  console.log('package              ESM (gzip)           CJS (gzip)           import (median of 5)');
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as { name: string; private?: boolean };
    if (manifest.private) continue;
    const dist = join(root, 'packages', name, 'dist');
    const esm = distSize(dist, '.js');
    const cjs = distSize(dist, '.cjs');
    const ms = importMs(manifest.name);
    console.log(
      `${manifest.name.padEnd(20)} ${`${kb(esm.raw)} (${kb(esm.gzip)})`.padEnd(20)} ${`${kb(cjs.raw)} (${kb(cjs.gzip)})`.padEnd(20)} ${ms.toFixed(1)} ms`,
    );
  }
  console.log('sizes are the built files (dependencies are not bundled; the sandbox ESM size includes its bin); import time includes loading dependencies');
}
