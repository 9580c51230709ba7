// The build every published package shares: ESM + CJS with type declarations for both, source maps,
// Node 22 syntax. Packages add extra entries (a bin, an ESM-only subpath) on top of it.
import type { Options } from 'tsup';

/** Settings common to every build of every package. */
export const common = { sourcemap: true, target: 'node22' } satisfies Options;

/** The package's main entry `src/index.ts`, as dual ESM + CJS with `.d.ts` / `.d.cts`. */
export const mainEntry = {
  ...common,
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
} satisfies Options;
