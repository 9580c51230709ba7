/**
 * A request offering's form (its `ServiceReqTemplateParams`, read by `requestOfferings.form()`) as
 * the model's `CatalogForm`:
 *
 * | `DisplayType` | kind |
 * |---|---|
 * | `text` | `text` |
 * | `textarea` | `multiline` |
 * | `number`, `numeric` | `number` |
 * | `date` | `date` |
 * | `datetime` | `datetime` |
 * | `checkbox` | `boolean` |
 * | `combo`, `dropdown`, `picklist` | `single_choice`; `user` when its validation list is the employees (`Employee#`) |
 * | `list`, `multiselect`, `checkedlist` | `multiple_choice` |
 * | `category`, `label`, `image`, `rowaligner` | no field: layout only (kept in the form's `raw`) |
 * | anything else (`time`, ...) | `other`, the answer sent as text |
 *
 * A field's id is the parameter's `Name` (what Ivanti's expressions use); its choices are the
 * validation list's rows, read on demand (`catalog.choices()`), a dependent list narrowed by the
 * answers its `ValidationConstraints` name (`dependsOn`). `RequiredExpression` and
 * `VisibilityExpression` of `$(true)` / `$(false)` become `required` and `hidden`; a condition on
 * another answer (`$(ExpressDelivery == true)`, `$(DeviceType != "Tablet")`) becomes `requiredWhen`
 * / `visibleWhen`, kept as written and read as a comparison where it is one. `ConfigOptions` gives
 * `maxLength`, `regex` (with `regexMessage`), `minValue` and `maxValue`.
 *
 * @module
 */
import type { CatalogForm, FormCondition, FormDefault, FormField, FormFieldKind } from '@itsm/core';
import { expressionValue, type OfferingForm, type OfferingParameter } from '../catalog/offering-form.js';
import { IVANTI } from '../provider.js';

const KINDS: Readonly<Record<string, FormFieldKind | 'layout'>> = {
  text: 'text',
  textarea: 'multiline',
  number: 'number',
  numeric: 'number',
  date: 'date',
  datetime: 'datetime',
  checkbox: 'boolean',
  combo: 'single_choice',
  dropdown: 'single_choice',
  picklist: 'single_choice',
  list: 'multiple_choice',
  multiselect: 'multiple_choice',
  checkedlist: 'multiple_choice',
  category: 'layout',
  label: 'layout',
  image: 'layout',
  rowaligner: 'layout',
};

/** A condition Ivanti's expressions state as a comparison: `$(Name == "value")`, `$(Name != true)`. */
const COMPARISON = /^([A-Za-z_][A-Za-z0-9_]*)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|(true|false|-?\d+(?:\.\d+)?))$/i;

/** Whether a parameter's choices are the employees (a user picker). */
function isUserPicker(parameter: OfferingParameter): boolean {
  const data = parameter.config.configData as { validationListAdditionalConfig?: unknown } | undefined;
  const lists = Array.isArray(data?.validationListAdditionalConfig) ? data.validationListAdditionalConfig : [];
  return lists.some((entry: unknown) => typeof entry === 'object' && entry !== null && /^employee#?$/i.test(String((entry as { boName?: unknown }).boName ?? '')));
}

/**
 * The kind of answer a parameter takes; `layout` for one that takes none.
 *
 * @param parameter - The parameter, read.
 */
export function offeringFieldKind(parameter: OfferingParameter): FormFieldKind | 'layout' {
  const kind = KINDS[parameter.displayType.trim().toLowerCase()] ?? 'other';
  return kind === 'single_choice' && isUserPicker(parameter) ? 'user' : kind;
}

/**
 * An Ivanti expression as a `FormCondition`: the expression kept, and read as a comparison where it
 * is one.
 *
 * @param expression - The expression as stored.
 */
export function offeringCondition(expression: string): FormCondition {
  const inner = (/^\$\((.*)\)$/s.exec(expression.trim())?.[1] ?? expression).trim();
  const match = COMPARISON.exec(inner);
  if (match === null) return { native: expression };
  const [, field = '', operator, doubleQuoted, singleQuoted, bare] = match;
  return { native: expression, comparison: { field, operator: operator === '==' ? 'equals' : 'not_equals', value: doubleQuoted ?? singleQuoted ?? bare ?? '' } };
}

function numberOption(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A parameter's default answer, in the answer's format. */
function defaultOf(parameter: OfferingParameter, kind: FormFieldKind): FormDefault | undefined {
  const text = parameter.defaultValue;
  if (text === undefined) return undefined;
  switch (kind) {
    case 'boolean':
      return /^(true|false)$/i.test(text.trim()) ? text.trim().toLowerCase() === 'true' : undefined;
    case 'number':
      return Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : undefined;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined;
    case 'multiple_choice':
      return text.split('~^');
    case 'user':
      return undefined;
    default:
      return text;
  }
}

/**
 * A parameter as a form field; `undefined` for a layout element.
 *
 * @param parameter - The parameter, read.
 */
export function offeringParameterToField(parameter: OfferingParameter): FormField | undefined {
  const kind = offeringFieldKind(parameter);
  if (kind === 'layout') return undefined;
  const visible = expressionValue(parameter.visibleExpression ?? 'true');
  const { config } = parameter;
  const defaultValue = defaultOf(parameter, kind);
  const maxLength = numberOption(config.maxLength);
  const min = numberOption(config.minValue);
  const max = numberOption(config.maxValue);
  const pattern = typeof config.regex === 'string' && config.regex !== '' ? config.regex : undefined;
  const choice = kind === 'single_choice' || kind === 'multiple_choice' || kind === 'user';
  const textual = kind === 'text' || kind === 'multiline';
  const dependsOn = [...new Set(parameter.constraints.map((constraint) => constraint.parameter))];
  return {
    id: parameter.name,
    label: parameter.label,
    ...(parameter.description === undefined ? {} : { help: parameter.description }),
    kind,
    nativeType: parameter.displayType,
    required: parameter.required === true,
    ...(parameter.required === 'conditional' && parameter.requiredExpression !== undefined ? { requiredWhen: offeringCondition(parameter.requiredExpression) } : {}),
    ...(visible === 'conditional' && parameter.visibleExpression !== undefined ? { visibleWhen: offeringCondition(parameter.visibleExpression) } : {}),
    ...(visible === false ? { hidden: true } : {}),
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    ...(choice ? { choicesOnDemand: true } : {}),
    ...(choice && dependsOn.length > 0 ? { dependsOn } : {}),
    ...(maxLength === undefined || !textual ? {} : { maxLength }),
    ...(pattern === undefined || !textual ? {} : { pattern }),
    ...(pattern === undefined || !textual || typeof config.regexMessage !== 'string' ? {} : { patternMessage: config.regexMessage }),
    ...(min === undefined || kind !== 'number' ? {} : { min }),
    ...(max === undefined || kind !== 'number' ? {} : { max }),
    raw: parameter.raw,
  };
}

/**
 * An offering's form as the model's `CatalogForm`.
 *
 * @param form - The offering and its parameters (`requestOfferings.form()`).
 * @param url - The offering's direct link.
 */
export function offeringToForm(form: OfferingForm, url: string): CatalogForm {
  const { offering } = form;
  const description = typeof offering.Description === 'string' && offering.Description.trim() !== '' ? offering.Description : undefined;
  return {
    provider: IVANTI,
    itemId: offering.RecId,
    name: offering.Name ?? offering.RecId,
    ...(description === undefined ? {} : { description }),
    url,
    fields: form.parameters.flatMap((parameter) => {
      const field = offeringParameterToField(parameter);
      return field === undefined ? [] : [field];
    }),
    raw: { offering, parameters: form.parameters.map((parameter) => parameter.raw) },
  };
}
