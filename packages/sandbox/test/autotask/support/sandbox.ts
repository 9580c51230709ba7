/**
 * One Autotask sandbox per test file, reset before each test (fresh seeded data, no faults).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox.js';
import { autotask } from './http.js';

/** Starts an Autotask-only sandbox for the file; the getters read it once it runs. */
export function useAutotaskSandbox(options: { readonly tickets?: number } = {}) {
  let sb: Sandbox | undefined;
  beforeAll(async () => {
    sb = await startSandbox({ providers: ['autotask'], ...options });
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
