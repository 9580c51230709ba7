import { defineConfig } from 'tsup';
import { common, mainEntry } from '../../tsup.shared.ts';

export default defineConfig([
  mainEntry,
  {
    // The provider kit: dual like the main entry, importing `@itsm/core` rather than bundling a copy of it.
    ...mainEntry,
    entry: { 'provider/index': 'src/provider/index.ts' },
    clean: false,
    external: ['@itsm/core'],
  },
  {
    ...common,
    // ESM only: the conformance kit needs vitest, which cannot be require()d.
    entry: { 'testing/index': 'src/testing/index.ts' },
    format: ['esm'],
    dts: true,
    external: ['vitest', '@itsm/core'],
  },
]);
