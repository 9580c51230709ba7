#!/usr/bin/env node
// Checks every publishable package as users will receive it:
//   1. `pnpm pack` (which rewrites workspace: and catalog: specifiers, as publishing does);
//   2. publint on the tarball (strict: warnings fail);
//   3. @arethetypeswrong/cli on the tarball (every resolution mode: node10, node16 CJS/ESM, bundler);
//   4. a smoke test that both `require()` and `import()` of each entry point load in Node.
// Any finding fails the run. Expects the packages to be built.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const packagesDir = join(root, 'packages');
let failures = 0;

function run(command, args, cwd) {
  try {
    execFileSync(command, args, { cwd, stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

for (const name of readdirSync(packagesDir).sort()) {
  const dir = join(packagesDir, name);
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) continue;
  console.log(`\n── ${manifest.name}`);
  const out = mkdtempSync(join(tmpdir(), 'itsm-pack-'));
  try {
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = join(out, readdirSync(out).find((file) => file.endsWith('.tgz')));
    // Entry points without a `require` condition are ESM-only on purpose (e.g. `@itsm/core/testing`,
    // which needs vitest): attw checks them under its esm-only profile, the rest under every mode.
    const esmOnly = Object.entries(manifest.exports ?? {})
      .filter(([, target]) => typeof target === 'object' && !('require' in target))
      .map(([entry]) => entry);
    const attw = (args) => [bin('attw'), [tarball, '--format', 'table-flipped', ...args]];
    const checks = [
      ['publint', [bin('publint'), ['run', tarball, '--strict']]],
      ['attw', attw(esmOnly.length ? ['--exclude-entrypoints', ...esmOnly] : [])],
      ...(esmOnly.length ? [[`attw (esm-only: ${esmOnly.join(', ')})`, attw(['--profile', 'esm-only', '--entrypoints', ...esmOnly])]] : []),
    ];
    for (const [label, [command, args]] of checks) {
      const ok = run(command, args, dir);
      console.log(`${ok ? '✓' : '✗'} ${label}`);
      if (!ok) failures++;
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  // Load every entry point both ways, from the package's own location.
  const require = createRequire(manifestPath);
  const entries = Object.keys(manifest.exports ?? {}).filter((key) => !key.endsWith('package.json'));
  for (const entry of entries) {
    const specifier = entry === '.' ? manifest.name : `${manifest.name}/${entry.replace(/^\.\//, '')}`;
    try {
      const target = manifest.exports[entry];
      if (typeof target === 'object' && !('require' in target)) {
        const esm = await import(pathToFileURL(join(dir, target.import)).href);
        console.log(`✓ import() of ${specifier} (${Object.keys(esm).length} exports; ESM-only)`);
        continue;
      }
      const cjs = require(specifier);
      const esm = await import(pathToFileURL(require.resolve(specifier).replace(/\.cjs$/, '.js')).href);
      const cjsKeys = Object.keys(cjs).sort().join(',');
      const esmKeys = Object.keys(esm).filter((key) => key !== 'default' && key !== 'module.exports').sort().join(',');
      if (cjsKeys !== esmKeys) throw new Error(`CJS and ESM exports differ:\n  cjs: ${cjsKeys}\n  esm: ${esmKeys}`);
      console.log(`✓ require() and import() of ${specifier} (${Object.keys(cjs).length} exports)`);
    } catch (error) {
      failures++;
      console.log(`✗ loading ${specifier}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

if (failures > 0) {
  console.error(`\n${failures} package check(s) failed`);
  process.exit(1);
}
console.log('\nall packages pass publint, attw and the load smoke test');
