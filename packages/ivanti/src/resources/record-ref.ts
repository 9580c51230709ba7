/**
 * A reference to the record a note or an attachment belongs to: its kind and its RecId.
 *
 * @module
 */
import { checkRecId } from '../odata/names.js';
import { kit } from '../provider.js';

/**
 * The record a journal note or an attachment belongs to: its business object in Ivanti's naming
 * (`Incident`, `ServiceReq`, `Change`, `Problem`, ...) and its RecId.
 *
 * @example
 * ```ts
 * const parent: RecordRef = { category: 'Incident', recId: '304631ACAB8A4EFD8D8E5AA334993426' };
 * ```
 *
 * @category Resources
 */
export interface RecordRef {
  /** The business object's name, e.g. `Incident` or `ServiceReq` (not the entity set). */
  category: string;
  /** The record's RecId. */
  recId: string;
}

/**
 * Checks a {@link RecordRef}; the category is given without a trailing `#`.
 *
 * @param value - The caller's value.
 * @param field - The argument's name, for errors.
 */
export function checkRecordRef(value: unknown, field: string): RecordRef {
  if (typeof value !== 'object' || value === null) kit.fail(field, "must be { category, recId }, e.g. { category: 'Incident', recId }");
  kit.knownKeys(value, ['category', 'recId'], field);
  const { category, recId } = value as Partial<RecordRef>;
  if (typeof category !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*#?$/.test(category)) {
    kit.fail(`${field}.category`, "must be a business object's name such as Incident or ServiceReq");
  }
  return { category: category.replace(/#$/, ''), recId: checkRecId(recId, `${field}.recId`) };
}
