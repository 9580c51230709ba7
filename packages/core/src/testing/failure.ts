/**
 * {@link failure}: the rejection of a promise that must fail, to inspect it.
 *
 * @module
 */

/**
 * Resolves with what `promise` rejects with; rejects when it fulfils instead.
 *
 * @param promise - A call that must fail.
 * @example
 * ```ts
 * const error = await failure(client.issues.get(''));
 * expect(error).toBeInstanceOf(InputError);
 * ```
 */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
