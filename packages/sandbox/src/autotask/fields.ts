/**
 * How the Autotask simulator describes an entity's fields: the data type and flags that
 * `/{Entity}/entityInformation/fields` reports (`FieldInformationModel`), and that the simulator
 * itself uses to resolve a field name case-insensitively, read a filter value or a body value,
 * refuse a write to a read-only field, and serialise a record.
 *
 * Field names and types are those of the official Swagger models (`TicketModel`, `ContactModel`, ...).
 *
 * @module
 */

/**
 * A field's data type as `entityInformation/fields` names it: `integer` (int32), `long` (int64),
 * `double`, `string`, `datetime` (UTC), `boolean`.
 *
 * @category Definitions
 */
export type FieldType = 'integer' | 'long' | 'double' | 'string' | 'datetime' | 'boolean';

/**
 * One value of a picklist (`PickListValue`).
 *
 * @category Definitions
 */
export interface PicklistValue {
  /** The stored value; Autotask reports it as a string even for numeric picklists. */
  readonly value: string;
  /** The label shown in the UI. */
  readonly label: string;
  /** Whether new records get it by default. */
  readonly isDefaultValue?: boolean;
  /** Whether it can still be chosen (inactive values stay on old records). */
  readonly isActive?: boolean;
  /** Whether it is a system value that cannot be edited or deactivated. */
  readonly isSystem?: boolean;
  /** For a dependent picklist (e.g. `subIssueType`), the parent's value. */
  readonly parentValue?: string;
}

/**
 * One field of an entity.
 *
 * @category Definitions
 */
export interface FieldDefinition {
  /** The canonical (camelCase) name, as the JSON shows it. */
  readonly name: string;
  readonly type: FieldType;
  /** Whether a create must give it. */
  readonly required?: boolean;
  /** Whether writes ignore it (the server sets it). */
  readonly readOnly?: boolean;
  /** `false` for the few fields a query may not filter on; default `true`. */
  readonly queryable?: boolean;
  /** The entity the field refers to (`companyID` → `Company`). */
  readonly reference?: string;
  /** The picklist values, for a picklist field. */
  readonly picklist?: readonly PicklistValue[];
  /** For a dependent picklist, the field holding the parent value (`subIssueType` → `issueType`). */
  readonly picklistParent?: string;
  /** The maximum length of a string field. */
  readonly length?: number;
}

/**
 * A user-defined field (UDF) of an entity.
 *
 * @category Definitions
 */
export interface UdfDefinition {
  /** The name, which also is its key in `userDefinedFields` and in a `udf: true` filter. */
  readonly name: string;
  /** The label shown in the UI. */
  readonly label: string;
  /** `string`, `double` or `list` (a picklist whose `value` is stored). */
  readonly type: 'string' | 'double' | 'list';
  /** A short description. */
  readonly description: string;
  /** The picklist of a `list` UDF. */
  readonly picklist?: readonly PicklistValue[];
  /** The maximum length of a string UDF. */
  readonly length?: number;
}

type Options = Omit<FieldDefinition, 'name' | 'type'>;

/** An `integer` (int32) field. */
export function integer(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'integer', ...options };
}

/** A `long` (int64) field. */
export function long(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'long', ...options };
}

/** A `double` field. */
export function double(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'double', ...options };
}

/** A `string` field. */
export function string(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'string', ...options };
}

/** A `datetime` field (UTC). */
export function datetime(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'datetime', ...options };
}

/** A `boolean` field. */
export function boolean(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'boolean', ...options };
}

/** The active picklist value `value` of a field, or `undefined`. */
export function activePicklistValue(field: FieldDefinition, value: number | string): PicklistValue | undefined {
  const wanted = String(value);
  return field.picklist?.find((entry) => entry.value === wanted && entry.isActive !== false);
}
