#!/usr/bin/env node
// Provisions the project's toolchain without global installs, then runs a root script with it.
//
//   node scripts/toolchain.mjs run <script> [args...]
//
// Works on any Node >= 18 with npm. Where the system Node is older than 22.12, Node 24 is installed
// from the npm registry's `node` package into `.toolchain/` (git-ignored); pnpm is always installed
// there too, so nothing global is touched. Dependencies are then installed from the lockfile and the
// requested script runs with `.toolchain/node_modules/.bin` first on PATH, so every `node` it starts
// is the provisioned one.
//
// Written for Node 18: no APIs newer than that.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '24.21.0';
const PNPM_VERSION = '12.21.0';
const MIN_NODE = [22, 12];

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const toolDir = join(root, '.toolchain');
const toolBin = join(toolDir, 'node_modules', '.bin');
const isWindows = process.platform === 'win32';
const exe = (name) => join(toolBin, isWindows ? `${name}.cmd` : name);

function say(message) {
  process.stderr.write(`[toolchain] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, shell: isWindows, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function systemNodeIsNewEnough() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

function installedVersion(pkg) {
  const manifest = join(toolDir, 'node_modules', pkg, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

function ensureTools() {
  const wanted = { pnpm: PNPM_VERSION };
  if (!systemNodeIsNewEnough()) wanted.node = NODE_VERSION;
  const missing = Object.entries(wanted).filter(([pkg, version]) => installedVersion(pkg) !== version);
  if (missing.length === 0) return;
  mkdirSync(toolDir, { recursive: true });
  const manifestPath = join(toolDir, 'package.json');
  if (!existsSync(manifestPath)) {
    writeFileSync(manifestPath, JSON.stringify({ name: 'itsm-toolchain', private: true }, null, 2) + '\n');
  }
  const specs = Object.entries(wanted).map(([pkg, version]) => `${pkg}@${version}`);
  say(`installing ${specs.join(', ')} into .toolchain/ (from the npm registry; once)`);
  const npm = isWindows ? 'npm.cmd' : 'npm';
  const status = run(npm, ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', toolDir, ...specs]);
  if (status !== 0) {
    say('could not install the toolchain; see the npm output above');
    process.exit(status);
  }
}

function toolEnv() {
  const path = [toolBin, process.env.PATH ?? ''].join(delimiter);
  return { ...process.env, PATH: path, npm_config_update_notifier: 'false' };
}

function ensureDependencies(env) {
  const lockfile = join(root, 'pnpm-lock.yaml');
  const marker = join(root, 'node_modules', '.modules.yaml');
  const upToDate = existsSync(marker) && existsSync(lockfile) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs;
  if (upToDate) return;
  say('installing dependencies with pnpm');
  const args = ['install', '--prefer-offline'];
  if (existsSync(lockfile)) args.push('--frozen-lockfile');
  const status = run(exe('pnpm'), args, { env });
  if (status !== 0) process.exit(status);
}

function main() {
  const [verb, script, ...rest] = process.argv.slice(2);
  if (verb !== 'run' || !script) {
    say('usage: node scripts/toolchain.mjs run <script> [args...]');
    process.exit(2);
  }
  ensureTools();
  const env = toolEnv();
  ensureDependencies(env);
  process.exit(run(exe('pnpm'), ['run', '--silent', script, ...rest], { env }));
}

main();
