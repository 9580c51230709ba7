/**
 * The service catalog's request forms in the shared model: what a catalog item asks the employee,
 * field by field and in order, whatever the provider (a Jira Service Management request type's
 * fields, an Ivanti request offering's parameters). A bot reads a {@link CatalogForm} with
 * `connector.catalog.form(itemId)`, asks its questions, and submits the answers with
 * `connector.catalog.submit()`.
 *
 * Each field keeps the provider's own type (`nativeType`) and payload (`raw`), and each rule the
 * provider states (required, shown or required only on a condition, a length, a pattern, a range)
 * is kept as data, so nothing the provider said is lost.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ProviderIdSchema, type ProviderId } from './model.js';

/** `true` when `A` and `B` are the same type (optional and readonly modifiers included), else `false`. */
type IsSame<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only for `true`: checks each schema below against its interface. */
type InStep<T extends true> = T;

/**
 * The kinds of form field, in the order a form usually asks them.
 *
 * @category Model
 */
export const FORM_FIELD_KINDS = [
  'text',
  'multiline',
  'number',
  'date',
  'datetime',
  'boolean',
  'single_choice',
  'multiple_choice',
  'user',
  'attachment',
  'other',
] as const;

/**
 * What kind of answer a form field takes:
 * - `text`: one line of text; `multiline`: text of several lines;
 * - `number`: a number (see `min` and `max`);
 * - `date`: a calendar date (`2026-03-01`); `datetime`: an instant (`2026-03-01T09:30:00Z`);
 * - `boolean`: a tick box, `true` or `false`;
 * - `single_choice` / `multiple_choice`: one or several of the field's choices;
 * - `user`: a person, by email or id;
 * - `attachment`: one or several files;
 * - `other`: a provider type the model has no kind for; `nativeType` names it, and the answer is
 *   sent to the provider as it is given.
 *
 * @category Schemas
 */
export const FormFieldKindSchema = z.enum(FORM_FIELD_KINDS);
/**
 * @see {@link FormFieldKindSchema}
 *
 * @category Model
 */
export type FormFieldKind = z.infer<typeof FormFieldKindSchema>;

/**
 * One allowed answer of a choice field. Schema: {@link FormChoiceSchema}.
 *
 * @category Model
 */
export interface FormChoice {
  /** The provider's id of the choice: what an answer names (Jira's option id, Ivanti's validation-list RecId). */
  id: string;
  /** What the employee sees (`MacBook Pro 14"`). An answer may name it instead of the id. */
  label: string;
}
const formChoiceObject = z.object({
  id: z.string().check(z.minLength(1)),
  label: z.string(),
});
type FormChoiceInStep = InStep<IsSame<z.infer<typeof formChoiceObject>, FormChoice>>;
/**
 * Schema of {@link FormChoice}.
 *
 * @category Schemas
 */
export const FormChoiceSchema: z.ZodMiniType<FormChoice> = formChoiceObject;

/**
 * How a {@link FormCondition} compares another field's answer with a value.
 *
 * @category Model
 */
export const FORM_CONDITION_OPERATORS = ['equals', 'not_equals'] as const;

/**
 * A condition on the other answers, under which a field is shown or required (Ivanti's
 * `$(ExpressDelivery == true)`). The provider's expression is always kept in `native`; where the
 * SDK can read it as a comparison of one answer with a value, `comparison` says so, and the SDK
 * applies it when it checks answers. A condition without `comparison` is left for the provider to
 * apply when the form is submitted. Schema: {@link FormConditionSchema}.
 *
 * @category Model
 */
export interface FormCondition {
  /** The provider's expression as it stands, e.g. `$(ExpressDelivery == true)`. */
  native: string;
  /** The expression read, when the SDK can: the answer of `field` compared with `value` (without case). */
  comparison?: {
    /** The id of the field whose answer is compared. */
    field: string;
    /** `equals` or `not_equals`. */
    operator: (typeof FORM_CONDITION_OPERATORS)[number];
    /** The value, as text: `true`/`false` for a tick box, a choice's id or label, a number. */
    value: string;
  };
}
const formConditionObject = z.object({
  native: z.string(),
  comparison: z.optional(
    z.object({
      field: z.string().check(z.minLength(1)),
      operator: z.enum(FORM_CONDITION_OPERATORS),
      value: z.string(),
    }),
  ),
});
type FormConditionInStep = InStep<IsSame<z.infer<typeof formConditionObject>, FormCondition>>;
/**
 * Schema of {@link FormCondition}.
 *
 * @category Schemas
 */
export const FormConditionSchema: z.ZodMiniType<FormCondition> = formConditionObject;

/**
 * The answer a field starts with: text, a number, a tick, or choice ids (labels where the provider gives only those).
 *
 * @category Model
 */
export type FormDefault = string | number | boolean | string[];

/**
 * One field of a catalog item's form. Schema: {@link FormFieldSchema}.
 *
 * @example
 * ```ts
 * const form = await connector.catalog.form(item.id);
 * for (const field of form.fields) {
 *   console.log(`${field.label}${field.required ? ' *' : ''} (${field.kind})`, field.help ?? '');
 * }
 * ```
 *
 * @category Model
 */
export interface FormField {
  /** The field's id: the key of its answer in `catalog.submit()` (Jira's field id, Ivanti's parameter name). */
  id: string;
  /** The question as the portal shows it (`Which laptop do you need?`). */
  label: string;
  /** Help text shown with it, when the provider has some. */
  help?: string;
  /** What kind of answer it takes; see {@link FormFieldKind}. */
  kind: FormFieldKind;
  /** The provider's own type, always kept: Jira's `jiraSchema` (`option`, `array:option`, `com.atlassian…:datepicker`), Ivanti's display type (`combo`). */
  nativeType: string;
  /** `true` when an answer is always needed (a tick box then needs `true`). See also `requiredWhen`. */
  required: boolean;
  /** Needed only when this condition holds (`required` is then `false`). */
  requiredWhen?: FormCondition;
  /** Shown only when this condition holds; a field not shown needs no answer. */
  visibleWhen?: FormCondition;
  /** `true` for a field the portal never shows (the provider fills it): it needs no answer. */
  hidden?: boolean;
  /** The answer the field starts with; sent when no answer is given. */
  default?: FormDefault;
  /**
   * The allowed answers of a choice field, when the form carries them. Absent where they are read
   * on demand (`choicesOnDemand`).
   */
  choices?: FormChoice[];
  /**
   * `true` when the allowed answers are read on demand, with `catalog.choices(itemId, fieldId)`:
   * lists the provider pages or filters (Ivanti's validation lists), lists that depend on other
   * answers (`dependsOn`), and people.
   */
  choicesOnDemand?: boolean;
  /** The ids of the fields whose answers narrow this field's choices (a dependent list: a model by device type). */
  dependsOn?: string[];
  /** The longest answer the provider takes, in characters. */
  maxLength?: number;
  /** A regular expression (JavaScript syntax) an answer must match, as the provider states it. */
  pattern?: string;
  /** What to tell the employee when an answer does not match `pattern`, when the provider says. */
  patternMessage?: string;
  /** The smallest number allowed. */
  min?: number;
  /** The largest number allowed. */
  max?: number;
  /** The provider's description of the field, untouched. */
  raw: unknown;
}
const formDefault = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const formFieldObject = z.object({
  id: z.string().check(z.minLength(1)),
  label: z.string(),
  help: z.optional(z.string()),
  kind: FormFieldKindSchema,
  nativeType: z.string(),
  required: z.boolean(),
  requiredWhen: z.optional(FormConditionSchema),
  visibleWhen: z.optional(FormConditionSchema),
  hidden: z.optional(z.boolean()),
  default: z.optional(formDefault),
  choices: z.optional(z.array(FormChoiceSchema)),
  choicesOnDemand: z.optional(z.boolean()),
  dependsOn: z.optional(z.array(z.string().check(z.minLength(1)))),
  maxLength: z.optional(z.int().check(z.nonnegative())),
  pattern: z.optional(z.string()),
  patternMessage: z.optional(z.string()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  raw: z.unknown(),
});
type FormFieldInStep = InStep<IsSame<z.infer<typeof formFieldObject>, FormField>>;
/**
 * Schema of {@link FormField}.
 *
 * @category Schemas
 */
export const FormFieldSchema: z.ZodMiniType<FormField> = formFieldObject;

/**
 * The request form of a catalog item: its fields, in the order the portal asks them. Schema:
 * {@link CatalogFormSchema}.
 *
 * @category Model
 */
export interface CatalogForm {
  /** The system it lives in. */
  provider: ProviderId;
  /** The catalog item's id (as in `CatalogItem.id`). */
  itemId: string;
  /** The item's name (`Request new hardware`). */
  name: string;
  /** What the item is for, when the provider says. */
  description?: string;
  /** A direct link to the form in the provider's portal, when there is one. */
  url?: string;
  /** The fields, in order. Layout-only elements (headings, labels) are in `raw`. */
  fields: FormField[];
  /** The provider's payload (the item and its fields), untouched. */
  raw: unknown;
}
const catalogFormObject = z.object({
  provider: ProviderIdSchema,
  itemId: z.string().check(z.minLength(1)),
  name: z.string(),
  description: z.optional(z.string()),
  url: z.optional(z.string()),
  fields: z.array(FormFieldSchema),
  raw: z.unknown(),
});
type CatalogFormInStep = InStep<IsSame<z.infer<typeof catalogFormObject>, CatalogForm>>;
/**
 * Schema of {@link CatalogForm}.
 *
 * @category Schemas
 */
export const CatalogFormSchema: z.ZodMiniType<CatalogForm> = catalogFormObject;
