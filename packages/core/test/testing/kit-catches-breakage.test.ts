// The conformance kit must be able to fail: run it in a child vitest against a connector with known
// faults and check that exactly the tests covering those faults fail.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, '..', 'fixtures', 'broken-connector');
const vitestCli = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

interface JsonReport {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

it('fails exactly the tests that cover a broken connector\'s faults', { timeout: 300_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'itsm-kit-'));
  const reportFile = join(out, 'report.json');
  try {
    await new Promise<void>((resolve) => {
      execFile(
        process.execPath,
        [vitestCli, 'run', '--config', join(fixture, 'vitest.config.ts'), '--reporter=json', `--outputFile=${reportFile}`],
        { cwd: fixture, env: { ...process.env, CI: 'true' } },
        () => resolve(), // the child exits non-zero by design
      );
    });
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport;
    const results = report.testResults.flatMap((file) => file.assertionResults);
    const failed = results.filter((test) => test.status === 'failed').map((test) => test.fullName).sort();
    const bad = 'broken connector bad input is refused before any request';
    expect(failed).toEqual([
      `${bad} create(input, { idempotencyKey: '' }) is refused`,
      `${bad} create(input, { idempotencyKey: 'has space' }) is refused`,
      `${bad} create(input, { idempotencyKey: 256 characters }) is refused`,
      `${bad} create(input, { idempotencyKey: 42 }) is refused`,
      `${bad} tickets.create(input, options) refuses the unknown key idempotencyKy`,
      `${bad} tickets.get(idOrKey) refuses an empty string, a blank string, CR/LF, a line feed, NUL, a control character, a 1 MB string, a number, null, undefined, an object, an array`,
      'broken connector catalog forms refuses bad answers before any request, naming every one of them at once',
      'broken connector changes() hands out changes in batches of at most `limit`, without loss or duplicates',
      'broken connector changes() returns every new ticket version once and never again',
      'broken connector idempotency and lost answers a create whose answer is lost gives the ticket or an outcome-unknown error, never a duplicate',
      'broken connector idempotency and lost answers never makes a second ticket for the same idempotency key',
      'broken connector users finds the user behind an email, case-insensitively, and reads them by id',
    ]);
    expect(results.filter((test) => test.status === 'passed').length).toBeGreaterThan(15);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
