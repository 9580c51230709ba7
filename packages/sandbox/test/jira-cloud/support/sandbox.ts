/**
 * One Jira sandbox per test file, reset before each test (fresh seeded data, no faults).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox.js';
import { jira } from './http.js';

/** Starts a Jira-only sandbox for the file; the getters read it once it runs. */
export function useJiraSandbox(options: { readonly tickets?: number } = {}) {
  let sb: Sandbox | undefined;
  beforeAll(async () => {
    sb = await startSandbox({ providers: ['jira-cloud'], ...options });
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
      return jira(current());
    },
    get state() {
      return current().state('jira-cloud');
    },
    /** The limited account's credentials. */
    get limited() {
      const { email, apiToken } = current().state('jira-cloud').facts.limitedAccount;
      return { email, apiToken };
    },
  };
}
