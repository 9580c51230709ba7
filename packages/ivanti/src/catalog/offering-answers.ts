/**
 * Answers to a request offering's form as Ivanti's submit takes them (`parameters`):
 *
 * - `par-<paramRecId>` holds the value; a choice also needs `par-<paramRecId>-recId`, the option's
 *   RecId (else "'X' validation list's value was submitted without it's identifier");
 * - several choices are joined with `~^`, values and RecIds alike;
 * - a checkbox is the lowercase text `true` or `false`;
 * - a date is `YYYY-MM-DDT00:00:00Z`, a date-time ISO 8601 in UTC without milliseconds.
 *
 * A choice may be answered by its value or label (looked up in the validation list, with the
 * other answers a dependent list is filtered by) or by `{ value, recId }`.
 *
 * @module
 */
import { kit } from '../provider.js';
import type { OfferingParameter } from './offering-form.js';

/**
 * An option of a validation list.
 *
 * @category Request offerings
 */
export interface ValidationOption {
  /** The option's RecId (what `par-<id>-recId` takes). */
  recId: string;
  /** The value stored. */
  value: string;
  /** The label shown (the value when the list has none). */
  label: string;
}

/**
 * A chosen option, given with its RecId.
 *
 * @category Request offerings
 */
export interface ChosenOption {
  /** The value. */
  value: string;
  /** The option's RecId. */
  recId: string;
}

/**
 * An answer to one parameter: text; a number; `true`/`false` for a checkbox; a `Date` or ISO text
 * for a date; for a choice, its value or label (looked up) or a {@link ChosenOption}; a list of
 * those for several choices.
 *
 * @category Request offerings
 */
export type OfferingAnswer = string | number | boolean | Date | ChosenOption | readonly (string | ChosenOption)[];

/**
 * Looks up the options of a choice, given the answers so far (by parameter name).
 *
 * @category Request offerings
 */
export type OptionLookup = (parameter: OfferingParameter, answers: ReadonlyMap<string, string>) => Promise<ValidationOption[]>;

const SEPARATOR = '~^';

function isChosen(value: unknown): value is ChosenOption {
  return typeof value === 'object' && value !== null && typeof (value as ChosenOption).value === 'string' && typeof (value as ChosenOption).recId === 'string';
}

function dateText(answer: OfferingAnswer, field: string): string {
  const day = answer instanceof Date ? (Number.isNaN(answer.getTime()) ? undefined : answer.toISOString().slice(0, 10)) : typeof answer === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(answer)?.[1] : undefined;
  if (day === undefined || Number.isNaN(Date.parse(day))) return kit.fail(field, 'must be a date: a Date or YYYY-MM-DD');
  return `${day}T00:00:00Z`;
}

function dateTimeText(answer: OfferingAnswer, field: string): string {
  const time = answer instanceof Date ? answer.getTime() : typeof answer === 'string' && /T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(answer) ? Date.parse(answer) : Number.NaN;
  if (!Number.isFinite(time)) return kit.fail(field, 'must be a date and time: a Date or ISO 8601 text with an offset');
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function plainText(answer: OfferingAnswer, field: string): string {
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number' && Number.isFinite(answer)) return String(answer);
  return kit.fail(field, 'must be text');
}

/**
 * Encodes answers by parameter name (or RecId) into the `parameters` of a submit, and checks them
 * against the form: an unknown parameter, a missing required answer, an answer of the wrong kind,
 * or a choice that is not an option is an `InputError` naming `answers.<name>`, before any write.
 *
 * @param parameters - The form's parameters.
 * @param answers - The answers.
 * @param lookup - Looks up a choice's options (the client's `validationList`).
 * @returns The `parameters` object of the submit.
 * @category Request offerings
 */
export async function encodeAnswers(
  parameters: readonly OfferingParameter[],
  answers: Readonly<Record<string, OfferingAnswer | undefined>>,
  lookup: OptionLookup,
): Promise<Record<string, string>> {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) kit.fail('answers', 'must be an object of answers by parameter name');
  const byKey = new Map<string, OfferingParameter>();
  for (const parameter of parameters) {
    if (parameter.kind === 'layout') continue;
    byKey.set(parameter.name.toLowerCase(), parameter);
    byKey.set(parameter.recId.toLowerCase(), parameter);
  }
  const given = new Map<OfferingParameter, OfferingAnswer>();
  for (const [key, answer] of Object.entries(answers)) {
    if (answer === undefined) continue;
    const parameter = byKey.get(key.toLowerCase());
    if (parameter === undefined) {
      const names = parameters.filter((candidate) => candidate.kind !== 'layout').map((candidate) => candidate.name);
      kit.fail(`answers.${key}`, `is not a parameter of this offering (its parameters: ${names.join(', ') || 'none'})`);
    }
    given.set(parameter, answer);
  }
  for (const parameter of parameters) {
    if (parameter.kind === 'layout' || parameter.required !== true || parameter.visibleExpression !== undefined) continue;
    if (!given.has(parameter) && parameter.defaultValue === undefined) kit.fail(`answers.${parameter.name}`, `is required ("${parameter.label}")`);
  }
  // Dependent lists are filtered by the other answers' values: encode the plain ones first.
  const values = new Map<string, string>();
  const encoded: Record<string, string> = {};
  const choices: [OfferingParameter, OfferingAnswer][] = [];
  for (const [parameter, answer] of given) {
    const field = `answers.${parameter.name}`;
    const key = `par-${parameter.recId}`;
    switch (parameter.kind) {
      case 'checkbox':
        if (typeof answer !== 'boolean' && answer !== 'true' && answer !== 'false') kit.fail(field, 'must be true or false');
        encoded[key] = String(answer === true || answer === 'true');
        break;
      case 'date':
        encoded[key] = dateText(answer, field);
        break;
      case 'datetime':
        encoded[key] = dateTimeText(answer, field);
        break;
      case 'choice':
      case 'multiChoice':
        choices.push([parameter, answer]);
        continue;
      default:
        encoded[key] = plainText(answer, field);
    }
    values.set(parameter.name, encoded[key] as string);
  }
  // In form order: a dependent list comes after the choice it is filtered by.
  choices.sort(([a], [b]) => a.sequence - b.sequence);
  for (const [parameter, answer] of choices) {
    const field = `answers.${parameter.name}`;
    const list: readonly unknown[] = Array.isArray(answer) ? answer : [answer];
    if (parameter.kind === 'choice' && list.length !== 1) kit.fail(field, 'must be one option (this parameter takes a single choice)');
    if (list.length === 0) kit.fail(field, 'must name at least one option');
    const chosen: ChosenOption[] = [];
    let options: ValidationOption[] | undefined;
    for (const [index, item] of list.entries()) {
      if (isChosen(item)) {
        chosen.push(item);
        continue;
      }
      if (typeof item !== 'string' || item.trim() === '') kit.fail(Array.isArray(answer) ? `${field}.${index}` : field, 'must be an option: its value or label, or { value, recId }');
      options ??= await lookup(parameter, values);
      const wanted = item.trim().toLowerCase();
      const match = options.find((option) => option.value.toLowerCase() === wanted) ?? options.find((option) => option.label.toLowerCase() === wanted);
      if (match === undefined) {
        const shown = options.slice(0, 10).map((option) => option.value);
        kit.fail(Array.isArray(answer) ? `${field}.${index}` : field, `is not an option of "${parameter.label}" (options: ${shown.join(', ') || 'none, or none until the answers it depends on are given'}${options.length > 10 ? ', …' : ''})`);
      }
      chosen.push({ value: match.value, recId: match.recId });
    }
    encoded[`par-${parameter.recId}`] = chosen.map((option) => option.value).join(SEPARATOR);
    encoded[`par-${parameter.recId}-recId`] = chosen.map((option) => option.recId).join(SEPARATOR);
    values.set(parameter.name, encoded[`par-${parameter.recId}`] as string);
  }
  return encoded;
}
