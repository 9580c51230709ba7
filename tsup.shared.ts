// The build every published package shares: ESM + CJS with type declarations for both, Node 22 syntax.
//
// A package names its entry points by kind, and `packageBuild()` turns them into two tsup builds that
// never step on each other: `dist/` is emptied once, when the config is loaded, and neither build
// cleans (two builds that run at once, one of them cleaning, delete each other's files).
//   - the ESM build holds every entry, with code splitting, so a bin or an ESM-only entry shares its
//     code with the main entry instead of shipping a second copy of it;
//   - the CJS build holds the dual entries only.
import { rmSync } from 'node:fs';
import type { Options } from 'tsup';

/** The entry points of one package and how to build them. */
export interface PackageEntries {
  /** Entries published as ESM and CommonJS, with `.d.ts` and `.d.cts` (name → source file). */
  dual: Record<string, string>;
  /** Entries published as ESM only, with `.d.ts` (e.g. one that needs vitest, which is ESM-only). */
  esmOnly?: Record<string, string>;
  /** Executables: ESM, no declarations; the source file starts with its `#!` line. */
  bins?: Record<string, string>;
  /**
   * Modules at which the ESM build splits the package's code into files of their own (name → source
   * file), e.g. the client and the connector. `sideEffects: false` lets a bundler drop a whole file
   * whose exports an application does not use, but not the top-level statements (zod schemas, for
   * one) of a file it keeps: without these cuts, a bundle of the client alone would carry the
   * connector's schemas. Each becomes an internal entry (not in `exports`); the code it shares with
   * the others goes to shared chunks.
   */
  splitAt?: Record<string, string>;
  /** Packages to leave as imports although they are not dependencies (e.g. the package itself). */
  external?: string[];
  /**
   * Whether to ship source maps. Default `true`: a stack trace (under `node --enable-source-maps`)
   * then names the TypeScript file and line, which is what a bug report needs. The maps leave out
   * the sources themselves, which would double their size for a debugger's view only. Off where
   * even that would not earn its size.
   */
  sourcemap?: boolean;
  /** Lines put at the top of every `.d.ts` / `.d.cts` (e.g. a `/// <reference lib="..." />`). */
  declarationsBanner?: string;
}

/** Where every package writes its build. */
const OUT_DIR = 'dist';

/**
 * The tsup config of a package: empties `dist/` once, then returns the ESM and CJS builds.
 *
 * @param entries - The package's entry points by kind.
 */
export function packageBuild(entries: PackageEntries): () => Options[] {
  return () => {
    rmSync(OUT_DIR, { recursive: true, force: true });
    const common = {
      outDir: OUT_DIR,
      target: 'node22',
      sourcemap: entries.sourcemap ?? true,
      clean: false,
      external: entries.external ?? [],
      esbuildOptions(options) {
        options.sourcesContent = false;
      },
    } satisfies Options;
    const typed = { ...entries.dual, ...entries.esmOnly };
    const banner = entries.declarationsBanner === undefined ? {} : { banner: entries.declarationsBanner };
    return [
      {
        ...common,
        entry: { ...typed, ...entries.bins, ...entries.splitAt },
        format: ['esm'],
        splitting: true,
        dts: { entry: typed, ...banner },
      },
      {
        ...common,
        entry: entries.dual,
        format: ['cjs'],
        dts: { entry: entries.dual, ...banner },
      },
    ];
  };
}
