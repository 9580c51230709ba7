/**
 * {@link assertNoSecret}: a secret must not show in anything an error or a log can carry.
 *
 * @module
 */
import { AssertionError } from 'node:assert';

/**
 * The forms a secret may take in text, each with its name: as it is, URL-encoded, Base64-encoded.
 *
 * @param secret - The secret.
 * @category Contract tests
 */
export function secretForms(secret: string): { form: string; how: string }[] {
  return [
    { form: secret, how: 'as it is' },
    { form: encodeURIComponent(secret), how: 'URL-encoded' },
    { form: Buffer.from(secret, 'utf8').toString('base64'), how: 'Base64-encoded' },
  ];
}

/**
 * Throws an `AssertionError` when any form ({@link secretForms}) of any secret shows in `text`.
 * The message says which secret and which form, never the secret itself.
 *
 * @param text - What to search, e.g. `errorSurface(error)` or the captured log.
 * @param secrets - The secrets (an API token, the value of a Basic `Authorization` header, ...).
 * @example
 * ```ts
 * const error = await failure(client.myself());
 * assertNoSecret(errorSurface(error), [apiToken]);
 * ```
 *
 * @category Contract tests
 */
export function assertNoSecret(text: string, secrets: readonly string[]): void {
  secrets.forEach((secret, index) => {
    const shown = secretForms(secret).find(({ form }) => form !== '' && text.includes(form));
    if (shown !== undefined) throw new AssertionError({ message: `secret #${index + 1} shows in the text (${shown.how})` });
  });
}
