/**
 * Checked answers to a request type's form as the `requestFieldValues` of
 * `POST /rest/servicedeskapi/request`, in the platform's field input formats:
 *
 * | kind | sent as |
 * |---|---|
 * | `text`, `multiline` | the text (plain text, as the portal takes it) |
 * | `number` | the number |
 * | `date` | `2026-03-01` |
 * | `datetime` | `2026-03-01T09:30:00.000+0000` |
 * | `single_choice` | `{ "id": "10040" }` (a cascading select: `{ "id", "child": { "id" } }`) |
 * | `multiple_choice` | `[{ "id": "10080" }, …]` |
 * | `user` | `{ "accountId": "…" }` (an email is looked up) |
 * | `other` | the answer as it is |
 *
 * Files (`attachment`) are not sent with the request: they are attached to the ticket right after.
 *
 * @module
 */
import type { CheckedAnswer, FileInput, FormChoice, FormField, PersonLookup } from '@itsm/core';
import { CHILD_SUFFIX } from './catalog-form.js';

/** The files answered to one attachment field. */
export interface AnsweredFiles {
  /** The field. */
  field: FormField;
  /** Its files. */
  files: FileInput[];
}

/** What a submit sends: the field values, and the files to attach after. */
export interface EncodedRequest {
  /** `requestFieldValues`, by Jira field id. */
  values: Record<string, unknown>;
  /** The files to attach to the new ticket. */
  files: AnsweredFiles[];
}

/**
 * An instant in Jira's date-time input format.
 *
 * @param iso - ISO 8601 in UTC (`2026-03-01T09:30:00.000Z`).
 */
export function jiraDateTimeInput(iso: string): string {
  return new Date(iso).toISOString().replace(/Z$/, '+0000');
}

const ref = (choice: FormChoice): { id: string } => ({ id: choice.id });

/**
 * Encodes checked answers.
 *
 * @param answers - From `checkFormAnswers()`, in form order.
 * @param accountOf - The account id of a person answered (throws `InputError` naming the field for nobody).
 */
export async function encodeRequestAnswers(answers: readonly CheckedAnswer[], accountOf: (person: PersonLookup, field: string) => Promise<string>): Promise<EncodedRequest> {
  const values: Record<string, unknown> = {};
  const files: AnsweredFiles[] = [];
  for (const answer of answers) {
    const id = answer.field.id;
    switch (answer.kind) {
      case 'text':
      case 'multiline':
      case 'number':
      case 'date':
        values[id] = answer.value;
        break;
      case 'datetime':
        values[id] = jiraDateTimeInput(answer.value);
        break;
      case 'single_choice':
        if (id.endsWith(CHILD_SUFFIX)) {
          const parentId = id.slice(0, -CHILD_SUFFIX.length);
          const parent = values[parentId];
          if (typeof parent === 'object' && parent !== null) values[parentId] = { ...parent, child: ref(answer.value) };
        } else {
          values[id] = ref(answer.value);
        }
        break;
      case 'multiple_choice':
        values[id] = answer.value.map(ref);
        break;
      case 'user':
        values[id] = { accountId: await accountOf(answer.value, `answers.${id}`) };
        break;
      case 'attachment':
        files.push({ field: answer.field, files: answer.value });
        break;
      case 'other':
        values[id] = answer.value;
        break;
    }
  }
  return { values, files };
}
