/**
 * One Ivanti sandbox per test file, reset before each test (fresh seeded data, default switches).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox.js';
import { ivanti } from './http.js';

/** Starts an Ivanti-only sandbox for the file; the getters read it once it runs. */
export function useIvantiSandbox(options: { readonly tickets?: number } = {}) {
  let sb: Sandbox | undefined;
  beforeAll(async () => {
    sb = await startSandbox({ providers: ['ivanti'], ...options });
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
      return ivanti(current());
    },
    get state() {
      return current().state('ivanti');
    },
    /** The limited key. */
    get limited() {
      return { key: current().state('ivanti').facts.limitedKey.apiKey };
    },
  };
}
