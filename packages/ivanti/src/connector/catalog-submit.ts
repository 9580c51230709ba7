/**
 * Checked answers to an offering's form as the answers `serviceRequests.submit()` takes (by
 * parameter name), and where a person finds the service request a lost submit may have made.
 *
 * | kind | answered with |
 * |---|---|
 * | `text`, `multiline`, `other` | the text |
 * | `number` | the number |
 * | `date` | `YYYY-MM-DD` (sent as `YYYY-MM-DDT00:00:00Z`) |
 * | `datetime` | the instant (sent in UTC, shifted by the tenant's `localOffset`) |
 * | `boolean` | `true` / `false` (sent as the text `true` / `false`) |
 * | `single_choice`, `user` | the validation-list row: its value and RecId (`par-<id>` and `par-<id>-recId`) |
 * | `multiple_choice` | the rows, values and RecIds joined with `~^` |
 *
 * @internal
 * @module
 */
import type { CheckedAnswer, FormField } from '@itsm/core';
import type { ChosenOption, OfferingAnswer, ValidationOption } from '../catalog/offering-answers.js';
import { odata } from '../odata/builder.js';
import type { ODataFilter } from '../odata/filter.js';
import { kit } from '../provider.js';
import type { ServiceRequest } from '../schemas/tickets.js';
import type { ConnectorContext } from './context.js';

/** Records read per look-up of a lost submit's request. */
const LOOKUP_SIZE = 20;

/** The rows of the validation lists read while checking the answers, by RecId (upper case). */
export type SeenRows = Map<string, ValidationOption>;

/**
 * Encodes checked answers by parameter name.
 *
 * @param answers - From `checkFormAnswers()`.
 * @param seen - The validation-list rows the choices were checked against.
 * @param userRow - The row of a user picker for a person answered (an `InputError` naming the field when there is none).
 */
export async function offeringAnswers(answers: readonly CheckedAnswer[], seen: SeenRows, userRow: (field: FormField, answer: Extract<CheckedAnswer, { kind: 'user' }>) => Promise<ChosenOption>): Promise<Record<string, OfferingAnswer>> {
  const encoded: Record<string, OfferingAnswer> = {};
  const row = (choice: { id: string; label: string }): ChosenOption => ({ recId: choice.id, value: seen.get(choice.id.toUpperCase())?.value ?? choice.label });
  for (const answer of answers) {
    const name = answer.field.id;
    switch (answer.kind) {
      case 'single_choice':
        encoded[name] = row(answer.value);
        break;
      case 'multiple_choice':
        encoded[name] = answer.value.map(row);
        break;
      case 'user':
        encoded[name] = await userRow(answer.field, answer);
        break;
      case 'attachment':
        return kit.fail(`answers.${name}`, 'is a file, which an Ivanti request offering cannot take');
      case 'other':
        if (typeof answer.value !== 'string' && typeof answer.value !== 'number') kit.fail(`answers.${name}`, `"${answer.field.label}" must be text`);
        encoded[name] = answer.value;
        break;
      default:
        encoded[name] = answer.value;
    }
  }
  return encoded;
}

/**
 * The value a dependent list is filtered by, for an answer: a row's value for a choice, the text
 * of any other answer.
 *
 * @param answer - A checked answer.
 * @param seen - The rows read so far.
 */
export function constraintValue(answer: CheckedAnswer, seen: SeenRows): string {
  switch (answer.kind) {
    case 'single_choice':
      return seen.get(answer.value.id.toUpperCase())?.value ?? answer.value.label;
    case 'multiple_choice':
      return answer.value.map((choice) => seen.get(choice.id.toUpperCase())?.value ?? choice.label).join('~^');
    case 'boolean':
      return String(answer.value);
    case 'date':
      return `${answer.value}T00:00:00Z`;
    case 'user':
    case 'attachment':
    case 'other':
      return '';
    default:
      return String(answer.value);
  }
}

/** What a lost submit was: enough to look for the request it may have made. */
export interface SubmitCall {
  /** The offering's RecId. */
  offering: string;
  /** Its name. */
  name: string;
  /** The employee's RecId. */
  requester: string;
  /** The earliest `CreatedDateTime` the request can have. */
  since: Date;
}

function submitFilter(call: SubmitCall): ODataFilter {
  return odata.and(odata.eq('ProfileLink_RecID', call.requester), odata.eq('SvcReqTmplLink_RecID', call.offering), odata.ge('CreatedDateTime', call.since));
}

/**
 * Where a person finds what a lost submit may have made.
 *
 * @param call - The call.
 */
export function submitHowToFind(call: SubmitCall): string {
  return `look for a "${call.name}" service request for the employee ${call.requester} created at or after ${call.since.toISOString()} (servicereqs with $filter=${submitFilter(call).text})`;
}

/**
 * The service requests that fit a lost submit, oldest first.
 *
 * @param context - The connector's context.
 * @param call - The call.
 */
export async function submitCandidates(context: ConnectorContext, call: SubmitCall): Promise<ServiceRequest[]> {
  return (await context
    .resource('service_request')
    .list({ filter: submitFilter(call), orderBy: ['CreatedDateTime asc', 'RecId asc'], pageSize: LOOKUP_SIZE })
    .toArray({ limit: LOOKUP_SIZE })) as ServiceRequest[];
}
