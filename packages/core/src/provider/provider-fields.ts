/**
 * {@link checkProviderFields}: `providerFields` may not set what the connector sets from the input.
 *
 * @module
 */
import { InputError, type ProviderId } from '@itsm/core';

/**
 * Refuses a provider field that the connector also sets from the input (or from its own options),
 * so that neither value is silently dropped and a ticket cannot be moved out of the connector's
 * project through `providerFields`.
 *
 * @param provider - The provider, set on the error.
 * @param providerFields - The caller's `providerFields`, if any.
 * @param owned - The native fields the connector sets, each with what sets it (e.g. `{ summary: 'input.subject' }`).
 * @param root - The argument's name (`input`, `patch`), prefixed to the field in the error.
 * @throws `InputError` naming `<root>.providerFields.<field>`.
 * @example
 * ```ts
 * checkProviderFields('jira-cloud', { summary: 'x' }, { summary: 'input.subject' }, 'input');
 * // throws InputError: input.providerFields.summary is set by the connector from input.subject; give it there, not in providerFields
 * ```
 *
 * @category Mapping
 */
export function checkProviderFields(
  provider: ProviderId,
  providerFields: Readonly<Record<string, unknown>> | undefined,
  owned: Readonly<Record<string, string>>,
  root: string,
): void {
  for (const key of Object.keys(providerFields ?? {})) {
    const source = Object.hasOwn(owned, key) ? owned[key] : undefined;
    if (source !== undefined) {
      const field = `${root}.providerFields.${key}`;
      throw new InputError(`${field} is set by the connector from ${source}; give it there, not in providerFields`, { provider, field });
    }
  }
}
