/**
 * Catalog forms end to end against the Ivanti sandbox: the laptop offering read (a dependent list,
 * a user picker, a pattern, a range, a field shown and required when a box is ticked), answered and
 * submitted on an employee's behalf, the answers stored as Ivanti stores them; and the property that
 * any answers the SDK's check accepts, the simulator (which validates as Ivanti does) accepts too.
 */
import { ApiError, InputError, type CatalogForm, type FormAnswers, type FormField } from '@itsm/core';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIvantiConnector, type IvantiConnector } from '../../src/index.js';

let sb: Sandbox;
let ivanti: IvantiConnector;
let laptop: string;
/** An employee who left: not among a user picker's choices. */
let inactiveEmail: string;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['ivanti'] });
  ivanti = createIvantiConnector(sb.connectorOptions('ivanti'));
  laptop = sb.state('ivanti').facts.laptopOffering.templateRecId;
  inactiveEmail = sb.state('ivanti').facts.inactiveEmployee.email;
});
afterAll(() => sb.close());

describe('the laptop offering on the Ivanti sandbox', () => {
  it('reads its parameters in order, with their kinds, rules and dependent list', async () => {
    const form = await ivanti.catalog.form(laptop);
    expect(form.name).toBe('New Laptop Request');
    expect(form.url).toContain(`Template=${laptop}`);
    expect(form.fields.map((field) => [field.id, field.kind, field.required])).toEqual([
      ['DeviceType', 'single_choice', true],
      ['DeviceModel', 'single_choice', true],
      ['Accessories', 'multiple_choice', false],
      ['Quantity', 'number', true],
      ['NeededBy', 'date', true],
      ['BusinessJustification', 'multiline', true],
      ['CostCenter', 'text', true],
      ['Manager', 'user', true],
      ['ExpressDelivery', 'boolean', false],
      ['DeliveryAddress', 'multiline', false],
    ]);
    const byId = new Map(form.fields.map((field) => [field.id, field]));
    expect(byId.get('DeviceModel')).toMatchObject({ dependsOn: ['DeviceType'], choicesOnDemand: true, help: 'The models available for the device type you chose.' });
    expect(byId.get('Quantity')).toMatchObject({ default: 1, min: 1, max: 5 });
    expect(byId.get('CostCenter')).toMatchObject({ maxLength: 7, pattern: '^CC-\\d{4}$', patternMessage: 'Cost center must look like CC-1234.' });
    expect(byId.get('DeliveryAddress')?.requiredWhen?.comparison).toEqual({ field: 'ExpressDelivery', operator: 'equals', value: 'true' });
    const tablets = await ivanti.catalog.choices(laptop, 'DeviceModel', { answers: { DeviceType: 'Tablet' } }).toArray({ limit: 20 });
    expect(tablets.map((choice) => choice.label)).toEqual(['iPad Air 11', 'Surface Pro 9']);
    expect(await ivanti.catalog.choices(laptop, 'DeviceModel').toArray({ limit: 20 })).toEqual([]);
  });

  it('raises the service request for the employee with every answer stored, and its number and link', async () => {
    const { facts } = sb.state('ivanti');
    const ticket = await ivanti.catalog.submit(
      laptop,
      {
        DeviceType: 'Laptop',
        DeviceModel: 'MacBook Pro 14',
        Accessories: ['Docking station', 'Headset'],
        NeededBy: new Date(Date.UTC(2026, 8, 1)),
        BusinessJustification: 'My laptop is five years old.',
        CostCenter: 'CC-4711',
        Manager: facts.agent.email,
        ExpressDelivery: true,
        DeliveryAddress: '12 Harbour Street, Dublin',
      },
      { forUser: facts.knownRequester.email },
    );
    expect(ticket).toMatchObject({ provider: 'ivanti', type: 'service_request', subject: 'New Laptop Request', requester: { id: facts.knownRequester.recId } });
    expect(ticket.key).toMatch(/^SR-\d+$/);
    expect(ticket.url).toContain(ticket.id);
    const stored = [...sb.state('ivanti').tables.servicereqparams.rows()].filter((row) => row.ParentLink_RecID === ticket.id);
    expect(Object.fromEntries(stored.map((row) => [row.ParameterName, row.ParameterValue]))).toMatchObject({
      DeviceType: 'Laptop',
      DeviceModel: 'MacBook Pro 14',
      Accessories: 'Docking station~^Headset',
      Quantity: '1',
      CostCenter: 'CC-4711',
      ExpressDelivery: 'true',
      DeliveryAddress: '12 Harbour Street, Dublin',
      Manager: facts.agent.displayName,
    });
  });
});

/** Mostly answers that fit (nine in ten), sometimes ones that do not. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

const someDay = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2150, 0, 1)), noInvalidDate: true });

/** The answers a bot might pass for a field, given the labels of its choices (all of them, for a dependent list). */
function answerFor(field: FormField, labels: readonly string[], emails: readonly string[]): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'text':
      return mostly(fc.stringMatching(/^CC-\d{4}$/), fc.oneof(fc.string({ minLength: 1, maxLength: 9 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.constant('  ')));
    case 'multiline':
      return mostly(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')), fc.string({ minLength: 490, maxLength: 520 }));
    case 'number':
      return mostly(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 1, max: 5, noNaN: true }), fc.constantFrom('2', ' 3 ')), fc.constantFrom('many', 0, 7, 5.5));
    case 'date':
      return mostly(someDay.map((date) => date.toISOString().slice(0, 10)), fc.constantFrom('2026-02-30', 'tomorrow'));
    case 'boolean':
      return mostly(fc.boolean(), fc.constantFrom('yes', 1));
    case 'single_choice':
      return mostly(fc.constantFrom(...labels), fc.string({ maxLength: 8 }));
    case 'multiple_choice':
      return mostly(fc.uniqueArray(fc.constantFrom(...labels), { maxLength: 3 }), fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 2 }));
    case 'user':
      return mostly(fc.constantFrom(...emails), fc.constantFrom('nobody@example.com', 'not an email@', inactiveEmail));
    default:
      return fc.constant(undefined);
  }
}

/**
 * Answers to a form: every field answered, but in one run of four one is left out; a dependent
 * list's answer fits the answer it depends on in three runs of four (in the others it may not).
 */
function answersFor(form: CatalogForm, labels: ReadonlyMap<string, string[]>, fitting: (field: FormField, answers: Record<string, unknown>) => string[], emails: readonly string[]): fc.Arbitrary<FormAnswers> {
  const fields = form.fields.filter((field) => field.kind !== 'other' && field.kind !== 'attachment');
  const record = fc.record(Object.fromEntries(fields.map((field) => [field.id, answerFor(field, labels.get(field.id) ?? [], emails)])));
  return fc.tuple(record, fc.integer({ min: 0, max: 3 }), fc.constantFrom(...fields.map((field) => field.id)), fc.integer({ min: 0, max: 3 }), fc.nat()).map(([generated, drop, dropped, fit, pick]) => {
    const answers: Record<string, unknown> = { ...generated };
    for (const field of fields) {
      const choices = field.dependsOn === undefined ? [] : fitting(field, answers);
      if (fit > 0 && choices.length > 0) answers[field.id] = choices[pick % choices.length];
    }
    if (drop === 0) delete answers[dropped];
    return answers as FormAnswers;
  });
}

describe('the SDK\'s check of answers and the Ivanti simulator\'s', () => {
  it('any answers the check accepts, the simulator accepts too (property)', { timeout: 180_000 }, async () => {
    const state = sb.state('ivanti');
    const form = await ivanti.catalog.form(laptop);
    const labels = new Map<string, string[]>();
    for (const field of form.fields) {
      if (field.kind !== 'single_choice' && field.kind !== 'multiple_choice') continue;
      // Every row of the list, whatever it depends on: a model of another device type is a wrong answer the check must catch.
      const list = state.validationLists.get(String((field.raw as { ValidationList_RecID?: unknown }).ValidationList_RecID));
      labels.set(field.id, (list?.entries ?? []).map((entry) => entry.label));
    }
    // The labels of a dependent list's rows that belong to the answer it depends on.
    const fitting = (field: FormField, answers: Record<string, unknown>): string[] => {
      const list = state.validationLists.get(String((field.raw as { ValidationList_RecID?: unknown }).ValidationList_RecID));
      const parent = field.dependsOn?.[0] ?? '';
      return (list?.entries ?? []).filter((entry) => entry.constraints?.[parent] === answers[parent]).map((entry) => entry.label);
    };
    const emails = [state.facts.agent.email, state.facts.knownRequester.email];
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(answersFor(form, labels, fitting, emails), async (answers) => {
        const result = await ivanti.catalog.submit(laptop, answers, { forUser: state.facts.knownRequester.email }).then(
          (ticket) => ({ ticket }),
          (error: unknown) => ({ error }),
        );
        if ('ticket' in result) {
          accepted += 1;
          return;
        }
        // Refused before any write (the check, or a person the list does not have): fine. Refused by the simulator: the check let through what Ivanti refuses.
        expect(result.error, result.error instanceof ApiError ? `the simulator refused ${JSON.stringify(answers)}: ${result.error.message}` : String(result.error)).toBeInstanceOf(InputError);
      }),
      { numRuns: 40, endOnFailure: true }, // a failure is shown as found: shrinking would submit again and again
    );
    expect(accepted, 'the property must see accepted answers to mean anything').toBeGreaterThan(5);
  });
});
