// Lints each packed package as users receive it:
//   1. publint on the tarball (strict: warnings fail);
//   2. @arethetypeswrong/cli on the tarball: the main entry in every resolution mode (node10, node16
//      CJS/ESM, bundler); subpaths in every mode but node10 (which predates `exports`, cannot see a
//      subpath, and is deprecated since TypeScript 6); ESM-only subpaths under the esm-only profile;
//   3. every entry point loads with `require()` and `import()` in Node, with the same exports;
//   4. one copy of the code: an executable (`bin`) imports the library's code instead of bundling
//      a second copy of it;
//   5. source maps earn their size: a map names the TypeScript lines, it does not embed the sources
//      (`sourcesContent`), which would double it for a debugger's view only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { entryPoints, Report, root, runCommand, type PackedPackage } from './workspace.ts';

const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** Entry points without a `require` condition: ESM-only on purpose (e.g. `@itsm/core/conformance`). */
function esmOnlyEntries(pkg: PackedPackage): string[] {
  return entryPoints(pkg.manifest)
    .filter((entry) => entry.esmOnly)
    .map((entry) => entry.subpath);
}

/**
 * Runs publint, attw and the load test on each package.
 *
 * @param packages - The packed packages.
 * @returns The number of failed checks.
 */
export async function lintPackages(packages: PackedPackage[]): Promise<number> {
  const report = new Report();
  for (const pkg of packages) {
    console.log(`\n── ${pkg.manifest.name}`);
    const esmOnly = esmOnlyEntries(pkg);
    const dualSubpaths = Object.keys(pkg.manifest.exports ?? {}).filter(
      (entry) => entry !== '.' && !entry.endsWith('package.json') && !esmOnly.includes(entry),
    );
    const attw = (args: string[]) => runCommand(bin('attw'), [pkg.tarball, '--format', 'table-flipped', ...args], { cwd: pkg.dir });
    const publint = await runCommand(bin('publint'), ['run', pkg.tarball, '--strict'], { cwd: pkg.dir });
    report.check(publint.ok, 'publint', publint.output);
    const main = await attw(['--entrypoints', '.']);
    report.check(main.ok, 'attw (main entry, every resolution mode)', main.output);
    if (dualSubpaths.length) {
      const subpaths = await attw(['--profile', 'node16', '--entrypoints', ...dualSubpaths]);
      report.check(subpaths.ok, `attw (${dualSubpaths.join(', ')}: node16 and bundler)`, subpaths.output);
    }
    if (esmOnly.length) {
      const esm = await attw(['--profile', 'esm-only', '--entrypoints', ...esmOnly]);
      report.check(esm.ok, `attw (esm-only: ${esmOnly.join(', ')})`, esm.output);
    }
    await loadEntries(pkg, esmOnly, report);
    checkBins(pkg, report);
    checkSourceMaps(pkg, report);
  }
  return report.failures;
}

/** The most an executable may weigh when it holds no code of its own but its start. */
const MAX_BIN_BYTES = 4096;

/** The relative modules a built ESM file imports (`import ... from './chunk-X.js'`), as absolute paths. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*["'](\.{1,2}\/[^"']+)["']/g)].map((match) => resolve(dirname(file), (match[1] ?? match[2])!));
}

/**
 * An executable shares the library's code: it is small, and what it imports the main ESM entry is
 * or imports too (the chunk the build split out), so the package holds that code once.
 */
function checkBins(pkg: PackedPackage, report: Report): void {
  const bins = typeof pkg.manifest.bin === 'string' ? { [pkg.manifest.name]: pkg.manifest.bin } : (pkg.manifest.bin ?? {});
  const main = pkg.manifest.exports?.['.'];
  const mainImport = typeof main === 'object' && typeof main.import === 'object' ? (main.import as { default?: string }).default : undefined;
  for (const [name, path] of Object.entries(bins)) {
    const file = join(pkg.dir, path);
    const size = statSync(file).size;
    const imports = relativeImports(file);
    const library = mainImport === undefined ? [] : [join(pkg.dir, mainImport), ...relativeImports(join(pkg.dir, mainImport))];
    const foreign = imports.filter((target) => !library.includes(target));
    const ok = size <= MAX_BIN_BYTES && imports.length > 0 && foreign.length === 0;
    report.check(
      ok,
      `bin ${name} shares the library's code (${size} bytes of its own)`,
      `${path} should only start the command and import the library's code (its main ESM entry, or the chunk that entry imports): ` +
        `${size} bytes (at most ${MAX_BIN_BYTES}), imports ${imports.map((target) => relative(pkg.dir, target)).join(', ') || 'nothing'}` +
        (foreign.length ? `, of which the main entry does not share ${foreign.map((target) => relative(pkg.dir, target)).join(', ')}` : '') +
        '. Build the bin with the ESM entries in one build with code splitting (tsup.shared.ts, `bins`).',
    );
  }
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Source maps map lines to the TypeScript files; they do not embed those files. */
function checkSourceMaps(pkg: PackedPackage, report: Report): void {
  const maps = filesUnder(join(pkg.dir, 'dist')).filter((file) => file.endsWith('.map'));
  const embedding = maps.filter((file) => 'sourcesContent' in (JSON.parse(readFileSync(file, 'utf8')) as object));
  const bytes = maps.reduce((sum, file) => sum + statSync(file).size, 0);
  report.check(
    embedding.length === 0,
    maps.length === 0 ? 'no source maps' : `${maps.length} source map(s), ${(bytes / 1024).toFixed(0)} KB, without embedded sources`,
    `these maps embed the sources (sourcesContent), which doubles their size for a debugger's view only: ${embedding.map((file) => relative(pkg.dir, file)).join(', ')}. tsup.shared.ts sets esbuild's sourcesContent: false.`,
  );
}

/** Loads every entry point both ways, from the package's own folder. */
async function loadEntries(pkg: PackedPackage, esmOnly: string[], report: Report): Promise<void> {
  const { manifest } = pkg;
  const require = createRequire(join(pkg.dir, 'package.json'));
  const entries = Object.keys(manifest.exports ?? {}).filter((key) => !key.endsWith('package.json'));
  for (const entry of entries) {
    const specifier = entry === '.' ? manifest.name : `${manifest.name}/${entry.replace(/^\.\//, '')}`;
    try {
      const target = manifest.exports?.[entry];
      if (esmOnly.includes(entry) && typeof target === 'object' && typeof target.import === 'string') {
        const esm = (await import(pathToFileURL(join(pkg.dir, target.import)).href)) as object;
        report.check(true, `import() of ${specifier} (${Object.keys(esm).length} exports; ESM-only)`);
        continue;
      }
      const cjs = require(specifier) as object;
      const esm = (await import(pathToFileURL(require.resolve(specifier).replace(/\.cjs$/, '.js')).href)) as object;
      const cjsKeys = Object.keys(cjs).sort().join(',');
      const esmKeys = Object.keys(esm).filter((key) => key !== 'default' && key !== 'module.exports').sort().join(',');
      const same = cjsKeys === esmKeys;
      report.check(same, `require() and import() of ${specifier} (${Object.keys(cjs).length} exports)`, same ? '' : `CJS and ESM exports differ:\n  cjs: ${cjsKeys}\n  esm: ${esmKeys}`);
    } catch (error) {
      report.check(false, `loading ${specifier}`, error instanceof Error ? error.message : String(error));
    }
  }
}
