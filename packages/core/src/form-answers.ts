/**
 * {@link checkFormAnswers}: answers to a catalog form checked against it before anything is sent,
 * with every problem named at once, in words a bot can show the employee; and
 * {@link formFieldStatus}: whether a field is shown and needs an answer, given the answers so far.
 *
 * The checks are those the form states: required fields (and fields required or shown on a
 * condition the SDK can read), the kind of each answer, lengths, patterns, ranges, and choices.
 * The provider may still refuse what only it knows (a condition the SDK cannot read, a rule of a
 * workflow); that refusal comes back as the provider's error.
 *
 * @module
 */
import { InputError, type SchemaIssue } from './errors.js';
import { FileInputSchema, PersonInputSchema, resolvePersonInput, type FileInput, type PersonLookup } from './inputs.js';
import type { ProviderId } from './model.js';
import type { CatalogForm, FormChoice, FormCondition, FormField } from './forms.js';

/**
 * An answer checked against its field, in the form every connector encodes from.
 *
 * @category Inputs
 */
export type CheckedAnswer =
  | { field: FormField; kind: 'text' | 'multiline'; value: string }
  | { field: FormField; kind: 'number'; value: number }
  /** `YYYY-MM-DD`. */
  | { field: FormField; kind: 'date'; value: string }
  /** ISO 8601 in UTC (`2026-03-01T09:30:00.000Z`). */
  | { field: FormField; kind: 'datetime'; value: string }
  | { field: FormField; kind: 'boolean'; value: boolean }
  | { field: FormField; kind: 'single_choice'; value: FormChoice }
  | { field: FormField; kind: 'multiple_choice'; value: FormChoice[] }
  | { field: FormField; kind: 'user'; value: PersonLookup }
  | { field: FormField; kind: 'attachment'; value: FileInput[] }
  | { field: FormField; kind: 'other'; value: unknown };

/**
 * Reads the choices of a field whose choices are read on demand (`choicesOnDemand`), given the
 * answers checked so far (by field id; a dependent list is narrowed by them).
 *
 * @category Inputs
 */
export type ChoiceLookup = (field: FormField, answers: ReadonlyMap<string, CheckedAnswer>) => Promise<FormChoice[]>;

/**
 * Options of {@link checkFormAnswers}.
 *
 * @category Inputs
 */
export interface CheckFormAnswersOptions {
  /** The provider named on the `InputError`. Default: the form's. */
  provider?: ProviderId | undefined;
  /** The name of the answers argument, the prefix of the error's field paths. Default `answers`. */
  root?: string | undefined;
  /**
   * Reads the choices of fields whose choices are read on demand. Without it, answers to such
   * fields are taken as they are (the provider checks them).
   */
  choices?: ChoiceLookup | undefined;
}

/**
 * Whether a field is shown and needs an answer; see {@link formFieldStatus}.
 *
 * @category Inputs
 */
export interface FormFieldStatus {
  /** `false` when the portal would not show it (hidden, or its `visibleWhen` does not hold): it needs no answer. */
  shown: boolean;
  /** `true` when it is shown and needs an answer (`required`, or its `requiredWhen` holds). */
  required: boolean;
}

/** Any control character: C0 (NUL, line breaks, tab, ...) and DEL. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A control character other than a tab or a line break. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
/** How many choices an error lists before it says there are more. */
const SHOWN_CHOICES = 10;

/** A problem with one answer: the field's id and the message for the employee. */
interface Problem {
  readonly id: string;
  readonly message: string;
}

/** The field's label, quoted, for messages. */
function named(field: FormField): string {
  return `"${field.label || field.id}"`;
}

/** Whether an answer counts as none: absent, `null`, blank text, an empty list. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** The texts an answer is compared by in a condition: the answer as text and, for a choice, its id and label. */
function comparable(field: FormField | undefined, value: unknown): string[] {
  if (value === undefined || value === null) return [''];
  const texts = (Array.isArray(value) ? value : [value]).map((item) => (typeof item === 'object' && item !== null ? String((item as { id?: unknown }).id ?? '') : String(item)));
  if (field?.choices !== undefined) {
    for (const text of [...texts]) {
      const choice = matchChoice(field.choices, text);
      if (choice !== undefined) texts.push(choice.id, choice.label);
    }
  }
  return texts.map((text) => text.trim().toLowerCase());
}

/**
 * Whether a condition holds for the answers: `true` or `false` where the SDK can read it
 * (`comparison`), `undefined` where only the provider can.
 *
 * @param condition - The condition.
 * @param answers - The answers so far, by field id.
 * @param fields - The form's fields, to read choice answers by their labels too.
 * @category Inputs
 */
export function evaluateFormCondition(condition: FormCondition, answers: Readonly<Record<string, unknown>>, fields: readonly FormField[] = []): boolean | undefined {
  const comparison = condition.comparison;
  if (comparison === undefined) return undefined;
  const field = fields.find((candidate) => candidate.id === comparison.field);
  const equal = comparable(field, answers[comparison.field]).includes(comparison.value.trim().toLowerCase());
  return comparison.operator === 'equals' ? equal : !equal;
}

/**
 * Whether a field is shown and needs an answer, given the answers so far: a bot asks the fields
 * that are shown, in order, and insists on those required. A condition the SDK cannot read counts
 * as shown and not required (the provider has the last word when the form is submitted).
 *
 * @param field - The field.
 * @param answers - The answers so far, by field id (defaults included, as `checkFormAnswers` applies them).
 * @param fields - The form's fields, to read choice answers by their labels too.
 * @example
 * ```ts
 * const answers: Record<string, unknown> = {};
 * for (const field of form.fields) {
 *   const { shown, required } = formFieldStatus(field, answers, form.fields);
 *   if (shown) answers[field.id] = await ask(field, required);
 * }
 * ```
 *
 * @category Inputs
 */
export function formFieldStatus(field: FormField, answers: Readonly<Record<string, unknown>>, fields: readonly FormField[] = []): FormFieldStatus {
  const shown = field.hidden !== true && (field.visibleWhen === undefined || evaluateFormCondition(field.visibleWhen, answers, fields) !== false);
  const required = shown && (field.required || (field.requiredWhen !== undefined && evaluateFormCondition(field.requiredWhen, answers, fields) === true));
  return { shown, required };
}

/** The choice an answer names: by id, else by label (without case or surrounding space). */
function matchChoice(choices: readonly FormChoice[], wanted: string): FormChoice | undefined {
  const text = wanted.trim();
  const lower = text.toLowerCase();
  return choices.find((choice) => choice.id === text) ?? choices.find((choice) => choice.label.trim().toLowerCase() === lower);
}

/** The message for an answer that is not one of the choices. */
function notAChoice(field: FormField, choices: readonly FormChoice[], dependsOn: string[]): string {
  if (choices.length === 0) {
    return dependsOn.length > 0
      ? `${named(field)} has no choices for the answers it depends on (${dependsOn.join(', ')}): answer those first, or change them`
      : `${named(field)} has no choices to pick from`;
  }
  const shown = choices.slice(0, SHOWN_CHOICES).map((choice) => choice.label);
  return `${named(field)} must be one of: ${shown.join(', ')}${choices.length > SHOWN_CHOICES ? ', …' : ''}`;
}

/** The ids or labels a choice answer names, or a problem. */
function choiceTexts(field: FormField, value: unknown): string[] | string {
  const many = field.kind === 'multiple_choice';
  const items: unknown[] = Array.isArray(value) ? value : [value];
  if (!many && items.length !== 1) return `${named(field)} takes one choice`;
  const texts: string[] = [];
  for (const item of items) {
    const text = typeof item === 'string' ? item : typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
    if (text === undefined || text.trim() === '') return `${named(field)} must name ${many ? 'its choices' : 'a choice'} by id or label`;
    if (!texts.includes(text)) texts.push(text);
  }
  return texts;
}

/** Resolves choice texts against the choices: the answer, or a problem. */
function resolveChoices(field: FormField, texts: readonly string[], choices: readonly FormChoice[], dependsOn: string[]): CheckedAnswer | string {
  const chosen: FormChoice[] = [];
  for (const text of texts) {
    const choice = matchChoice(choices, text);
    if (choice === undefined) return notAChoice(field, choices, dependsOn);
    if (!chosen.some((known) => known.id === choice.id)) chosen.push(choice);
  }
  const [first] = chosen;
  if (field.kind === 'single_choice' && first !== undefined) return { field, kind: 'single_choice', value: first };
  return { field, kind: 'multiple_choice', value: chosen };
}

function checkText(field: FormField, value: unknown): CheckedAnswer | string {
  if (typeof value !== 'string') return `${named(field)} must be text`;
  if (field.kind === 'text' && CONTROL.test(value)) return `${named(field)} must be a single line, without line breaks or control characters`;
  if (field.kind === 'multiline' && CONTROL_IN_TEXT.test(value)) return `${named(field)} must not contain control characters`;
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return `${named(field)} must be at most ${field.maxLength} characters (this answer has ${value.length})`;
  }
  if (field.pattern !== undefined) {
    const pattern = compile(field.pattern);
    if (pattern !== undefined && !pattern.test(value)) return field.patternMessage ?? `${named(field)} is not in the expected format`;
  }
  return { field, kind: field.kind === 'multiline' ? 'multiline' : 'text', value };
}

/** A pattern as a `RegExp` (with Unicode where it compiles so); `undefined` when it does not compile in JavaScript. */
function compile(pattern: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(pattern, flags);
    } catch {
      // try the next flags
    }
  }
  return undefined;
}

function checkNumber(field: FormField, value: unknown): CheckedAnswer | string {
  const number = typeof value === 'number' ? value : typeof value === 'string' && NUMBER_TEXT.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(number)) return `${named(field)} must be a number`;
  if (field.min !== undefined && number < field.min) return `${named(field)} must be at least ${field.min}`;
  if (field.max !== undefined && number > field.max) return `${named(field)} must be at most ${field.max}`;
  return { field, kind: 'number', value: number };
}

function checkDate(field: FormField, value: unknown): CheckedAnswer | string {
  const problem = `${named(field)} must be a date, such as 2026-03-01`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? problem : { field, kind: 'date', value: value.toISOString().slice(0, 10) };
  if (typeof value !== 'string') return problem;
  const text = value.trim();
  if (!DATE_TEXT.test(text) || text.startsWith('0000')) return problem;
  // A day that does not exist (2026-02-30) rolls over when parsed: it must read back as written.
  const time = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) return problem;
  return { field, kind: 'date', value: text };
}

function checkDateTime(field: FormField, value: unknown): CheckedAnswer | string {
  const problem = `${named(field)} must be a date and time with a time zone, such as 2026-03-01T09:30:00Z`;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' && DATE_TIME_TEXT.test(value.trim()) ? Date.parse(value.trim()) : Number.NaN;
  if (!Number.isFinite(time)) return problem;
  const iso = new Date(time).toISOString();
  if (!/^\d{4}-/.test(iso)) return problem;
  return { field, kind: 'datetime', value: iso };
}

function checkBoolean(field: FormField, value: unknown, required: boolean): CheckedAnswer | string {
  if (typeof value !== 'boolean') return `${named(field)} must be true or false (ticked or not)`;
  if (required && !value) return `${named(field)} must be ticked`;
  return { field, kind: 'boolean', value };
}

function checkUser(field: FormField, value: unknown): CheckedAnswer | string {
  const person = PersonInputSchema.safeParse(value);
  if (!person.success) return `${named(field)} must be a person: an email address or an id`;
  return { field, kind: 'user', value: resolvePersonInput(person.data) };
}

function checkFiles(field: FormField, value: unknown): CheckedAnswer | string {
  const files: unknown[] = Array.isArray(value) ? value : [value];
  const parsed: FileInput[] = [];
  for (const file of files) {
    const result = FileInputSchema.safeParse(file);
    if (!result.success) return `${named(field)} must be a file: { filename, content } (${result.error.issues[0]?.message ?? 'not a file'})`;
    parsed.push(result.data);
  }
  return { field, kind: 'attachment', value: parsed };
}

/**
 * Checks one non-empty answer against its field. Choices read on demand are not resolved here
 * (`'later'`): that needs the provider.
 */
function checkAnswer(field: FormField, value: unknown, required: boolean): CheckedAnswer | string | 'later' {
  switch (field.kind) {
    case 'text':
    case 'multiline':
      return checkText(field, value);
    case 'number':
      return checkNumber(field, value);
    case 'date':
      return checkDate(field, value);
    case 'datetime':
      return checkDateTime(field, value);
    case 'boolean':
      return checkBoolean(field, value, required);
    case 'single_choice':
    case 'multiple_choice': {
      const texts = choiceTexts(field, value);
      if (typeof texts === 'string') return texts;
      if (field.choices === undefined) return 'later';
      return resolveChoices(field, texts, field.choices, field.dependsOn ?? []);
    }
    case 'user':
      return checkUser(field, value);
    case 'attachment':
      return checkFiles(field, value);
    case 'other':
      return { field, kind: 'other', value };
  }
}

/** Throws the `InputError` naming every problem. */
function fail(problems: readonly Problem[], root: string, provider: ProviderId | undefined): never {
  const path = (id: string) => (root === '' ? [id] : [root, id]);
  const issues: SchemaIssue[] = problems.map((problem) => ({ path: path(problem.id), message: problem.message }));
  const field = path(problems[0]?.id ?? '').join('.');
  const message = problems.map((problem) => `${path(problem.id).join('.')}: ${problem.message}`).join('; ');
  throw new InputError(message, { provider, field, issues });
}

/**
 * Checks answers against a form and returns them checked, in form order, ready to encode for the
 * provider; throws one `InputError` naming every bad answer (`issues`: one per field, whose path is
 * `['answers', fieldId]` and whose message names the field by its label, for the employee).
 *
 * In order: an answer to a field the form does not have is refused; a field left out gets its
 * `default`; a field that is shown (see {@link formFieldStatus}) and required needs an answer (a tick
 * box needs `true`); each answer must fit its field's kind, length, pattern, range and choices. The
 * choices of fields that read them on demand are checked last, with `options.choices`, and only once
 * everything else is right, since that reads the provider. Answers to fields that are not shown are
 * kept and checked as well (the provider decides what to do with them).
 *
 * @param form - The form, from `catalog.form()`.
 * @param answers - The answers by field id.
 * @param options - The provider named by the error, the root of its paths, the on-demand choice lookup.
 * @returns The answers given or defaulted, checked, in form order.
 * @throws {@link InputError} naming every bad answer.
 * @example
 * ```ts
 * try {
 *   await checkFormAnswers(form, { customfield_10050: 'next week' });
 * } catch (error) {
 *   if (error instanceof InputError) for (const issue of error.issues) await chat.say(issue.message);
 *   // "Start date" must be a date, such as 2026-03-01
 * }
 * ```
 *
 * @category Inputs
 */
export async function checkFormAnswers(form: CatalogForm, answers: unknown, options: CheckFormAnswersOptions = {}): Promise<CheckedAnswer[]> {
  const root = options.root ?? 'answers';
  const provider = options.provider ?? form.provider;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers) || answers instanceof Date) {
    throw new InputError(`${root}: must be an object of answers by field id`, { provider, field: root });
  }
  const given = answers as Readonly<Record<string, unknown>>;
  const problems: Problem[] = [];
  const byId = new Map(form.fields.map((field) => [field.id, field]));
  for (const id of Object.keys(given)) {
    if (!byId.has(id) && given[id] !== undefined) {
      const ids = form.fields.map((field) => field.id);
      problems.push({ id, message: `"${id}" is not a field of this form (its fields: ${ids.join(', ') || 'none'})` });
    }
  }

  // Defaults stand in for answers left out, also in the conditions that decide what is shown.
  const effective: Record<string, unknown> = {};
  for (const field of form.fields) {
    const value = given[field.id];
    if (value !== undefined) effective[field.id] = value;
    else if (field.default !== undefined) effective[field.id] = field.default;
  }

  const checked = new Map<string, CheckedAnswer>();
  const later: { field: FormField; texts: string[] }[] = [];
  for (const field of form.fields) {
    const status = formFieldStatus(field, effective, form.fields);
    const answered = given[field.id] !== undefined;
    // A default is sent only for a field that is shown; a given answer always.
    const value = answered ? given[field.id] : status.shown ? field.default : undefined;
    if (isEmpty(value)) {
      if (status.required) problems.push({ id: field.id, message: `${named(field)} needs an answer` });
      continue;
    }
    const result = checkAnswer(field, value, status.required);
    if (result === 'later') {
      later.push({ field, texts: choiceTexts(field, value) as string[] });
      continue;
    }
    if (typeof result === 'string') {
      // A default the field itself does not accept is the provider's data, not the employee's answer: leave it out.
      if (!answered && !status.required) continue;
      problems.push({ id: field.id, message: answered ? result : `${named(field)} needs an answer` });
      continue;
    }
    checked.set(field.id, result);
  }
  if (problems.length > 0) fail(problems, root, provider);

  const lookup = options.choices;
  for (const { field, texts } of later) {
    if (lookup === undefined) {
      const unread = texts.map((text) => ({ id: text, label: text }));
      checked.set(field.id, field.kind === 'single_choice' ? { field, kind: 'single_choice', value: unread[0] as FormChoice } : { field, kind: 'multiple_choice', value: unread });
      continue;
    }
    const choices = await lookup(field, checked);
    const dependsOn = (field.dependsOn ?? []).map((id) => byId.get(id)?.label ?? id);
    const result = resolveChoices(field, texts, choices, dependsOn);
    if (typeof result === 'string') problems.push({ id: field.id, message: result });
    else checked.set(field.id, result);
  }
  if (problems.length > 0) fail(problems, root, provider);
  return form.fields.flatMap((field) => {
    const answer = checked.get(field.id);
    return answer === undefined ? [] : [answer];
  });
}
