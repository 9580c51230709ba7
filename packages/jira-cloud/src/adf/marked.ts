/**
 * `marked`, loaded the first time Markdown is converted, not when `@itsm/jira-cloud` is imported:
 * most programs never convert Markdown, and should not pay for loading a Markdown parser (nor carry
 * it in the part of a bundle that loads at start; bundlers split a dynamic `import()` off).
 *
 * @module
 */

/** What `marked` exports. */
export type MarkedModule = typeof import('marked');

let loading: Promise<MarkedModule> | undefined;

/**
 * `marked`'s exports, loaded once. A failed load is not kept, so that a later call tries again.
 *
 * @internal
 */
export function loadMarked(): Promise<MarkedModule> {
  loading ??= import('marked').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
