/**
 * One Autotask sandbox per test file, reset before each test (fresh seeded data, no faults).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox.js';
import { autotask } from './http.js';

/** The end of the seeded history these tests assume (the tests' own dates come after it). */
export const SEEDED_UNTIL = '2026-01-01T00:00:00.000Z';

/** Starts an Autotask-only sandbox for the file; the getters read it once it runs. */
export function useAutotaskSandbox(options: { readonly tickets?: number } = {}) {
  let sb: Sandbox | undefined;
  beforeAll(async () => {
    // The tests move the simulator's clock to dates in 2026: the seeded history must end before them.
    sb = await startSandbox({ providers: ['autotask'], seededUntil: SEEDED_UNTIL, ...options });
  });
  beforeEach(async () => {
    await sb?.reset();
  });
  afterAll(async () => {
    await sb?.close();
  });
  const current = (): Sandbox => {
    if (sb === undefined) throw new Error('the sandbox is not running');
    return sb;
  };
  return {
    get sb() {
      return current();
    },
    get call() {
      return autotask(current());
    },
    get state() {
      return current().state('autotask');
    },
  };
}
