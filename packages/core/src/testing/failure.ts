/**
 * {@link failure} and {@link thrown}: the rejection or exception of a call that must fail, to inspect it.
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
 *
 * @category Contract tests
 */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/**
 * Returns what `run` throws; throws when it returns instead. The synchronous twin of {@link failure}.
 *
 * @param run - A call that must throw.
 * @example
 * ```ts
 * const error = thrown(() => createJiraConnector({ projectKey: 'HELP' } as never));
 * expect(error).toMatchObject({ field: 'baseUrl' });
 * ```
 *
 * @category Contract tests
 */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
