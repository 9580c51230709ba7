// The release dry run: `changeset version` on a scratch copy of the workspace, then `pnpm pack` of
// each package, proving that the pending changesets turn into the right versions and changelogs, and
// that the packed manifests carry concrete versions (no `workspace:` or `catalog:` range) that match
// the versions of the packages they point at. The repository itself is never changed.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { childEnv } from './consumers.ts';
import { packPackages, publishedPackages, readJson, Report, root, runCommand, type Manifest } from './workspace.ts';

type Bump = 'major' | 'minor' | 'patch';
const BUMPS: readonly Bump[] = ['patch', 'minor', 'major'];

/** The bump each package gets from the pending changesets (the largest one named for it). */
function pendingBumps(changesetDir: string): Map<string, Bump> {
  const bumps = new Map<string, Bump>();
  for (const file of readdirSync(changesetDir).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(changesetDir, file), 'utf8'))?.[1] ?? '';
    for (const match of front.matchAll(/^["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)) {
      const [, name, bump] = match as unknown as [string, string, Bump];
      const current = bumps.get(name);
      if (!current || BUMPS.indexOf(bump) > BUMPS.indexOf(current)) bumps.set(name, bump);
    }
  }
  return bumps;
}

/** `version` raised by `bump`, as semver (and changesets) does it. */
function bumped(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split('-')[0]!.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Copies what `changeset version` and `pnpm pack` read: manifests, changesets, READMEs, builds. */
function scratchCopy(destination: string): void {
  for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, file), join(destination, file));
  cpSync(join(root, '.changeset'), join(destination, '.changeset'), { recursive: true });
  for (const { dir } of publishedPackages()) {
    const target = join(destination, relative(root, dir));
    mkdirSync(target, { recursive: true });
    for (const entry of ['package.json', 'README.md', 'CHANGELOG.md', 'dist']) {
      if (existsSync(join(dir, entry))) cpSync(join(dir, entry), join(target, entry), { recursive: true });
    }
  }
  // The changelog generator named in .changeset/config.json is resolved from here.
  symlinkSync(join(root, 'node_modules'), join(destination, 'node_modules'), 'dir');
}

/** Every dependency range of a manifest, with the field it is in. */
function ranges(manifest: Manifest & { optionalDependencies?: Record<string, string> }): [string, string][] {
  return [manifest.dependencies, manifest.peerDependencies, manifest.optionalDependencies].flatMap((deps) => Object.entries(deps ?? {}));
}

/**
 * Runs the dry run.
 *
 * @param work - A scratch folder outside the repository.
 * @returns The number of failed checks.
 */
export async function checkRelease(work: string): Promise<number> {
  const report = new Report();
  const scratch = join(work, 'release');
  console.log(`\n── release dry run (${scratch})`);
  mkdirSync(scratch, { recursive: true });
  scratchCopy(scratch);
  const before = new Map(publishedPackages().map(({ manifest }) => [manifest.name, manifest.version]));
  const bumps = pendingBumps(join(scratch, '.changeset'));
  report.check(bumps.size > 0, `pending changesets name ${[...bumps.keys()].join(', ') || 'no package'}`);

  const versioned = await runCommand(join(root, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: scratch, env: childEnv() });
  report.check(versioned.ok, 'changeset version', versioned.output);
  if (!versioned.ok) return report.failures;

  const after = publishedPackages(scratch);
  const versions = new Map(after.map(({ manifest }) => [manifest.name, manifest.version]));
  for (const { manifest } of after) {
    const old = before.get(manifest.name) ?? '?';
    const bump = bumps.get(manifest.name);
    const expected = bump ? bumped(old, bump) : undefined;
    report.check(
      expected ? manifest.version === expected : manifest.version !== old,
      `${manifest.name}: ${old} → ${manifest.version}${bump ? ` (${bump}${expected === manifest.version ? '' : `, expected ${expected}`})` : ' (dependency update)'}`,
    );
  }
  const left = readdirSync(join(scratch, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md');
  report.check(left.length === 0, 'every changeset was consumed', left.join(', '));

  const packed = packPackages(after, join(scratch, 'tarballs'));
  for (const pkg of packed) {
    const name = pkg.manifest.name;
    const unpacked = join(scratch, 'unpacked', name.replace('/', '+'));
    mkdirSync(unpacked, { recursive: true });
    const extracted = await runCommand('tar', ['-xzf', pkg.tarball, '-C', unpacked], { cwd: scratch });
    if (!extracted.ok) {
      report.check(false, `${name}: unpack`, extracted.output);
      continue;
    }
    const manifest = readJson<Manifest>(join(unpacked, 'package', 'package.json'));
    report.check(manifest.version === versions.get(name), `${name}: packed version ${manifest.version}`);
    const protocols = ranges(manifest).filter(([, range]) => /^(workspace|catalog):/.test(range));
    report.check(protocols.length === 0, `${name}: no workspace: or catalog: range`, protocols.map(([dep, range]) => `${dep}: ${range}`).join('\n'));
    const internal = ranges(manifest).filter(([dep]) => versions.has(dep));
    const wrong = internal.filter(([dep, range]) => range !== versions.get(dep));
    report.check(
      wrong.length === 0,
      `${name}: internal dependencies at the released versions${internal.length ? ` (${internal.map(([dep, range]) => `${dep} ${range}`).join(', ')})` : ''}`,
      wrong.map(([dep, range]) => `${dep}: ${range}, released ${versions.get(dep)}`).join('\n'),
    );
    const changelog = join(unpacked, 'package', 'CHANGELOG.md');
    const text = existsSync(changelog) ? readFileSync(changelog, 'utf8') : '';
    report.check(text.includes(`## ${manifest.version}`), `${name}: CHANGELOG.md in the tarball, with a ${manifest.version} section`);
  }
  const untouched = publishedPackages().every(({ manifest }) => before.get(manifest.name) === manifest.version);
  report.check(untouched && existsSync(join(root, '.changeset')), 'the repository itself is unchanged');
  return report.failures;
}
