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
    },
  });
}
