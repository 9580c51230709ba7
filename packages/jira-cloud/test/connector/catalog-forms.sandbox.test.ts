/**
 * Catalog forms end to end against the Jira sandbox: the "Set up a new starter" request type read,
 * answered and submitted on an employee's behalf, the answers stored as Jira stores them; and the
 * property that any answers the SDK's check accepts, the simulator (which validates as Jira does)
 * accepts too.
 */
import { ApiError, InputError, type CatalogForm, type FormAnswers, type FormField } from '@itsm/core';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJiraConnector, type JiraConnector } from '../../src/index.js';

let sb: Sandbox;
let jira: JiraConnector;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'], tickets: 20 });
  jira = createJiraConnector(sb.connectorOptions('jira-cloud'));
});
afterAll(() => sb.close());

describe('the new-starter form on the Jira sandbox', () => {
  it('reads the request type\'s fields in order, with their kinds, choices and defaults', async () => {
    const form = await jira.catalog.form('9');
    expect(form.name).toBe('Set up a new starter');
    expect(form.url).toBe(`${sb.url('jira-cloud')}/servicedesk/customer/portal/1/create/9`);
    expect(form.fields.map((field) => [field.id, field.kind, field.required])).toEqual([
      ['summary', 'text', true],
      ['customfield_10050', 'date', true],
      ['customfield_10051', 'single_choice', true],
      ['customfield_10051:child', 'single_choice', false],
      ['customfield_10030', 'single_choice', true],
      ['customfield_10052', 'multiple_choice', false],
      ['customfield_10053', 'user', true],
      ['customfield_10054', 'number', false],
      ['customfield_10055', 'datetime', false],
      ['customfield_10056', 'multiline', false],
      ['priority', 'single_choice', false],
      ['labels', 'other', false],
      ['attachment', 'attachment', false],
      ['description', 'multiline', false],
    ]);
    const main = form.fields.find((field) => field.id === 'customfield_10030');
    expect(main).toMatchObject({ label: 'Main device', default: '10040' });
    expect(await jira.catalog.choices('9', 'customfield_10051:child', { answers: { customfield_10051: 'United Kingdom' } }).toArray({ limit: 10 })).toEqual([
      { id: '10066', label: 'London' },
      { id: '10067', label: 'Manchester' },
      { id: '10068', label: 'Edinburgh' },
    ]);
  });

  it('raises the request for the employee with every answer stored as Jira stores it, and the file attached', async () => {
    const { facts } = sb.state('jira-cloud');
    const ticket = await jira.catalog.submit(
      '9',
      {
        summary: 'Priya Patel starts on Monday',
        customfield_10050: '2026-09-07',
        customfield_10051: 'United Kingdom',
        'customfield_10051:child': 'Edinburgh',
        customfield_10052: ['Slack', 'Figma'],
        customfield_10053: facts.agent.email,
        customfield_10055: new Date(Date.UTC(2026, 8, 7, 8, 30)),
        customfield_10056: 'The Finance share.\nThe sales mailbox.',
        priority: 'High',
        labels: ['onboarding'],
        attachment: { filename: 'starter-form.txt', content: new TextEncoder().encode('signed'), contentType: 'text/plain' },
      },
      { forUser: facts.knownRequester.email },
    );
    expect(ticket).toMatchObject({ provider: 'jira-cloud', type: 'service_request', subject: 'Priya Patel starts on Monday', requester: { id: facts.knownRequester.accountId } });
    expect(ticket.url).toBe(`${sb.url('jira-cloud')}/browse/${ticket.key}`);
    const issue = await jira.client.issues.get(ticket.id, { fields: ['customfield_10050', 'customfield_10051', 'customfield_10030', 'customfield_10052', 'customfield_10053', 'customfield_10054', 'customfield_10055', 'priority', 'labels'] });
    expect(issue.fields).toMatchObject({
      customfield_10050: '2026-09-07',
      customfield_10051: { value: 'United Kingdom', child: { value: 'Edinburgh' } },
      customfield_10030: { id: '10040', value: 'Laptop' },
      customfield_10052: [{ value: 'Slack' }, { value: 'Figma' }],
      customfield_10053: { accountId: facts.agent.accountId },
      customfield_10054: 1,
      priority: { name: 'High' },
      labels: ['onboarding'],
    });
    expect(Date.parse(issue.fields.customfield_10055 as string)).toBe(Date.UTC(2026, 8, 7, 8, 30));
    const files = await jira.attachments.list(ticket.id).toArray({ limit: 10 });
    expect(files.map((file) => file.filename)).toEqual(['starter-form.txt']);
  });
});

/** Mostly answers that fit (nine in ten), sometimes ones that do not. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

const someDay = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true });

/** The answers a bot might pass for a field, given the labels of its choices (all of them, for a dependent list). */
function answerFor(field: FormField, labels: readonly string[], emails: readonly string[]): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'text':
      return mostly(fc.string({ minLength: 1, maxLength: 40 }), fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ minLength: 250, maxLength: 300 }), fc.constant('   ')));
    case 'multiline':
      return mostly(fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }).map((lines) => lines.join('\n')), fc.string({ unit: 'binary', maxLength: 20 }));
    case 'number':
      return mostly(fc.oneof(fc.integer({ min: -5, max: 10 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('2', ' 3 ', '1e2')), fc.constantFrom('two', '', Number.POSITIVE_INFINITY));
    case 'date':
      return mostly(someDay.map((date) => date.toISOString().slice(0, 10)), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2026-02-30', '2026-13-01')));
    case 'datetime':
      return mostly(fc.oneof(fc.tuple(someDay, fc.constantFrom('Z', '+02:00', '-05:30', '+0100')).map(([date, zone]) => date.toISOString().replace('Z', zone)), someDay), fc.string({ maxLength: 20 }));
    case 'single_choice':
      return mostly(fc.constantFrom(...labels), fc.string({ maxLength: 8 }));
    case 'multiple_choice':
      return mostly(fc.uniqueArray(fc.constantFrom(...labels), { maxLength: 3 }), fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 2 }));
    case 'user':
      return mostly(fc.constantFrom(...emails), fc.constantFrom('nobody@example.com', 'not an email@'));
    default:
      return fc.constant(undefined);
  }
}

/** Answers to a form: each field answered or left out; `other` and files are left out (they are sent as given). */
function answersFor(form: CatalogForm, labels: ReadonlyMap<string, string[]>, emails: readonly string[]): fc.Arbitrary<FormAnswers> {
  const fields = form.fields.filter((field) => field.kind !== 'other' && field.kind !== 'attachment');
  // Required fields are answered but in one run of six (then one of them is left out), so that most runs reach the simulator.
  const required = fields.filter((field) => field.required).map((field) => field.id);
  const record = fc.record(Object.fromEntries(fields.map((field) => [field.id, answerFor(field, labels.get(field.id) ?? [], emails)])), { requiredKeys: required });
  return fc.tuple(record, fc.integer({ min: 0, max: 5 }), fc.constantFrom(...required)).map(([answers, roll, dropped]) => {
    if (roll > 0) return answers as FormAnswers;
    const { [dropped]: _dropped, ...rest } = answers as Record<string, unknown>;
    return rest as FormAnswers;
  });
}

describe('the SDK\'s check of answers and the Jira simulator\'s', () => {
  it('any answers the check accepts, the simulator accepts too (property)', { timeout: 120_000 }, async () => {
    const form = await jira.catalog.form('9');
    const state = sb.state('jira-cloud');
    const emails = [state.facts.agent.email, state.facts.knownRequester.email];
    const labels = new Map(form.fields.map((field) => [field.id, (field.choices ?? []).flatMap((choice) => [choice.id, choice.label])]));
    const offices = form.fields.find((field) => field.id === 'customfield_10051')?.choices ?? [];
    const children = await Promise.all(offices.map((office) => jira.catalog.choices('9', 'customfield_10051:child', { answers: { customfield_10051: office.id } }).toArray({ limit: 50 })));
    labels.set('customfield_10051:child', children.flat().map((choice) => choice.label));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(answersFor(form, labels, emails), async (answers) => {
        const result = await jira.catalog.submit('9', answers, { forUser: state.facts.knownRequester.email }).then(
          (ticket) => ({ ticket }),
          (error: unknown) => ({ error }),
        );
        if ('ticket' in result) {
          accepted += 1;
          return;
        }
        // Refused before any write (the check, or a person nobody is): fine. Refused by the simulator: the check let through what Jira refuses.
        expect(result.error, result.error instanceof ApiError ? `the simulator refused ${JSON.stringify(answers)}: ${result.error.message}` : String(result.error)).toBeInstanceOf(InputError);
      }),
      { numRuns: 40, endOnFailure: true }, // a failure is shown as found: shrinking would submit again and again
    );
    expect(accepted, 'the property must see accepted answers to mean anything').toBeGreaterThan(5);
  });
});
