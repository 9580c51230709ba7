/**
 * ky, loaded by the first request rather than when `@itsm/core` is imported.
 *
 * Loading ky's module checks whether `Request` can stream a body, which makes Node load its whole
 * `fetch` implementation: that was about a third of the time importing a provider package took, paid
 * by every program, also one that imports the SDK only to build a query or read an error. The first
 * request loads ky (and Node loads `fetch` for it anyway); every later one reuses it.
 *
 * ky is ESM-only. A dynamic `import()` loads it the same way from the ESM and the CommonJS build
 * (Node >= 22.12 runs `import()` from CommonJS), and hands back its namespace object either way.
 *
 * @module
 */
import type { KyInstance } from 'ky';

/** ky's exports. */
export type KyModule = typeof import('ky');

/** What a module namespace that holds ky looks like. */
interface KyNamespace {
  default: KyInstance;
}

function isKyNamespace(value: unknown): value is KyNamespace {
  return typeof value === 'object' && value !== null && typeof (value as Partial<KyNamespace>).default === 'function';
}

/**
 * The `ky` function from what a build made of ky's default export: the function itself, or ky's
 * namespace object (what a CommonJS build takes for the default export of an ES module it
 * `require()`s).
 *
 * @param imported - The default export of `ky`, as the build hands it over.
 * @throws TypeError when neither holds a function.
 */
export function resolveKy(imported: unknown): KyInstance {
  if (typeof imported === 'function') return imported as KyInstance;
  if (isKyNamespace(imported)) return imported.default;
  throw new TypeError('@itsm/core could not load ky: its default export is not a function');
}

let loaded: { module: KyModule; ky: KyInstance } | undefined;
let loading: Promise<KyInstance> | undefined;

/**
 * The `ky` function, loading ky on the first call. A failed load is not kept, so that a later
 * request tries again.
 */
export function loadKy(): Promise<KyInstance> {
  if (loaded) return Promise.resolve(loaded.ky);
  loading ??= import('ky').then(
    (module) => {
      loaded = { module, ky: resolveKy(module.default) };
      return loaded.ky;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * ky's exports once a request has loaded them, else `undefined` (and then nothing can have thrown
 * one of ky's errors yet): for telling its errors apart without loading it.
 */
export function loadedKyModule(): KyModule | undefined {
  return loaded?.module;
}
