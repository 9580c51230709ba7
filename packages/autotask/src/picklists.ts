/**
 * Picklists: the tenant's values of fields such as a ticket's `status`, `priority`, `queueID`,
 * `source`, `issueType`, `subIssueType`, `ticketType`, or a note's `noteType` and `publish`. They are
 * tenant data — only status `5` = Complete is the same everywhere — so they are read from
 * `/{Entity}/entityInformation/fields` (once per entity, then kept) and looked up by value or label.
 *
 * @module
 */
import { normaliseName } from '@itsm/core/provider';
import { kit } from './provider.js';
import type { FieldInformation, PicklistValue } from './schemas/meta.js';

/**
 * Ticket status 5, Complete: the one picklist value every Autotask tenant shares.
 *
 * @category Picklists
 */
export const AUTOTASK_STATUS_COMPLETE = 5;

/**
 * One value of a picklist, with its value typed as the field is (a number for numeric fields).
 *
 * @category Picklists
 */
export interface PicklistEntry {
  /** The value the field holds: a number for numeric fields (`status`, `queueID`), else a string. */
  readonly value: number | string;
  /** What people see. */
  readonly label: string;
  /** Whether it may be set on new writes (inactive values stay on old records). */
  readonly isActive: boolean;
  /** Whether Autotask proposes it by default. */
  readonly isDefault: boolean;
  /** Whether it is a system value (cannot be edited or deactivated in Autotask). */
  readonly isSystem: boolean;
  /** The order Autotask shows values in. */
  readonly sortOrder: number;
  /** For a dependent picklist (`subIssueType`), the parent field's value it belongs under. */
  readonly parentValue: number | string | undefined;
}

const NUMERIC_TYPES = /^(integer|int|long|short|byte|decimal|double|float)$/i;

function typed(value: string, numeric: boolean): number | string {
  return numeric && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

/**
 * The values of one picklist field, looked up by value or by label.
 *
 * @example
 * ```ts
 * const statuses = (await autotask.picklists('Tickets')).require('status');
 * statuses.label(5);                 // 'Complete'
 * statuses.valueOf('waiting customer'); // 7 (labels compare case- and space-insensitively)
 * ```
 *
 * @category Picklists
 */
export class Picklist {
  /** The field, as Autotask names it. */
  readonly field: string;
  /** The field this picklist depends on (`issueType` for `subIssueType`), when it does. */
  readonly parentField: string | undefined;
  /** Every value, active or not, in Autotask's order. */
  readonly entries: readonly PicklistEntry[];
  readonly #byValue: Map<string, PicklistEntry>;
  readonly #byLabel: Map<string, PicklistEntry>;

  /**
   * @param field - The field's information, from `entityInformation/fields`.
   */
  constructor(field: FieldInformation) {
    const numeric = NUMERIC_TYPES.test(field.dataType ?? '');
    this.field = field.name;
    this.parentField = field.picklistParentValueField ? field.picklistParentValueField : undefined;
    const values: PicklistValue[] = field.picklistValues ?? [];
    this.entries = Object.freeze(
      values
        .map((value, index): PicklistEntry => Object.freeze({
          value: typed(value.value, numeric),
          label: value.label,
          isActive: value.isActive !== false,
          isDefault: value.isDefaultValue === true,
          isSystem: value.isSystem === true,
          sortOrder: value.sortOrder ?? index,
          parentValue: value.parentValue ? typed(value.parentValue, true) : undefined,
        }))
        .sort((a, b) => a.sortOrder - b.sortOrder),
    );
    this.#byValue = new Map(this.entries.map((entry) => [String(entry.value), entry]));
    this.#byLabel = new Map();
    // The first of several values with one label wins, active ones first.
    for (const entry of [...this.entries].sort((a, b) => Number(b.isActive) - Number(a.isActive))) {
      const key = normaliseName(entry.label);
      if (!this.#byLabel.has(key)) this.#byLabel.set(key, entry);
    }
  }

  /**
   * The label of a value, or `undefined`.
   *
   * @param value - The value, as a number or a string.
   */
  label(value: number | string | null | undefined): string | undefined {
    return value === null || value === undefined ? undefined : this.#byValue.get(String(value))?.label;
  }

  /**
   * The value of a label (case- and space-insensitive), or `undefined`.
   *
   * @param label - The label.
   */
  valueOf(label: string): number | string | undefined {
    return this.#byLabel.get(normaliseName(label))?.value;
  }

  /**
   * The entry of a value, or of a label: a number, or a string of digits, is a value; other text is a label.
   *
   * @param valueOrLabel - The value or the label.
   */
  entry(valueOrLabel: number | string): PicklistEntry | undefined {
    const byValue = this.#byValue.get(String(valueOrLabel).trim());
    if (byValue !== undefined) return byValue;
    return typeof valueOrLabel === 'string' ? this.#byLabel.get(normaliseName(valueOrLabel)) : undefined;
  }

  /**
   * The entry of a value or label that must exist and be active (it is about to be written).
   *
   * @param valueOrLabel - The value or the label.
   * @param field - The option or input it came from, for the error.
   * @throws `InputError` naming `field` when the tenant has no such value, or it is inactive; the message lists the active labels.
   */
  require(valueOrLabel: number | string, field: string): PicklistEntry {
    const entry = this.entry(valueOrLabel);
    if (entry === undefined || !entry.isActive) {
      const known = this.active().map((candidate) => `${candidate.label} (${candidate.value})`).join(', ');
      kit.fail(field, `${JSON.stringify(valueOrLabel)} is not ${entry ? 'an active' : 'a'} ${this.field} of this Autotask tenant (active: ${known || 'none'})`);
    }
    return entry as PicklistEntry;
  }

  /** The value Autotask proposes by default, if any. */
  get defaultEntry(): PicklistEntry | undefined {
    return this.entries.find((entry) => entry.isDefault && entry.isActive);
  }

  /** The active values. */
  active(): PicklistEntry[] {
    return this.entries.filter((entry) => entry.isActive);
  }

  /**
   * The values that belong under a parent value (a dependent picklist such as `subIssueType`).
   *
   * @param parentValue - The parent field's value.
   */
  under(parentValue: number | string): PicklistEntry[] {
    return this.entries.filter((entry) => entry.parentValue !== undefined && String(entry.parentValue) === String(parentValue));
  }
}

/**
 * The picklists of one entity, read from its `entityInformation/fields`; also every field's
 * information (`isRequired`, `isReadOnly`, `dataType`, ...).
 *
 * @category Picklists
 */
export class EntityPicklists {
  /** The entity, e.g. `Tickets`. */
  readonly entity: string;
  /** Every field of the entity, as Autotask describes it. */
  readonly fields: readonly FieldInformation[];
  readonly #picklists: Map<string, Picklist>;

  /**
   * @param entity - The entity.
   * @param fields - Its fields, from `entityInformation/fields`.
   */
  constructor(entity: string, fields: readonly FieldInformation[]) {
    this.entity = entity;
    this.fields = Object.freeze([...fields]);
    this.#picklists = new Map(
      fields.filter((field) => field.isPickList === true).map((field) => [field.name.toLowerCase(), new Picklist(field)]),
    );
  }

  /** The names of the picklist fields. */
  get names(): string[] {
    return [...this.#picklists.values()].map((picklist) => picklist.field);
  }

  /**
   * The picklist of a field (name in any case), or `undefined` when the field is not a picklist.
   *
   * @param field - The field name.
   */
  get(field: string): Picklist | undefined {
    return this.#picklists.get(field.toLowerCase());
  }

  /**
   * The picklist of a field that must be one.
   *
   * @param field - The field name.
   * @throws `InputError` naming the field when the entity has no such picklist.
   */
  require(field: string): Picklist {
    const picklist = this.get(field);
    if (picklist === undefined) kit.fail(field, `is not a picklist field of ${this.entity} (picklists: ${this.names.join(', ') || 'none'})`);
    return picklist as Picklist;
  }
}
