// The build is deterministic and builds what package.json publishes: every package's tsup config
// (evaluated as tsup evaluates it, in a scratch folder) empties `dist/` once before its builds, no
// build cleans (two builds that run at once, one of them cleaning, deleted each other's `.d.ts`),
// and the builds emit every file `exports` and `bin` point to, with declarations for each typed entry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/check-import-cycles.ts';

/** What this test reads of a tsup build's options. */
interface BuildOptions {
  entry: Record<string, string>;
  format: string[];
  clean?: boolean;
  outDir: string;
  dts?: { entry: Record<string, string> } | boolean;
}

/** What this test reads of a package.json. */
interface Manifest {
  exports: Record<string, Record<string, string | Record<string, string>>>;
  bin?: Record<string, string>;
}

const scratch = mkdtempSync(join(tmpdir(), 'itsm-build-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Evaluates a package's tsup config in a child process whose working folder is a scratch folder
 * holding a stale `dist/` (the config empties `dist/` of the folder it runs in), and returns the
 * builds' options and whether the stale file was removed.
 */
function evaluateConfig(packageDir: string): { builds: BuildOptions[]; emptiedDist: boolean } {
  const cwd = join(scratch, packageDir.split('/').at(-1)!);
  mkdirSync(join(cwd, 'dist'), { recursive: true });
  writeFileSync(join(cwd, 'dist', 'stale.d.ts'), 'export {};\n');
  const config = pathToFileURL(join(packageDir, 'tsup.config.ts')).href;
  const program = `const { default: config } = await import(${JSON.stringify(config)});
const builds = typeof config === 'function' ? await config({}) : config;
process.stdout.write(JSON.stringify(builds));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', program], { cwd, encoding: 'utf8' });
  return { builds: JSON.parse(output) as BuildOptions[], emptiedDist: !existsSync(join(cwd, 'dist', 'stale.d.ts')) };
}

/** `./dist/provider/index.js` → `provider/index`, the entry name that emits it. */
const entryName = (file: string) => file.replace(/^\.\/dist\//, '').replace(/\.(c|m)?js$/, '');

/** The files of a conditional export: `{ types, default }` or a plain path. */
const targets = (value: string | Record<string, string> | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : Object.values(value));

const packageDirs = readdirSync(join(repoRoot, 'packages'))
  .map((name) => join(repoRoot, 'packages', name))
  .filter((dir) => existsSync(join(dir, 'tsup.config.ts')));

describe.each(packageDirs.map((dir) => [dir.split('/').at(-1)!, dir]))('the build of %s', (_name, dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  const { builds, emptiedDist } = evaluateConfig(dir);
  const esm = builds.filter((build) => build.format.includes('esm'));
  const cjs = builds.filter((build) => build.format.includes('cjs'));

  it('empties dist/ once, when the config is loaded, and no build cleans', () => {
    expect(emptiedDist).toBe(true);
    expect(builds.length).toBeGreaterThan(0);
    for (const build of builds) expect(build.clean ?? false).toBe(false);
    for (const build of builds) expect(build.outDir).toBe('dist');
  });

  it('emits every file exports and bin point to, in the format each is published in', () => {
    for (const [subpath, conditions] of Object.entries(manifest.exports)) {
      if (subpath.endsWith('package.json')) continue;
      for (const file of targets(conditions.import).filter((path) => path.endsWith('.js'))) {
        expect(esm.some((build) => entryName(file) in build.entry), `${subpath}: ${file} (ESM)`).toBe(true);
      }
      for (const file of targets(conditions.require).filter((path) => path.endsWith('.cjs'))) {
        expect(cjs.some((build) => entryName(file) in build.entry), `${subpath}: ${file} (CommonJS)`).toBe(true);
      }
    }
    for (const [name, file] of Object.entries(manifest.bin ?? {})) {
      expect(esm.some((build) => entryName(`./${file.replace(/^\.\//, '')}`) in build.entry), `bin ${name}: ${file}`).toBe(true);
    }
  });

  it('emits declarations for every typed entry, in the build of its format', () => {
    for (const [subpath, conditions] of Object.entries(manifest.exports)) {
      if (subpath.endsWith('package.json')) continue;
      const typed = [
        ...targets(conditions.import).filter((path) => path.endsWith('.d.ts')),
        ...(typeof conditions.types === 'string' ? [conditions.types] : []),
      ].map((file) => file.replace(/\.d\.ts$/, '.js'));
      for (const file of typed) {
        expect(esm.some((build) => typeof build.dts === 'object' && entryName(file) in build.dts.entry), `${subpath}: ${file.replace(/\.js$/, '.d.ts')}`).toBe(true);
      }
      for (const file of targets(conditions.require).filter((path) => path.endsWith('.d.cts'))) {
        expect(cjs.some((build) => typeof build.dts === 'object' && entryName(file.replace(/\.d\.cts$/, '.cjs')) in build.dts.entry), `${subpath}: ${file}`).toBe(true);
      }
    }
  });
});
