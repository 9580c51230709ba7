// Lints each packed package as users receive it:
//   1. publint on the tarball (strict: warnings fail);
//   2. @arethetypeswrong/cli on the tarball: the main entry in every resolution mode (node10, node16
//      CJS/ESM, bundler); subpaths in every mode but node10 (which predates `exports`, cannot see a
//      subpath, and is deprecated since TypeScript 6); ESM-only subpaths under the esm-only profile;
//   3. every entry point loads with `require()` and `import()` in Node, with the same exports.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { Report, root, runCommand, type PackedPackage } from './workspace.ts';

const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** Entry points without a `require` condition: ESM-only on purpose (e.g. `@itsm/core/conformance`). */
function esmOnlyEntries(pkg: PackedPackage): string[] {
  return Object.entries(pkg.manifest.exports ?? {})
    .filter(([, target]) => typeof target === 'object' && !('require' in target))
    .map(([entry]) => entry);
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
  }
  return report.failures;
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
