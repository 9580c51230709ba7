// What the package checks share: the publishable packages of the workspace, packing them as
// publishing would, and running a command with its output kept for the report.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root. */
export const root = resolve(import.meta.dirname, '..', '..');

/** The fields of a package.json the checks read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, string | Record<string, unknown>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  files?: string[];
  bin?: string | Record<string, string>;
}

/** A package of the workspace that is published. */
export interface WorkspacePackage {
  /** Its folder. */
  dir: string;
  /** Its package.json. */
  manifest: Manifest;
}

/** A published package, packed. */
export interface PackedPackage extends WorkspacePackage {
  /** The `.tgz` that `pnpm pack` made. */
  tarball: string;
}

/** Reads a JSON file. */
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * Every package under `packages/` that is not private, sorted by folder name.
 *
 * @param base - The repository (or a copy of it).
 */
export function publishedPackages(base = root): WorkspacePackage[] {
  const packagesDir = join(base, 'packages');
  return readdirSync(packagesDir)
    .sort()
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readJson<Manifest>(join(dir, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private);
}

/**
 * Packs each package with `pnpm pack`, which rewrites `workspace:` and `catalog:` specifiers to
 * versions as `pnpm publish` does, into `destination`.
 *
 * @param packages - The packages (built).
 * @param destination - The folder for the tarballs.
 */
export function packPackages(packages: WorkspacePackage[], destination: string): PackedPackage[] {
  mkdirSync(destination, { recursive: true });
  return packages.map((pkg) => {
    const before = new Set(readdirSync(destination));
    execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: pkg.dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const made = readdirSync(destination).find((file) => file.endsWith('.tgz') && !before.has(file));
    if (!made) throw new Error(`pnpm pack made no tarball for ${pkg.manifest.name}`);
    return { ...pkg, tarball: join(destination, made) };
  });
}

/** One entry point of a package, as a program imports it. */
export interface EntryPoint {
  /** The import specifier: `@itsm/core`, `@itsm/core/testing`. */
  specifier: string;
  /** The key in `exports`: `.`, `./testing`. */
  subpath: string;
  /** Whether it has no `require` condition: ESM-only on purpose (e.g. `@itsm/core/conformance`). */
  esmOnly: boolean;
}

/**
 * Every entry point a package's `exports` declares (not `./package.json`).
 *
 * @param manifest - The package's package.json.
 */
export function entryPoints(manifest: Manifest): EntryPoint[] {
  return Object.entries(manifest.exports ?? {})
    .filter(([subpath]) => !subpath.endsWith('package.json'))
    .map(([subpath, target]) => ({
      subpath,
      specifier: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`,
      esmOnly: typeof target === 'object' && !('require' in target),
    }));
}

/** What {@link runCommand} saw. */
export interface CommandResult {
  ok: boolean;
  /** stdout and stderr, interleaved. */
  output: string;
}

/** Options of {@link runCommand}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kills the command after this many milliseconds. Default 120 000. */
  timeoutMs?: number;
}

/**
 * Runs a command to its end without a shell, keeping its output. Never throws for a failing
 * command: `ok` says whether it exited with 0.
 *
 * @param command - The program.
 * @param args - Its arguments.
 * @param options - Where and how.
 */
export function runCommand(command: string, args: string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      output += `\n(killed after ${options.timeoutMs ?? 120_000} ms)`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ ok: false, output: `${output}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ ok: code === 0, output });
    });
  });
}

/** Counts and prints the results of one stage of checks. */
export class Report {
  failures = 0;

  /**
   * Records one check.
   *
   * @param ok - Whether it passed.
   * @param label - What was checked.
   * @param detail - Printed (indented) when it failed.
   */
  check(ok: boolean, label: string, detail = ''): void {
    console.log(`${ok ? '✓' : '✗'} ${label}`);
    if (!ok) {
      this.failures++;
      if (detail.trim()) console.log(detail.trim().replace(/^/gm, '    '));
    }
  }
}
