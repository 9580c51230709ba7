import { defineConfig } from 'tsup';
import { common, mainEntry } from '../../tsup.shared.ts';

export default defineConfig([
  mainEntry,
  {
    ...common,
    // ESM only: the conformance kit needs vitest, which cannot be require()d.
    entry: { 'testing/index': 'src/testing/index.ts' },
    format: ['esm'],
    dts: true,
    external: ['vitest', '@itsm/core'],
  },
]);
