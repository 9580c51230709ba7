/**
 * The custom fields of the richer kinds (multi-line text, numbers, dates, date-times, multiple
 * choices, cascading choices, people), as Jira reads them from a create or an edit
 * (`serialize.ts`'s `richValueJson` writes them back). The store keeps each as a string:
 *
 * - `textarea`: the text (the platform API writes it as ADF, Service Management as text);
 * - `number`: the number as text; `date`: `YYYY-MM-DD`; `datetime`: ISO 8601 in UTC;
 * - `multiselect`: the option ids joined with `,`; `cascade`: `parent` or `parent/child` option ids;
 * - `user`: the account id.
 *
 * Values are read as Jira's field input formats have them: `{ "id" }` or `{ "value" }` for an
 * option, a list of those for several, `{ "id", "child": { "id" } }` for a cascading choice,
 * `{ "accountId" }` for a person, a number, `YYYY-MM-DD`, and `2026-03-01T09:30:00.000+0000`.
 *
 * @module
 */
import { isJsonObject } from '../readers.js';
import { adfProblem, adfToText, NOT_A_DOCUMENT, type AdfDocument } from './adf.js';
import type { CustomFieldDef, OptionDef } from './catalog.js';
import type { JiraState } from './store.js';

/** The kinds this module reads and writes. */
export const RICH_KINDS: ReadonlySet<CustomFieldDef['kind']> = new Set(['textarea', 'number', 'date', 'datetime', 'multiselect', 'cascade', 'user']);

/** Jira's date-time input format: `2026-03-01T09:30:00.000+0000`. */
const JIRA_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})([+-])(\d{2})(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What reading a value gave: the stored string, or Jira's message for the field. */
export type ReadValue = { value: string } | { problem: string };

/** An option of a field named by `{ id }`, `{ value }`, or (Service Management) the id or value as text. */
function optionOf(options: readonly OptionDef[], given: unknown, text: boolean): OptionDef | undefined {
  const id = isJsonObject(given) ? (typeof given.id === 'string' || typeof given.id === 'number' ? String(given.id) : undefined) : text && typeof given === 'string' ? given : undefined;
  const value = isJsonObject(given) && typeof given.value === 'string' ? given.value : text && typeof given === 'string' ? given : undefined;
  return options.find((option) => option.id === id) ?? options.find((option) => option.value === value);
}

/**
 * Reads a value of a rich custom field as Jira does.
 *
 * @param state - The site (for people).
 * @param field - The field.
 * @param given - The value sent (not `null`).
 * @param how - `adf`: rich text must be ADF (the platform v3 API); `text`: plain text, and options may be named by id or value as text (Service Management).
 */
export function readRichValue(state: JiraState, field: CustomFieldDef, given: unknown, how: 'adf' | 'text'): ReadValue {
  const options = field.options ?? [];
  switch (field.kind) {
    case 'textarea': {
      if (how === 'adf') {
        if (adfProblem(given) !== undefined) return { problem: NOT_A_DOCUMENT };
        return { value: adfToText(given as unknown as AdfDocument) };
      }
      if (typeof given !== 'string') return { problem: 'Operation value must be a string' };
      if (given.length > 32_767) return { problem: 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.' };
      return { value: given };
    }
    case 'number':
      return typeof given === 'number' && Number.isFinite(given) ? { value: String(given) } : { problem: 'Operation value must be a number' };
    case 'date': {
      if (typeof given !== 'string' || !DATE.test(given)) return { problem: `Error parsing date string: ${String(given)}` };
      const time = Date.parse(`${given}T00:00:00Z`);
      if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== given) return { problem: `Error parsing date string: ${given}` };
      return { value: given };
    }
    case 'datetime': {
      const match = typeof given === 'string' ? JIRA_DATE_TIME.exec(given) : null;
      if (match === null) return { problem: `Error parsing datetime string: ${String(given)}` };
      const [, local = '', sign, hours = '00', minutes = '00'] = match;
      const time = Date.parse(`${local}${sign}${hours}:${minutes}`);
      if (Number.isNaN(time) || new Date(Date.parse(`${local}Z`)).toISOString().slice(0, 23) !== local) return { problem: `Error parsing datetime string: ${String(given)}` };
      return { value: new Date(time).toISOString() };
    }
    case 'multiselect': {
      if (!Array.isArray(given)) return { problem: 'Operation value must be an array of options' };
      const ids: string[] = [];
      for (const item of given) {
        const option = optionOf(options, item, how === 'text');
        if (option === undefined) return { problem: `Option value '${isJsonObject(item) ? String(item.value ?? item.id) : String(item)}' is not valid` };
        if (!ids.includes(option.id)) ids.push(option.id);
      }
      return { value: ids.join(',') };
    }
    case 'cascade': {
      const parent = optionOf(options, given, how === 'text');
      if (parent === undefined) return { problem: "Could not find valid 'id' or 'value' in the Parent Option object." };
      const childGiven = isJsonObject(given) ? given.child : undefined;
      if (childGiven === undefined || childGiven === null) return { value: parent.id };
      const child = optionOf(parent.children ?? [], childGiven, false);
      if (child === undefined) return { problem: `Option value '${isJsonObject(childGiven) ? String(childGiven.value ?? childGiven.id) : String(childGiven)}' is not valid for parent option '${parent.value}'` };
      return { value: `${parent.id}/${child.id}` };
    }
    case 'user': {
      const accountId = isJsonObject(given) && typeof given.accountId === 'string' ? given.accountId : undefined;
      const user = accountId === undefined ? undefined : state.users.get(accountId);
      if (user === undefined || !user.active) return { problem: `Specify a valid value for ${field.name}` };
      return { value: user.accountId };
    }
    default:
      return { problem: `Field '${field.id}' cannot be set. It is not on the appropriate screen, or unknown.` };
  }
}
