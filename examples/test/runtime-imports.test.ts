// The runtime-import check of `npm test` (scripts/check-runtime-imports.ts): what it refuses and
// allows (proof that it can fail), and that the packages' runtime source passes it.
import { describe, expect, it } from 'vitest';
import { checkRuntimeImports, runtimeImportViolations, runtimeSourceDirs } from '../../scripts/check-runtime-imports.ts';

const problems = (text: string) => runtimeImportViolations('x.ts', text).map(({ line, specifier }) => `${line} ${specifier}`);

describe('runtimeImportViolations', () => {
  it("refuses zod's classic API as a value, in every form", () => {
    const text = [
      "import { z } from 'zod';", //                 1
      "import * as zod from 'zod';", //              2
      "import z4 from 'zod/v4';", //                 3
      "export { string } from 'zod/v4/classic';", // 4
      "const legacy = require('zod');", //           5
    ].join('\n');
    expect(problems(text)).toEqual(['1 zod', '2 zod', '3 zod/v4', '4 zod/v4/classic', '5 zod']);
  });

  it('takes zod/mini as a namespace only, and types from anywhere', () => {
    const text = [
      "import * as z from 'zod/mini';", //                 1: fine
      "import type * as core from 'zod/v4/core';", //      2: fine
      "import type { ZodType } from 'zod';", //            3: fine
      "import { type ZodError } from 'zod';", //           4: fine, every binding a type
      "import { z } from 'zod/mini';", //                  5: the whole namespace
      "import { string, object } from 'zod/mini';", //     6: named
      "import * as english from 'zod/v4/locales/en.js';", // 7: fine
    ].join('\n');
    expect(problems(text)).toEqual(['5 zod/mini', '6 zod/mini']);
  });

  it('wants ky and marked loaded on demand, and node:http not at all', () => {
    const text = [
      "import ky from 'ky';", //                              1
      "import { Lexer } from 'marked';", //                   2
      "import type { Token } from 'marked';", //              3: fine
      "const loaded = await import('marked');", //            4: fine
      "import { STATUS_CODES } from 'node:http';", //         5
      "import type { IncomingMessage } from 'node:http';", // 6: still loads nothing, but not needed either
    ].join('\n');
    expect(problems(text)).toEqual(['1 ky', '2 marked', '5 node:http', '6 node:http']);
  });

  it('says what to do instead', () => {
    const [violation] = runtimeImportViolations('src/a.ts', "import { z } from 'zod';");
    expect(violation).toMatchObject({ file: 'src/a.ts', line: 1, specifier: 'zod' });
    expect(violation?.problem).toContain("import * as z from 'zod/mini'");
  });
});

describe('the packages', () => {
  it('checks every published package but the sandbox', () => {
    const names = runtimeSourceDirs().map((dir) => dir.split('/').at(-2));
    expect(names).toEqual(expect.arrayContaining(['core', 'jira-cloud', 'autotask', 'ivanti']));
    expect(names).not.toContain('sandbox');
  });

  it('have no runtime import that breaks a rule', () => {
    expect(checkRuntimeImports()).toEqual([]);
  });
});
