import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  resolve: {
    alias: [
      { find: /^@itsm\/core\/testing$/, replacement: source('../packages/core/src/testing/index.ts') },
      { find: /^@itsm\/core$/, replacement: source('../packages/core/src/index.ts') },
    ],
  },
  test: {
    name: 'examples',
    include: ['test/**/*.test.ts'],
  },
});
