// One step of the helpdesk-bot scenario: serve a request form from the service catalog the way a chat
// bot does. It reads the item's form, asks each question that is shown (offering the choices, read on
// demand where the provider pages them, and skipping what a condition hides), takes the employee's
// reply (scripted here), checks the answers, and submits the request on the employee's behalf.
import { formFieldStatus, InputError, type CatalogForm, type FormAnswer, type FormField, type ItsmConnector, type Ticket } from '@itsm/core';
import type { Narrator } from './scenario.ts';

/** A request form the scenario fills, and the employee's replies to its questions. */
export interface FormScript {
  /** The catalog item's name, as the portal shows it. */
  item: string;
  /** The employee's reply to each question, by field id; questions without one keep their default or are left blank. */
  replies: Readonly<Record<string, FormAnswer>>;
}

/** What the step did, for tests to check. */
export interface ServedForm {
  /** The form read. */
  form: CatalogForm;
  /** The answers submitted, by field id. */
  answers: Record<string, FormAnswer>;
  /** The ticket the submit made. */
  ticket: Ticket;
}

/** A reply as the chat shows it: a choice by its label. */
function shown(field: FormField, reply: FormAnswer): string {
  const label = (value: unknown) => field.choices?.find((choice) => choice.id === value)?.label ?? String(value);
  if (reply instanceof Date) return reply.toISOString();
  if (Array.isArray(reply)) return reply.map(label).join(', ');
  return typeof reply === 'object' && reply !== null ? JSON.stringify(reply) : label(reply);
}

/** The question a bot asks for a field, with up to five of its choices. */
async function question(connector: ItsmConnector, form: CatalogForm, field: FormField, answers: Record<string, FormAnswer>, required: boolean): Promise<string> {
  const mark = required ? ' (required)' : '';
  if (field.kind !== 'single_choice' && field.kind !== 'multiple_choice') return `${field.label}${mark}`;
  const choices = await connector.catalog.choices(form.itemId, field.id, { answers }).take(5).toArray({ limit: 5 });
  return `${field.label}${mark} [${choices.map((choice) => choice.label).join(' / ')}${choices.length === 5 ? ' / …' : ''}]`;
}

/**
 * Serves one catalog form to an employee, as a chat bot would, and submits it for them.
 *
 * @param connector - The connector.
 * @param employeeEmail - Who the request is for.
 * @param script - The item and the employee's replies.
 * @param say - Where the step tells what it does.
 */
export async function serveCatalogForm(connector: ItsmConnector, employeeEmail: string, script: FormScript, say: Narrator): Promise<ServedForm> {
  const items = await connector.catalog.list({ forUser: employeeEmail }).toArray({ limit: 500 });
  const item = items.find((candidate) => candidate.name === script.item);
  if (item === undefined) throw new Error(`the catalog has no item "${script.item}"`);
  const form = await connector.catalog.form(item.id);
  say.detail(`form: ${form.name}, ${form.fields.length} fields${form.url ? ` — ${form.url}` : ''}`);
  const answers: Record<string, FormAnswer> = {};
  for (const field of form.fields) {
    const status = formFieldStatus(field, answers, form.fields);
    if (!status.shown) continue;
    const reply = script.replies[field.id];
    const asked = await question(connector, form, field, answers, status.required);
    if (reply === undefined) {
      if (field.default !== undefined) answers[field.id] = field.default;
      say.detail(`bot: ${asked} → ${field.default === undefined ? '(skipped)' : `(keeps ${shown(field, field.default)})`}`);
      continue;
    }
    answers[field.id] = reply;
    say.detail(`bot: ${asked} → ${shown(field, reply)}`);
  }
  try {
    const ticket = await connector.catalog.submit(item.id, answers, { forUser: employeeEmail });
    return { form, answers, ticket };
  } catch (error) {
    // What a bot would tell the employee before asking again.
    if (error instanceof InputError) for (const issue of error.issues) say.detail(`bot: ${issue.message}`);
    throw error;
  }
}
