/**
 * `$select`: a comma list of field names (spaces allowed, `RecId, Category`). An unknown field is a
 * 400; an empty `$select` is Ivanti's 500 "The Select value cannot be empty".
 *
 * @module
 */
import { failFilter } from '../errors.js';
import { fieldOf, type BusinessObjectDef } from '../schema.js';

/** The selected field names, in the order given; throws Ivanti's 400 for an unknown one. */
export function parseSelect(text: string, object: BusinessObjectDef): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (fieldOf(object, name) === undefined) failFilter(`Could not find a property named '${name}' on type 'MetaData.${object.csdlType}'.`);
  }
  return names;
}
