import { spawn } from 'node:child_process';
import { registerHooks } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_USAGE, formatRequest, runCliWith, type CliOptions } from '../src/cli-run.js';
import type { Sandbox } from '../src/sandbox.js';
import type { AnySimulator } from '../src/simulator.js';
import { notesSimulator } from './support/notes-simulator.js';

/** Collects what the command writes. */
function output() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), get text() { return text; } };
}

/** Runs the command with the toy simulator as the only built-in one. */
async function run(argv: string[], options: CliOptions = {}) {
  const stdout = output();
  const stderr = output();
  const code = await runCliWith({ notes: notesSimulator }, argv, { stdout, stderr, ...options });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('itsm-sandbox (in process)', () => {
  it('prints usage for --help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result).toEqual({ code: 0, stdout: CLI_USAGE, stderr: '' });
    expect(CLI_USAGE).toContain('--providers');
    expect((await run(['-h'])).code).toBe(0);
  });

  it('rejects an unknown flag, a positional argument or a bad number with usage and exit code 2', async () => {
    for (const argv of [['--bogus'], ['serve'], ['--port', 'abc'], ['--port', '70000'], ['--tickets', '0'], ['--providers', ','], ['--seeded-until', 'yesterday'], ['--seeded-until', '2026-13-01']]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(/^itsm-sandbox: .+\n\nUsage: itsm-sandbox/);
      expect(result.stdout).toBe('');
    }
    expect((await run(['--bogus'])).stderr).toContain("Unknown option '--bogus'");
    expect((await run(['--seeded-until', 'yesterday'])).stderr).toContain('--seeded-until must be an ISO 8601 date or date-time with an offset, e.g. 2026-01-01T00:00:00Z (got "yesterday")');
  });

  it('exits non-zero with a clear message when no simulator is available', async () => {
    const stderr = output();
    const code = await runCliWith({}, [], { stdout: output(), stderr });
    expect(code).toBe(1);
    expect(stderr.text).toBe('itsm-sandbox: No simulators are available: @itsm/sandbox has no built-in simulator yet and none was passed in the "simulators" option.\n');
  });

  it('exits non-zero naming a provider that has no simulator', async () => {
    const result = await run(['--providers', 'notes,jira-cloud']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No simulator for provider "jira-cloud" (available: notes)');
  });

  it('exits 1 naming the port when --port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = await run(['--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`itsm-sandbox: Cannot start the "notes" simulator on 127.0.0.1:${port}: the port is in use.\n`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('stops the sandbox and exits 1 when printing the banner fails', async () => {
    const broken = {
      ...notesSimulator,
      connectorOptions: () => {
        throw new Error('no options today');
      },
    };
    let url = '';
    const stderr = output();
    const code = await runCliWith({ notes: broken }, [], { stdout: output(), stderr, onStarted: (sb) => (url = sb.url('notes')) });
    expect(code).toBe(1);
    expect(stderr.text).toBe('itsm-sandbox: no options today\n');
    expect(url).not.toBe('');
    await expect(fetch(`${url}/notes`)).rejects.toThrow();
  });

  it('prints URL, credentials, connector options and sample data, logs each request, and stops on abort', async () => {
    const controller = new AbortController();
    let sandbox: Sandbox<AnySimulator> | undefined;
    const stdout = output();
    const running = runCliWith({ notes: notesSimulator }, ['--seed', 'cli', '--tickets', '3', '--seeded-until', '2026-01-01T00:00:00Z'], {
      stdout,
      stderr: output(),
      signal: controller.signal,
      onStarted: (started) => (sandbox = started),
    });
    while (sandbox === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    const token = sandbox.credentials.notes?.token ?? '';
    expect(stdout.text).toContain(`notes  ${sandbox.url('notes')}\n`);
    expect(stdout.text).toContain(`credentials:       {"token":"${token}"}`);
    expect(stdout.text).toContain(`connector options: ${JSON.stringify(sandbox.connectorOptions('notes'))}`);
    expect(stdout.text).toContain(`sample data:       ${JSON.stringify(sandbox.sample('notes'))}`);
    expect(sandbox.sample('notes').requesterEmail).toContain('@');
    expect(stdout.text).toContain('seed "cli", seeded until 2026-01-01T00:00:00.000Z');
    expect(sandbox.state('notes')).toMatchObject({ notes: expect.any(Map) });
    await (await fetch(`${sandbox.url('notes')}/notes/2?x=1`, { headers: { 'x-notes-token': token } })).arrayBuffer();
    expect(stdout.text).toMatch(/Z notes GET \/notes\/2\?x=1 -> 200 \(\d+ ms\)\n/);
    controller.abort();
    expect(await running).toBe(0);
    expect(stdout.text).toContain('itsm-sandbox: stopping\n');
    await expect(fetch(`${sandbox.url('notes')}/notes`)).rejects.toThrow();
  });

  it('prints no sample line for a simulator without sample data', async () => {
    const { sample: _, ...plain } = notesSimulator;
    const controller = new AbortController();
    const stdout = output();
    const running = runCliWith({ notes: plain }, ['--quiet'], { stdout, signal: controller.signal, onStarted: () => controller.abort() });
    expect(await running).toBe(0);
    expect(stdout.text).toContain('connector options:');
    expect(stdout.text).not.toContain('sample data');
  });

  it('does not log requests with --quiet', async () => {
    const controller = new AbortController();
    let url = '';
    const stdout = output();
    const running = runCliWith({ notes: notesSimulator }, ['--quiet'], { stdout, signal: controller.signal, onStarted: (sb) => (url = sb.url('notes')) });
    while (url === '') await new Promise((resolve) => setTimeout(resolve, 5));
    await (await fetch(`${url}/notes`)).arrayBuffer();
    controller.abort();
    expect(await running).toBe(0);
    expect(stdout.text).not.toContain('GET /notes');
  });

  it('formats reset, fault and error entries', () => {
    const base = { provider: 'notes', method: 'GET', path: '/a', query: { q: ['1', '2'] }, at: '2026-01-01T00:00:00.000Z', durationMs: 12.4 };
    expect(formatRequest({ ...base, status: 0, fault: true })).toBe('2026-01-01T00:00:00.000Z notes GET /a?q=1&q=2 -> reset (12 ms) [fault]');
    expect(formatRequest({ ...base, query: {}, status: 500, fault: false, error: 'boom' })).toBe('2026-01-01T00:00:00.000Z notes GET /a -> 500 (12 ms) [boom]');
  });
});

const nodeRunsTypeScript = typeof registerHooks === 'function' && Boolean(process.features.typescript);

describe.skipIf(!nodeRunsTypeScript)('itsm-sandbox (as a process)', () => {
  const hooks = fileURLToPath(new URL('./fixtures/register-ts.mjs', import.meta.url));
  const entry = fileURLToPath(new URL('./fixtures/cli-with-notes.ts', import.meta.url));

  /** Starts the CLI with the toy simulator and resolves once it says Ready, with its URL and output so far. */
  async function startCliProcess() {
    const child = spawn(process.execPath, ['--import', hooks, entry, '--providers', 'notes'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { stdout: '', stderr: '' };
    child.stderr.on('data', (chunk) => (output.stderr += String(chunk)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output.stdout += String(chunk);
        const match = /^notes {2}(http:\/\/127\.0\.0\.1:\d+)$/m.exec(output.stdout);
        if (match?.[1] !== undefined && output.stdout.includes('Ready.')) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output.stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, url, output, exited };
  }

  it('serves until SIGINT, then stops cleanly with exit code 0', async () => {
    const { child, url, output, exited } = await startCliProcess();
    expect((await fetch(`${url}/notes`)).status).toBe(401);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output.stdout).toContain('itsm-sandbox: stopping');
    expect(output.stdout).toMatch(/notes GET \/notes -> 401/);
    await expect(fetch(`${url}/notes`)).rejects.toThrow();
  });

  it('stops cleanly, without a crash, when its output pipe closes (itsm-sandbox | head)', async () => {
    const { child, url, output, exited } = await startCliProcess();
    child.stdout.destroy(); // the reader went away
    // Each request writes a log line to the closed pipe; the first failed write stops the sandbox.
    let stopped = false;
    void exited.then(() => (stopped = true));
    while (!stopped) {
      await fetch(`${url}/notes`).catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await exited).toBe(0);
    expect(output.stderr).not.toMatch(/EPIPE|Unhandled|Error:/);
  });

  it('exits 2 on a bad flag', async () => {
    const child = spawn(process.execPath, ['--import', hooks, entry, '--nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--nope'");
  });
});
