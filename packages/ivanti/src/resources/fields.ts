/**
 * The field values a caller writes to a record (`create`, `update`), checked before any request.
 *
 * @module
 */
import { kit } from '../provider.js';
import { NAME_PATTERN } from '../odata/names.js';

/**
 * A value of a field: text, a number, a flag, `null` to empty the field, or a `Date` (sent as ISO 8601).
 *
 * @category Resources
 */
export type FieldValue = string | number | boolean | null | Date;

/**
 * Field values by field name, e.g. `{ Subject: 'VPN down', Urgency: 'High', ProfileLink_RecID: '…' }`.
 *
 * @category Resources
 */
export type FieldValues = Readonly<Record<string, FieldValue | undefined>>;

/**
 * Checks field values: names must be field names, values scalars (a `Date` becomes its ISO 8601
 * text); keys set to `undefined` are left out. `RecId` cannot be written.
 *
 * @param fields - The caller's values, or `undefined` for none.
 * @param field - The argument's name, for errors (`fields`, `input.providerFields`).
 * @returns The values as JSON (empty when none are given).
 * @throws `InputError` naming `<field>.<name>` for a bad name or value.
 */
export function checkFieldValues(fields: unknown, field: string): Record<string, string | number | boolean | null> {
  if (fields === undefined) return {};
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields) || fields instanceof Date) {
    kit.fail(field, 'must be an object of field values by field name');
  }
  const body: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!NAME_PATTERN.test(name)) kit.fail(`${field}.${name}`, 'is not a field name (letters, digits and _, starting with a letter)');
    if (name.toLowerCase() === 'recid') kit.fail(`${field}.${name}`, 'cannot be written: Ivanti sets the RecId');
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) kit.fail(`${field}.${name}`, 'must be a valid Date');
      body[name] = value.toISOString();
    } else if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      body[name] = value;
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      body[name] = value;
    } else {
      kit.fail(`${field}.${name}`, 'must be a string, a finite number, a boolean, a Date or null');
    }
  }
  return body;
}

/**
 * Checks field values as {@link checkFieldValues} does, for a write's body: at least one must be set.
 *
 * @param fields - The caller's values.
 * @param field - The argument's name, for errors (`fields`).
 * @throws `InputError` naming `<field>.<name>` for a bad name or value, or `field` when nothing is left to write.
 */
export function fieldBody(fields: unknown, field: string): Record<string, string | number | boolean | null> {
  if (fields === undefined) kit.fail(field, 'must be an object of field values by field name');
  const body = checkFieldValues(fields, field);
  if (Object.keys(body).length === 0) kit.fail(field, 'must set at least one field (Ivanti refuses an empty body)');
  return body;
}
