/**
 * A request offering's form, read: each parameter's kind (text, a choice from a validation list,
 * a checkbox, a date, ...), whether it is required, and the other answers a dependent list is
 * filtered by — from the `ServiceReqTemplateParams` records, whose expressions and options are
 * strings of Ivanti's own syntax and JSON.
 *
 * @module
 */
import type { OfferingParameterRecord, RequestOffering } from '../schemas/catalog.js';

/**
 * What kind of answer a parameter takes:
 * - `text`: free text (`text`, `textarea`, and types the SDK does not know);
 * - `number`;
 * - `choice`: one option of a validation list (`combo`, `dropdown`, `picklist`);
 * - `multiChoice`: several options of a validation list (`list`, `multiselect`), joined with `~^`;
 * - `checkbox`: `true` or `false`;
 * - `date`, `datetime`;
 * - `layout`: no answer (`category`, `label`, `image`, `rowaligner`).
 *
 * @category Request offerings
 */
export type OfferingParameterKind = 'text' | 'number' | 'choice' | 'multiChoice' | 'checkbox' | 'date' | 'datetime' | 'layout';

/**
 * A dependent list's filter: the list's field and the parameter whose answer fills it.
 *
 * @category Request offerings
 */
export interface OfferingConstraint {
  /** The validation list's field to filter on (`queryFieldName`). */
  listField: string;
  /** The `name` of the parameter whose answer is the filter's value. */
  parameter: string;
}

/**
 * One parameter of a request offering's form.
 *
 * @example
 * ```ts
 * const { parameters } = await ivanti.requestOfferings.form(offeringRecId);
 * for (const parameter of parameters.filter((p) => p.kind !== 'layout')) {
 *   console.log(parameter.label, parameter.kind, parameter.required);
 * }
 * ```
 *
 * @category Request offerings
 */
export interface OfferingParameter {
  /** The parameter's RecId: answers are sent as `par-<recId>`. */
  recId: string;
  /** The name other parameters' expressions use, and the key of `answers` in a submit. */
  name: string;
  /** The label shown to the employee. */
  label: string;
  /** Help text. */
  description: string | undefined;
  /** What kind of answer it takes. */
  kind: OfferingParameterKind;
  /** Ivanti's display type as stored, e.g. `combo`. */
  displayType: string;
  /**
   * `true` when always required, `false` when never, `'conditional'` when it depends on other
   * answers (see `requiredExpression`; Ivanti checks it on submit).
   */
  required: boolean | 'conditional';
  /** The required expression as stored (`true`, `$(true)`, `$(ExpressDelivery == true)`, ...). */
  requiredExpression: string | undefined;
  /** When it is shown (`undefined`: always). */
  visibleExpression: string | undefined;
  /** The validation list behind a choice. */
  validationListRecId: string | undefined;
  /** The answers a dependent list is filtered by. */
  constraints: OfferingConstraint[];
  /** The default answer. */
  defaultValue: string | undefined;
  /** The display options (`ConfigOptions`), read from JSON (empty when there are none or they do not parse). */
  config: Record<string, unknown>;
  /** Its place on the form. */
  sequence: number;
  /** The record as Ivanti stored it. */
  raw: OfferingParameterRecord;
}

/**
 * An offering and its form.
 *
 * @category Request offerings
 */
export interface OfferingForm {
  /** The offering. */
  offering: RequestOffering;
  /** Its parameters, in form order. */
  parameters: OfferingParameter[];
}

const KINDS: Readonly<Record<string, OfferingParameterKind>> = {
  text: 'text',
  textarea: 'text',
  number: 'number',
  numeric: 'number',
  combo: 'choice',
  dropdown: 'choice',
  picklist: 'choice',
  list: 'multiChoice',
  multiselect: 'multiChoice',
  checkedlist: 'multiChoice',
  checkbox: 'checkbox',
  date: 'date',
  datetime: 'datetime',
  category: 'layout',
  label: 'layout',
  image: 'layout',
  rowaligner: 'layout',
};

/**
 * The kind of answer a display type takes; an unknown display type takes text.
 *
 * @param displayType - Ivanti's display type, e.g. `combo`.
 * @category Request offerings
 */
export function parameterKind(displayType: string | null | undefined): OfferingParameterKind {
  return KINDS[(displayType ?? 'text').trim().toLowerCase()] ?? 'text';
}

/**
 * Whether an Ivanti expression is always true (`true`, `$(true)`), always false (empty, `false`,
 * `$(false)`), or depends on the answers.
 *
 * @param expression - The expression as stored.
 * @category Request offerings
 */
export function expressionValue(expression: string | null | undefined): boolean | 'conditional' {
  if (expression === null || expression === undefined) return false;
  const inner = (/^\$\((.*)\)$/s.exec(expression.trim())?.[1] ?? expression).trim().toLowerCase();
  if (inner === '' || inner === 'false') return false;
  if (inner === 'true') return true;
  return 'conditional';
}

function parseJson(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function constraintsOf(text: string | null | undefined): OfferingConstraint[] {
  const parsed = parseJson(text);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown) => {
    const entry = item as { ConstraintFieldName?: unknown; FormFieldName?: unknown } | null;
    return typeof entry?.ConstraintFieldName === 'string' && typeof entry.FormFieldName === 'string'
      ? [{ listField: entry.ConstraintFieldName, parameter: entry.FormFieldName }]
      : [];
  });
}

function optional(text: string | null | undefined): string | undefined {
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/**
 * A parameter record read into an {@link OfferingParameter}.
 *
 * @param record - A `ServiceReqTemplateParams` record.
 * @category Request offerings
 */
export function readOfferingParameter(record: OfferingParameterRecord): OfferingParameter {
  const config = parseJson(record.ConfigOptions);
  const name = record.Name ?? record.RecId;
  return {
    recId: record.RecId,
    name,
    label: record.DisplayName ?? name,
    description: optional(record.Description),
    kind: parameterKind(record.DisplayType),
    displayType: record.DisplayType ?? 'text',
    required: expressionValue(record.RequiredExpression),
    requiredExpression: optional(record.RequiredExpression),
    visibleExpression: optional(record.VisibilityExpression),
    validationListRecId: optional(record.ValidationList_RecID),
    constraints: constraintsOf(record.ValidationConstraints),
    defaultValue: optional(record.DefaultValue),
    config: typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : {},
    sequence: record.SequenceNum ?? 0,
    raw: record,
  };
}
