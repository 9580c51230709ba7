/**
 * A Jira Service Management request type's form (`GET /servicedesk/{id}/requesttype/{id}/field`)
 * as the model's `CatalogForm`: each field's kind from its `jiraSchema`, `required`, `visible`,
 * `defaultValues` and `validValues`, and Jira's own sizes.
 *
 * | `jiraSchema` (custom type, or type and items) | kind |
 * |---|---|
 * | `textfield`, `url`, `string` (e.g. `summary`) | `text` |
 * | `textarea`, `string` of `description` / `environment` | `multiline` |
 * | `float`, `number` | `number` |
 * | `datepicker`, `date` (e.g. `duedate`) | `date` |
 * | `datetime` | `datetime` |
 * | `select`, `radiobuttons`, `option`, `priority` | `single_choice` |
 * | `multiselect`, `multicheckboxes`, `array` of `option`, `component` or `version` | `multiple_choice` |
 * | `cascadingselect`, `option-with-child` | `single_choice`, and a second field `<id>:child` that depends on it |
 * | `userpicker`, `user` | `user` |
 * | `array` of `attachment` | `attachment` |
 * | anything else (`labels`, organizations, multi-user pickers, ...) | `other`, the answer sent as it is |
 *
 * Jira has no tick box field (a tick box is a one-choice `multicheckboxes`), and states no patterns;
 * its sizes are: summaries and single-line text fields 255 characters, multi-line text 32,767.
 *
 * @module
 */
import type { CatalogForm, FormChoice, FormDefault, FormField, FormFieldKind } from '@itsm/core';
import { JIRA_SUMMARY_MAX_LENGTH, JIRA_TEXT_MAX_LENGTH } from '../limits.js';
import { JIRA_CLOUD } from '../provider.js';
import type { RequestType, RequestTypeField, RequestTypeFieldValue, RequestTypeFields } from '../schemas/service-desk.js';

/** The suffix of the id of a cascading select's second level: `customfield_10051:child`. */
export const CHILD_SUFFIX = ':child';

/** The longest single-line text field value Jira takes. */
const TEXT_FIELD_MAX_LENGTH = 255;

const CUSTOM_KINDS: Readonly<Record<string, FormFieldKind>> = {
  textfield: 'text',
  url: 'text',
  textarea: 'multiline',
  float: 'number',
  datepicker: 'date',
  datetime: 'datetime',
  select: 'single_choice',
  radiobuttons: 'single_choice',
  multiselect: 'multiple_choice',
  multicheckboxes: 'multiple_choice',
  cascadingselect: 'single_choice',
  userpicker: 'user',
};

const MULTILINE_SYSTEM_FIELDS = new Set(['description', 'environment']);
const CHOICE_ITEMS = new Set(['option', 'component', 'version']);

/**
 * Jira's own type of a field, as the form keeps it: the custom field type key, else `type`, with
 * `:items` for a list (`array:attachment`).
 *
 * @param field - The request type field.
 */
export function nativeTypeOf(field: RequestTypeField): string {
  const schema = field.jiraSchema;
  if (schema === undefined) return 'string';
  if (schema.custom !== undefined) return schema.custom;
  return schema.items === undefined ? schema.type : `${schema.type}:${schema.items}`;
}

/** Whether a field is a cascading select (`option-with-child`). */
export function isCascading(field: RequestTypeField): boolean {
  return field.jiraSchema?.type === 'option-with-child' || (field.jiraSchema?.custom ?? '').endsWith(':cascadingselect');
}

/**
 * The kind of answer a request type field takes; see the module's table.
 *
 * @param field - The request type field.
 */
export function fieldKindOf(field: RequestTypeField): FormFieldKind {
  const schema = field.jiraSchema;
  if (schema === undefined) return 'text';
  const custom = schema.custom === undefined ? undefined : CUSTOM_KINDS[schema.custom.slice(schema.custom.lastIndexOf(':') + 1)];
  if (custom !== undefined) return custom;
  switch (schema.type) {
    case 'string':
      return MULTILINE_SYSTEM_FIELDS.has(schema.system ?? field.fieldId) ? 'multiline' : 'text';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'option':
    case 'option-with-child':
    case 'priority':
      return 'single_choice';
    case 'user':
      return 'user';
    case 'array':
      if (schema.items === 'attachment') return 'attachment';
      return CHOICE_ITEMS.has(schema.items ?? '') ? 'multiple_choice' : 'other';
    default:
      return 'other';
  }
}

/** The longest answer Jira takes for a text field, when it has a limit. */
function maxLengthOf(field: RequestTypeField, kind: FormFieldKind): number | undefined {
  if (field.fieldId === 'summary') return JIRA_SUMMARY_MAX_LENGTH;
  if (kind === 'multiline') return JIRA_TEXT_MAX_LENGTH;
  if (kind === 'text') return (field.jiraSchema?.custom ?? '').endsWith(':textfield') ? TEXT_FIELD_MAX_LENGTH : undefined;
  return undefined;
}

function choicesOf(values: readonly RequestTypeFieldValue[] | undefined): FormChoice[] {
  return (values ?? []).map((value) => ({ id: value.value, label: value.label }));
}

/** The default answer of a field from its `defaultValues`, in the answer's format. */
function defaultOf(field: RequestTypeField, kind: FormFieldKind): FormDefault | undefined {
  const values = (field.defaultValues ?? []).map((value) => value.value).filter((value) => value !== '');
  const [first] = values;
  if (first === undefined) return undefined;
  if (kind === 'multiple_choice') return values;
  if (kind === 'number') return Number.isFinite(Number(first)) ? Number(first) : undefined;
  if (kind === 'single_choice' || kind === 'text' || kind === 'multiline' || kind === 'date' || kind === 'datetime') return first;
  return undefined;
}

/**
 * A request type field as the model's fields: one, or two for a cascading select (its second level
 * `<id>:child`, whose choices depend on the first's answer and are read on demand).
 *
 * @param field - The request type field.
 */
export function requestTypeFieldToFormFields(field: RequestTypeField): FormField[] {
  const kind = fieldKindOf(field);
  const help = field.description?.trim() ? field.description : undefined;
  const maxLength = maxLengthOf(field, kind);
  const defaultValue = defaultOf(field, kind);
  const choiceKind = kind === 'single_choice' || kind === 'multiple_choice';
  const main: FormField = {
    id: field.fieldId,
    label: field.name,
    ...(help === undefined ? {} : { help }),
    kind,
    nativeType: nativeTypeOf(field),
    required: field.required,
    ...(field.visible === false ? { hidden: true } : {}),
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    ...(choiceKind ? { choices: choicesOf(field.validValues) } : {}),
    ...(kind === 'user' ? { choicesOnDemand: true } : {}),
    ...(maxLength === undefined ? {} : { maxLength }),
    raw: field,
  };
  if (!isCascading(field)) return [main];
  const child: FormField = {
    id: `${field.fieldId}${CHILD_SUFFIX}`,
    label: `${field.name} (second level)`,
    help: `The choices under the answer to "${field.name}".`,
    kind: 'single_choice',
    nativeType: `${nativeTypeOf(field)}${CHILD_SUFFIX}`,
    required: false,
    ...(field.visible === false ? { hidden: true } : {}),
    choicesOnDemand: true,
    dependsOn: [field.fieldId],
    raw: field,
  };
  return [main, child];
}

/**
 * The choices of a cascading select's second level under the first level's answer (an option's id
 * or label); none without one.
 *
 * @param field - The cascading select.
 * @param parent - The answer to its first level.
 */
export function cascadeChildren(field: RequestTypeField, parent: string | undefined): FormChoice[] {
  if (parent === undefined) return [];
  const wanted = parent.trim().toLowerCase();
  const values = field.validValues ?? [];
  const chosen = values.find((value) => value.value === parent.trim()) ?? values.find((value) => value.label.trim().toLowerCase() === wanted);
  return choicesOf(chosen?.children);
}

/**
 * A request type and its fields as the model's `CatalogForm`.
 *
 * @param type - The request type (from `serviceDesk.requestTypes()`, with its portal link).
 * @param meta - Its fields (`serviceDesk.requestTypeFields()`).
 */
export function requestTypeToForm(type: RequestType, meta: RequestTypeFields): CatalogForm {
  const description = type.description || type.helpText || undefined;
  return {
    provider: JIRA_CLOUD,
    itemId: type.id,
    name: type.name,
    ...(description === undefined ? {} : { description }),
    ...(type.portalUrl === undefined ? {} : { url: type.portalUrl }),
    fields: meta.requestTypeFields.flatMap(requestTypeFieldToFormFields),
    raw: { requestType: type, fields: meta },
  };
}
