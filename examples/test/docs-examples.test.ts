// Every ```ts block of README.md, packages/*/README.md, packages/*/src/README.md and docs/*.md
// type-checks against the real packages (their built declarations: run `pnpm run build` first). See
// scripts/check-doc-examples.ts for the directives (`ts-check-preamble`, `ts-check: skip (reason)`).
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocExamples, docFiles, formatProblems, type CheckResult, type DocProblem } from '../../scripts/check-doc-examples.ts';

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
    '<!-- ts-check-preamble: declare const n: Strin; -->', //              9: error in the preamble
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
  ].join('\n'),
};

let result: CheckResult;
const ofFile = (problems: DocProblem[], file: string) => problems.filter((problem) => problem.file === file);

beforeAll(() => {
  result = checkDocExamples({ extra: [selfTest] });
}, 120_000);

describe('documentation examples', () => {
  it('checks the READMEs and the guides', () => {
    const files = docFiles();
    expect(files).toContain('README.md');
    expect(files).toContain('packages/core/README.md');
    expect(files).toContain('packages/sandbox/src/README.md');
    expect(files).toContain('docs/jira-cloud.md');
    // Every checked file with ts blocks is among them, and there are blocks to check.
    const real = result.blocks.filter((block) => block.file !== selfTest.path);
    expect(new Set(real.map((block) => block.file)).size).toBeGreaterThanOrEqual(8);
    expect(real.filter((block) => block.skip === undefined).length).toBeGreaterThanOrEqual(20);
  });

  it('every ```ts block type-checks', () => {
    const problems = result.problems.filter((problem) => problem.file !== selfTest.path);
    // One message listing every problem as file:line:col - error TSxxxx: message.
    expect(formatProblems(problems), `run \`node scripts/check-doc-examples.ts\` for the same list`).toBe('');
  });

  describe('self-test: a wrong example is reported', () => {
    it('with file, line and the diagnostic', () => {
      const problems = ofFile(result.problems, selfTest.path);
      const at = (line: number) => problems.filter((problem) => problem.line === line);

      expect(at(6)).toEqual([expect.objectContaining({ code: 'TS2345', column: 43, message: expect.stringContaining('"done"') })]);
      expect(at(9)).toEqual([expect.objectContaining({ column: 42, message: expect.stringMatching(/^\(in the preamble\) Cannot find name 'Strin'/) })]);
      expect(at(11)).toEqual([]); // n is an error type: no follow-up error
      expect(at(16)).toEqual([]); // skipped
      expect(at(19)).toEqual([expect.objectContaining({ code: 'doc-examples', message: expect.stringContaining('unknown ts-check directive "skp"') })]);
      expect(at(24)).toEqual([expect.objectContaining({ code: 'doc-examples', message: expect.stringContaining('skip needs a reason') })]);
      expect(at(32)).toEqual([expect.objectContaining({ code: 'TS2322', column: 9 })]);
      expect(at(35)).toEqual([expect.objectContaining({ code: 'doc-examples', message: expect.stringContaining('not followed by a ```ts block') })]);
      expect(at(41)).toEqual([]);
      expect(problems).toHaveLength(6);
      expect(formatProblems(problems)).toContain("self-test.md:6:43 - error TS2345: Argument of type '\"done\"'");
    });

    it('skips only what is marked, and keeps the reason', () => {
      const blocks = result.blocks.filter((block) => block.file === selfTest.path);
      expect(blocks.map((block) => [block.fenceLine, block.skip])).toEqual([
        [3, undefined],
        [10, undefined],
        [15, 'shell-like pseudo code'],
        [20, undefined],
        [25, undefined],
        [31, undefined],
        [40, undefined],
      ]);
    });
  });
});
