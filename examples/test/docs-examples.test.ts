// Every ```ts block of README.md, packages/*/README.md, packages/*/src/README.md and docs/*.md
// type-checks against the real packages (their built declarations: run `pnpm run build` first), and
// every block that is not marked compile-only or skipped runs, on Node, against the sandbox. See
// scripts/check-doc-examples.ts for the directives (`ts-check-preamble`, `ts-run: on-sandbox`,
// `ts-check: compile-only (reason)`, `ts-check: skip (reason)`) and scripts/doc-examples/ for the runner.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocExamples, docFiles, formatProblems, type CheckResult, type CodeBlock, type DocProblem, type MarkdownDoc } from '../../scripts/check-doc-examples.ts';
import { isRunnable, runDocExamples, type RunResult } from '../../scripts/doc-examples/run.ts';

// A document with known mistakes, checked in the same program as the real ones: proof that the check
// can fail, and that it reports the right lines.
const selfTest = {
  path: 'self-test.md',
  text: [
    '# Self-test', //                                                      1
    '', //                                                                 2
    '```ts', //                                                            3
    "import { createMemoryConnector } from '@itsm/core/testing';", //     4
    'const connector = createMemoryConnector();', //                       5
    "await connector.tickets.transition('T-1', 'done');", //              6: not a status category
    '```', //                                                              7
    '', //                                                                 8
    '<!-- ts-check-preamble: declare const n: Strin; -->', //              9: error in the preamble, and no fixture "n"
    '```typescript', //                                                   10
    'const x: number = n;', //                                            11
    '```', //                                                             12
    '', //                                                                13
    '<!-- ts-check: skip (shell-like pseudo code) -->', //                14
    '```ts', //                                                           15
    'this is not TypeScript', //                                          16: skipped, not reported
    '```', //                                                             17
    '', //                                                                18
    '<!-- ts-check: skp -->', //                                          19: unknown directive
    '```ts', //                                                           20
    'const y = 1;', //                                                    21
    '```', //                                                             22
    '', //                                                                23
    '<!-- ts-check: skip -->', //                                         24: a skip needs a reason
    '```ts', //                                                           25
    'const z = 1;', //                                                    26
    '```', //                                                             27
    '', //                                                                28
    '- in a list:', //                                                    29
    '', //                                                                30
    '  ```ts', //                                                         31
    "  const w: string = 1;", //                                          32: indented block
    '  ```', //                                                           33
    '', //                                                                34
    '<!-- ts-check-preamble: declare const v: number; -->', //            35: followed by no ts block
    '```sh', //                                                           36
    'echo $v', //                                                         37
    '```', //                                                             38
    '', //                                                                39
    '```ts', //                                                           40: blocks are separate modules
    'const connector = 1; const w = "no clash";', //                      41
    '```', //                                                             42
    '', //                                                                43
    '<!-- ts-check: compile-only -->', //                                 44: compile-only needs a reason
    '```ts', //                                                           45
    'const u = 1;', //                                                    46
    '```', //                                                             47
    '', //                                                                48
    '<!-- ts-run: everywhere -->', //                                     49: unknown ts-run directive
    '```ts', //                                                           50
    'const t = 1;', //                                                    51
    '```', //                                                             52
    '', //                                                                53
    '<!-- ts-run: on-sandbox -->', //                                     54
    '<!-- ts-check: compile-only (cannot be both) -->', //                55: contradicting directives
    '```ts', //                                                           56
    'const s = 1;', //                                                    57
    '```', //                                                             58
    '', //                                                                59
    "<!-- ts-check-preamble: declare const connector: string; -->", //    60: the fixture is no string
    '```ts', //                                                           61
    'connector.toUpperCase();', //                                        62
    '```', //                                                             63
  ].join('\n'),
};

// A document whose blocks fail when run in every way the runner must catch (and two that pass).
const runSelfTest = {
  path: 'run-self-test.md',
  text: [
    '# Run self-test',
    '',
    '```ts',
    'const values = [1, 2, 3];',
    "if (values.length === 3) throw new Error('thrown on purpose');",
    '```',
    '',
    "<!-- ts-check-preamble: declare const connector: import('@itsm/core').ItsmConnector; -->",
    '```ts',
    "const ticket = await connector.tickets.get('HELP-999999'); // NotFoundError",
    '```',
    '',
    '```ts',
    "await fetch('https://example.com/'); // the real network",
    '```',
    '',
    '<!-- ts-run: on-sandbox -->',
    '```ts',
    "import { createJiraConnector } from '@itsm/jira-cloud';",
    '',
    'const jira = createJiraConnector({',
    "  baseUrl: 'https://your-site.atlassian.net', email: 'bot@example.com', apiToken: process.env.NO_SUCH_TOKEN!,",
    "  projectKey: 'HELP', serviceDeskId: '1', requestTypeId: '1',",
    '});',
    "const ticket = await jira.tickets.create({ subject: 'Self-test', requester: 'ann.lee@example.com' });",
    "console.log('raised', ticket.key, ticket.url);",
    '```',
    '',
    '<!-- ts-run: on-sandbox -->',
    '```ts',
    "import { createAutotaskConnector } from '@itsm/autotask';",
    '',
    'const autotask = createAutotaskConnector({',
    "  username: process.env.NO_SUCH_USER!, secret: process.env.NO_SUCH_SECRET!, trackingId: process.env.NO_SUCH_ID!,",
    "  baseUrl: 'https://webservices5.autotask.net/ATServicesRest', queueId: 29682833,",
    '});',
    "const ticket = await autotask.tickets.create({ subject: 'Self-test', requester: 'ann.lee@acme.example' });",
    "console.log('raised', ticket.key, ticket.requester?.email);",
    '```',
    '',
    '```ts',
    "import { expect, it } from 'vitest';",
    "it('passes', () => expect(1).toBe(1));",
    "it('fails', () => expect(1).toBe(2));",
    '```',
    '',
    '```ts',
    "import { beforeAll, expect, it } from 'vitest';",
    'let ready = false;',
    'beforeAll(() => { ready = true; });',
    "it('sees beforeAll', () => expect(ready).toBe(true));",
    "it('runs a second test', async () => expect(await Promise.resolve(2)).toBe(2));",
    '```',
    '',
    '<!-- ts-check: compile-only (throws if run) -->',
    '```ts',
    "throw new Error('a compile-only block ran');",
    '```',
    '',
    '```ts',
    'process.exitCode = 3;',
    '```',
    '',
    '<!-- ts-check-preamble: declare const nothing: string; -->',
    '```ts',
    'console.log(nothing);',
    '```',
  ].join('\n'),
};

/** The 1-based line of the first line of `doc` that contains `text`. */
function lineOf(doc: MarkdownDoc, text: string): number {
  const index = doc.text.split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no line of ${doc.path} contains ${text}`);
  return index + 1;
}

let checked: CheckResult;
let run: RunResult;
let hanging: RunResult;
const ofFile = (problems: readonly DocProblem[], file: string) => problems.filter((problem) => problem.file === file);
const real = (blocks: readonly CodeBlock[]) => blocks.filter((block) => block.file !== selfTest.path && block.file !== runSelfTest.path);

beforeAll(async () => {
  checked = checkDocExamples({ extra: [selfTest, runSelfTest] });
  const [all, stuck] = await Promise.all([
    // The type self-test's blocks are there to fail the type check; running them would prove nothing.
    runDocExamples(checked.blocks.filter((block) => block.file !== selfTest.path)),
    // A block that never finishes is stopped (the limit is a guard for a hang, not a speed test).
    runDocExamples([{ file: 'hang.md', fenceLine: 1, firstLine: 2, indent: 0, code: 'await new Promise(() => {});', preamble: { code: '', lines: [] } }], { blockTimeoutMs: 500 }),
  ]);
  run = all;
  hanging = stuck;
}, 600_000);

describe('documentation examples', () => {
  it('checks the READMEs and the guides', () => {
    const files = docFiles();
    expect(files).toContain('README.md');
    expect(files).toContain('packages/core/README.md');
    expect(files).toContain('packages/sandbox/src/README.md');
    expect(files).toContain('docs/jira-cloud.md');
    // Every checked file with ts blocks is among them, and there are blocks to check.
    const blocks = real(checked.blocks);
    expect(new Set(blocks.map((block) => block.file)).size).toBeGreaterThanOrEqual(8);
    expect(blocks.filter((block) => block.skip === undefined).length).toBeGreaterThanOrEqual(20);
  });

  it('every ```ts block type-checks', () => {
    const problems = checked.problems.filter((problem) => problem.file !== selfTest.path && problem.file !== runSelfTest.path);
    // One message listing every problem as file:line:col - error TSxxxx: message.
    expect(formatProblems(problems), `run \`node scripts/check-doc-examples.ts\` for the same list`).toBe('');
  });

  it('every block runs against the sandbox, unless it says why it cannot', () => {
    const problems = run.problems.filter((problem) => problem.file !== runSelfTest.path);
    expect(formatProblems(problems), `run \`node scripts/check-doc-examples.ts\` for the same list`).toBe('');
    // Each block is run, compile-only with a reason, or skipped with a reason: none is left out.
    const blocks = real(checked.blocks);
    const ran = new Set(run.outcomes.map((outcome) => `${outcome.file}:${outcome.fenceLine}`));
    for (const block of blocks) {
      const where = `${block.file}:${block.fenceLine}`;
      if (isRunnable(block)) expect(ran.has(where), where).toBe(true);
      else expect(block.compileOnly ?? block.skip, where).toMatch(/\S/);
    }
    expect(blocks.filter(isRunnable).length).toBeGreaterThanOrEqual(20);
  });

  it("runs the README's first example, against the sandbox in place of the site it names", () => {
    const first = checked.blocks.find((block) => block.file === 'README.md');
    expect(first).toMatchObject({ onSandbox: true });
    expect(first?.code).toContain('https://your-site.atlassian.net');
    const outcome = run.outcomes.find((candidate) => candidate.file === 'README.md' && candidate.fenceLine === first?.fenceLine);
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome?.output.join('\n')).toMatch(/^HELP-\d+ resolved http:\/\/127\.0\.0\.1:\d+\/browse\/HELP-\d+$/m);
  });

  it("runs the Autotask README's first example, against the sandbox in place of the tenant it names", () => {
    const first = checked.blocks.find((block) => block.file === 'packages/autotask/README.md');
    expect(first).toMatchObject({ onSandbox: true });
    expect(first?.code).toContain('process.env.AUTOTASK_USERNAME');
    const outcome = run.outcomes.find((candidate) => candidate.file === first?.file && candidate.fenceLine === first?.fenceLine);
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome?.output.join('\n')).toContain("provider: 'autotask',\n  ok: true");
  });

  it('runs the tests of the blocks that are vitest files', () => {
    for (const file of ['docs/testing.md', 'packages/sandbox/README.md']) {
      const first = run.outcomes.find((outcome) => outcome.file === file);
      expect(first, file).toMatchObject({ ok: true, tests: 1 });
    }
  });

  describe('self-test: a wrong example is reported', () => {
    it('with file, line and the diagnostic', () => {
      const problems = ofFile(checked.problems, selfTest.path);
      const at = (line: number) => problems.filter((problem) => problem.line === line);

      expect(at(6)).toEqual([expect.objectContaining({ code: 'TS2345', column: 43, message: expect.stringContaining('"done"') })]);
      expect(at(9)).toEqual([
        expect.objectContaining({ column: 39, message: expect.stringMatching(/^\(the fixture "n" the block runs with\) Property 'n' does not exist on type 'DocFixtures'/) }),
        expect.objectContaining({ column: 42, message: expect.stringMatching(/^\(in the preamble\) Cannot find name 'Strin'/) }),
      ]);
      expect(at(11)).toEqual([]); // n is an error type: no follow-up error
      expect(at(16)).toEqual([]); // skipped
      expect(at(19)).toEqual([expect.objectContaining({ code: 'doc-examples', message: expect.stringContaining('unknown ts-check directive "skp"') })]);
      expect(at(24)).toEqual([expect.objectContaining({ code: 'doc-examples', message: expect.stringContaining('skip needs a reason') })]);
      expect(at(32)).toEqual([expect.objectContaining({ code: 'TS2322', column: 9 })]);
      expect(at(35)).toEqual([expect.objectContaining({ code: 'doc-examples', message: expect.stringContaining('not followed by a ```ts block') })]);
      expect(at(41)).toEqual([]);
      expect(at(44)).toEqual([expect.objectContaining({ code: 'doc-examples', message: expect.stringContaining('compile-only needs a reason') })]);
      expect(at(49)).toEqual([expect.objectContaining({ code: 'doc-examples', message: expect.stringContaining('unknown ts-run directive "everywhere"') })]);
      expect(at(55)).toEqual([expect.objectContaining({ code: 'doc-examples', message: 'contradicting directives for one block: on-sandbox and compile-only' })]);
      expect(at(60)).toEqual([
        expect.objectContaining({ code: 'TS2322', message: expect.stringMatching(/^\(the fixture "connector" the block runs with\) Type 'ItsmConnector' is not assignable to type 'string'/) }),
      ]);
      expect(problems).toHaveLength(11);
      expect(formatProblems(problems)).toContain("self-test.md:6:43 - error TS2345: Argument of type '\"done\"'");
    });

    it('skips only what is marked, and keeps the reason', () => {
      const blocks = checked.blocks.filter((block) => block.file === selfTest.path);
      expect(blocks.map((block) => [block.fenceLine, block.skip, block.compileOnly, block.onSandbox])).toEqual([
        [3, undefined, undefined, undefined],
        [10, undefined, undefined, undefined],
        [15, 'shell-like pseudo code', undefined, undefined],
        [20, undefined, undefined, undefined],
        [25, undefined, undefined, undefined],
        [31, undefined, undefined, undefined],
        [40, undefined, undefined, undefined],
        [45, undefined, undefined, undefined],
        [50, undefined, undefined, undefined],
        [56, undefined, 'cannot be both', true],
        [61, undefined, undefined, undefined],
      ]);
    });
  });

  describe('self-test: a block that fails when run is reported', () => {
    const problemsAt = (text: string) => ofFile(run.problems, runSelfTest.path).filter((problem) => problem.line === lineOf(runSelfTest, text));

    it('at the line that threw, with the error', () => {
      expect(problemsAt("throw new Error('thrown on purpose')")).toEqual([
        expect.objectContaining({ code: 'RUN', column: 32, message: 'Error: thrown on purpose' }), // the column of `new Error`
      ]);
      expect(problemsAt("connector.tickets.get('HELP-999999')")).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^NotFoundError: .*HELP-999999/) }),
      ]);
    });

    it('when it reaches beyond the sandbox without ts-run: on-sandbox', () => {
      expect(problemsAt("await fetch('https://example.com/')")).toEqual([
        expect.objectContaining({ message: expect.stringContaining('documentation examples may not reach https://example.com: mark a block that talks to a real site <!-- ts-run: on-sandbox -->') }),
      ]);
    });

    it('when a vitest test of it fails, naming the test', () => {
      const fence = lineOf(runSelfTest, "it('passes'") - 2;
      expect(ofFile(run.problems, runSelfTest.path).filter((problem) => problem.message.includes('"fails"'))).toEqual([
        expect.objectContaining({ line: fence, message: expect.stringContaining('test "fails" failed: expected 1 to be 2') }),
      ]);
    });

    it('when it sets a failing exit code, or assumes a name that has no fixture', () => {
      expect(ofFile(run.problems, runSelfTest.path).filter((problem) => problem.line === lineOf(runSelfTest, 'process.exitCode = 3') - 1)).toEqual([
        expect.objectContaining({ message: 'Error: the example set process.exitCode to 3' }),
      ]);
      const fence = lineOf(runSelfTest, 'console.log(nothing)') - 1;
      expect(ofFile(run.problems, runSelfTest.path).filter((problem) => problem.line === fence)).toEqual([
        expect.objectContaining({ message: expect.stringContaining('the preamble declares "nothing", which has no fixture') }),
      ]);
      expect(ofFile(checked.problems, runSelfTest.path)).toEqual([
        expect.objectContaining({ line: fence - 1, message: expect.stringContaining(`(the fixture "nothing" the block runs with) Property 'nothing' does not exist`) }),
      ]);
    });

    it('when it never finishes', () => {
      expect(formatProblems(hanging.problems)).toBe('hang.md:1:1 - error RUN: Error: the example did not finish within 0.5 s');
    });

    it('and nothing else: the passing blocks pass, and compile-only ones are not run', () => {
      const outcomes = run.outcomes.filter((outcome) => outcome.file === runSelfTest.path);
      const onSandbox = outcomes.find((outcome) => outcome.fenceLine === lineOf(runSelfTest, "import { createJiraConnector }") - 1);
      expect(onSandbox).toMatchObject({ ok: true });
      expect(onSandbox?.output).toEqual([expect.stringMatching(/^raised HELP-\d+ http:\/\/127\.0\.0\.1:\d+\/browse\/HELP-\d+$/)]);
      const onAutotask = outcomes.find((outcome) => outcome.fenceLine === lineOf(runSelfTest, "import { createAutotaskConnector }") - 1);
      expect(onAutotask).toMatchObject({ ok: true, output: [expect.stringMatching(/^raised T\d{8}\.\d+ ann\.lee@acme\.example$/)] });
      const vitestFile = outcomes.find((outcome) => outcome.fenceLine === lineOf(runSelfTest, 'let ready = false') - 2);
      expect(vitestFile).toMatchObject({ ok: true, tests: 2 });
      expect(outcomes.some((outcome) => outcome.fenceLine === lineOf(runSelfTest, 'a compile-only block ran') - 1)).toBe(false);
      expect(outcomes.filter((outcome) => !outcome.ok)).toHaveLength(6);
      expect(ofFile(run.problems, runSelfTest.path)).toHaveLength(6);
    });
  });
});
