// The vitest project settings every package shares: tests in `test/`, and `@itsm/core` resolved to
// its source so tests never depend on a stale build.
import { fileURLToPath } from 'node:url';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The vitest project of one package (or of `examples/`).
 *
 * @param name - The project name, used by `vitest --project <name>`.
 */
export function packageProject(name: string): UserWorkspaceConfig {
  return defineProject({
    resolve: {
      alias: [
        { find: /^@itsm\/core\/testing$/, replacement: source('./packages/core/src/testing/index.ts') },
        { find: /^@itsm\/core\/conformance$/, replacement: source('./packages/core/src/conformance/index.ts') },
        { find: /^@itsm\/core\/provider$/, replacement: source('./packages/core/src/provider/index.ts') },
        { find: /^@itsm\/core$/, replacement: source('./packages/core/src/index.ts') },
      ],
    },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      // Limits for a test or hook that hangs, not for a slow machine: no test waits on the clock
      // (they use fake timers or wait for the event itself), and a loaded 2-core machine starting
      // sandboxes and child processes must not fail a test for being slow.
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  });
}
