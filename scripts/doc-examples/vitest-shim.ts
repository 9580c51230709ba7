// `vitest` as a documentation block sees it when the doc-example runner runs it outside vitest:
// `it`/`test`, `describe` and the hooks collect the block's tests, which the runner then runs in order
// (beforeAll, then beforeEach / test / afterEach for each test, then afterAll); `expect` is vitest's own.
export { expect } from 'vitest';

type Hook = () => unknown;

interface Collected {
  beforeAll: Hook[];
  afterAll: Hook[];
  beforeEach: Hook[];
  afterEach: Hook[];
  tests: { name: string; fn: Hook }[];
}

let collected: Collected = empty();
const prefixes: string[] = [];

function empty(): Collected {
  return { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], tests: [] };
}

function unsupported(name: string): never {
  throw new Error(`${name} is not supported in documentation examples: write plain it() tests`);
}

/** Registers a test: `it(name, fn)` or `it(name, options, fn)` (the options are ignored). */
export function it(name: string, optionsOrFn: object | Hook, maybeFn?: Hook): void {
  const fn = typeof optionsOrFn === 'function' ? (optionsOrFn as Hook) : maybeFn;
  if (fn === undefined) throw new Error(`it("${name}") has no test function`);
  collected.tests.push({ name: [...prefixes, name].join(' > '), fn });
}
it.skip = (): never => unsupported('it.skip');
it.only = (): never => unsupported('it.only');
it.todo = (): never => unsupported('it.todo');
it.each = (): never => unsupported('it.each');

/** The same as {@link it}. */
export const test = it;

/** Groups tests under a name; the body runs at once. */
export function describe(name: string, optionsOrFn: object | (() => void), maybeFn?: () => void): void {
  const fn = typeof optionsOrFn === 'function' ? (optionsOrFn as () => void) : maybeFn;
  prefixes.push(name);
  try {
    fn?.();
  } finally {
    prefixes.pop();
  }
}

/** Runs once before the block's tests. */
export function beforeAll(fn: Hook): void {
  collected.beforeAll.push(fn);
}
/** Runs once after the block's tests, even when one failed. */
export function afterAll(fn: Hook): void {
  collected.afterAll.push(fn);
}
/** Runs before each test. */
export function beforeEach(fn: Hook): void {
  collected.beforeEach.push(fn);
}
/** Runs after each test, even when it failed. */
export function afterEach(fn: Hook): void {
  collected.afterEach.push(fn);
}

/** Forgets what an earlier block registered (one that failed before its tests could run). */
export function discardCollectedTests(): void {
  collected = empty();
  prefixes.length = 0;
}

/**
 * Runs the tests the block registered, and forgets them. Resolves with how many ran; rejects with
 * the first failure, naming the test.
 */
export async function runCollectedTests(): Promise<number> {
  const suite = collected;
  collected = empty();
  let failure: unknown;
  const attempt = async (what: string, fn: Hook) => {
    try {
      await fn();
    } catch (error) {
      failure ??= new Error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  for (const hook of suite.beforeAll) await attempt('beforeAll', hook);
  if (failure === undefined) {
    for (const test of suite.tests) {
      for (const hook of suite.beforeEach) await attempt(`beforeEach of "${test.name}"`, hook);
      if (failure === undefined) await attempt(`test "${test.name}"`, test.fn);
      for (const hook of suite.afterEach) await attempt(`afterEach of "${test.name}"`, hook);
    }
  }
  for (const hook of suite.afterAll) await attempt('afterAll', hook);
  if (failure !== undefined) throw failure;
  return suite.tests.length;
}
