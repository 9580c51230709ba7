/**
 * ky's default export (the `ky` function), the same in the ESM and the CommonJS build.
 *
 * ky is ESM-only. The CommonJS build loads it with `require()` (Node >= 22.12 can `require()` an ES
 * module, and hands back its namespace object). A plain `import ky from 'ky'` compiled to CommonJS
 * would then take that whole namespace for the default export, as it would for a CommonJS module's
 * `module.exports`, and calling it fails with "is not a function". Reading `default` off the
 * namespace, once more when the first read gave the namespace itself, is right in both builds.
 *
 * @module
 */
import * as kyModule from 'ky';
import type { KyInstance } from 'ky';

/** What a module namespace that holds ky looks like. */
interface KyNamespace {
  default: KyInstance;
}

function isKyNamespace(value: unknown): value is KyNamespace {
  return typeof value === 'object' && value !== null && typeof (value as Partial<KyNamespace>).default === 'function';
}

/**
 * The `ky` function from what the build made of ky's default import: the function itself (ESM), or
 * ky's namespace object (CommonJS).
 *
 * @param imported - The default import of `ky`.
 * @throws TypeError when neither holds a function.
 */
export function resolveKy(imported: unknown): KyInstance {
  if (typeof imported === 'function') return imported as KyInstance;
  if (isKyNamespace(imported)) return imported.default;
  throw new TypeError('@itsm/core could not load ky: its default export is not a function');
}

/** The `ky` function. */
export const ky: KyInstance = resolveKy(kyModule.default);
