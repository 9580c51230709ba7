/**
 * The catalog-form part of the conformance suite: a catalog item's form read into the model, its
 * choices served, bad answers refused (each named, all at once, before any request), the form
 * submitted on an employee's behalf, and a submit whose answer was lost recovered or reported as
 * `capabilities.submitIdempotency` says. A connector without the catalog must say so.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import {
  CatalogFormSchema,
  FormChoiceSchema,
  InputError,
  OutcomeUnknownError,
  TicketSchema,
  UnsupportedError,
  type CatalogForm,
  type FormAnswers,
  type FormField,
  type Ticket,
} from '@itsm/core';
import { expectRejection, settledCount, type SuiteContext } from './context.js';

/** A wrong answer for a field of each kind that has one the SDK can tell is wrong without the provider. */
const WRONG: Partial<Record<FormField['kind'], unknown>> = {
  text: 42,
  multiline: { text: 'not a string' },
  number: 'a few',
  date: 'next Tuesday',
  datetime: 'tomorrow at nine',
  boolean: 'maybe',
};

/**
 * Registers the catalog-form tests.
 *
 * @param suite - The suite's shared state.
 * @category Conformance
 */
export function describeCatalogForms(suite: SuiteContext): void {
  /** The fixture's form, or a failure saying what the fixture lacks. */
  function target(): { itemId: string; answers: FormAnswers; forUser: string } {
    const form = suite.fixture.catalogForm;
    if (form === undefined) throw new Error('the connector declares catalog: true, so the fixture must name a catalogForm (an item and answers that fit its form)');
    return { itemId: form.itemId, answers: form.answers, forUser: form.forUser ?? suite.fixture.requesterEmail };
  }

  /** The ids of a person's tickets updated in the last half hour, as the lists show them now. */
  async function ticketIds(forUser: string): Promise<Set<string>> {
    const since = new Date(Date.now() - 30 * 60_000);
    const tickets = await suite.connector.tickets.list({ requester: forUser, updatedSince: since }).toArray({ limit: 1_000 });
    return new Set(tickets.map((ticket) => ticket.id));
  }

  describe('catalog forms', () => {
    it('reads a form that fits the model, or says it cannot', async () => {
      if (!suite.connector.capabilities.catalog) {
        await expectRejection(suite.connector.catalog.form('1'), UnsupportedError);
        await expectRejection(suite.connector.catalog.submit('1', {}, { forUser: suite.fixture.requesterEmail }), UnsupportedError);
        await expectRejection(suite.connector.catalog.choices('1', 'field').toArray({ limit: 1 }), UnsupportedError);
        return;
      }
      const { itemId } = target();
      const form: CatalogForm = await suite.connector.catalog.form(itemId);
      expect(CatalogFormSchema.parse(form)).toBeTruthy();
      expect(form.provider).toBe(suite.connector.provider);
      expect(form.itemId).toBe(itemId);
      expect(form.fields.length).toBeGreaterThan(0);
      const ids = form.fields.map((field) => field.id);
      expect(new Set(ids).size, 'field ids must be unique').toBe(ids.length);
      for (const [index, field] of form.fields.entries()) {
        expect(field.nativeType.length, `${field.id} keeps its native type`).toBeGreaterThan(0);
        if (field.kind === 'single_choice' || field.kind === 'multiple_choice') {
          expect(field.choices !== undefined || field.choicesOnDemand === true, `${field.id} has choices or reads them on demand`).toBe(true);
        }
        for (const parent of field.dependsOn ?? []) expect(ids.slice(0, index), `${field.id} depends on an earlier field`).toContain(parent);
        for (const condition of [field.visibleWhen, field.requiredWhen]) {
          if (condition?.comparison !== undefined) expect(ids).toContain(condition.comparison.field);
        }
      }
    });

    it('serves the choices of its choice fields, narrowed by the answers a dependent list needs', async () => {
      if (!suite.connector.capabilities.catalog) return;
      const { itemId, answers } = target();
      const form = await suite.connector.catalog.form(itemId);
      const choiceFields = form.fields.filter((field) => field.kind === 'single_choice' || field.kind === 'multiple_choice');
      expect(choiceFields.length, 'the fixture form has a choice field').toBeGreaterThan(0);
      for (const field of choiceFields) {
        const choices = await suite.connector.catalog.choices(itemId, field.id, { answers }).toArray({ limit: 5_000 });
        for (const choice of choices) expect(FormChoiceSchema.parse(choice)).toBeTruthy();
        if (answers[field.id] !== undefined || (field.dependsOn ?? []).length === 0) expect(choices.length, `${field.id} has choices`).toBeGreaterThan(0);
        if (field.choices !== undefined) expect(choices.map((choice) => choice.id).sort()).toEqual(field.choices.map((choice) => choice.id).sort());
      }
      const notChoice = form.fields.find((field) => !['single_choice', 'multiple_choice', 'user'].includes(field.kind));
      if (notChoice !== undefined) await expectRejection(suite.connector.catalog.choices(itemId, notChoice.id).toArray({ limit: 1 }), InputError);
      await expectRejection(suite.connector.catalog.choices(itemId, 'no_such_field').toArray({ limit: 1 }), InputError);
    });

    it('refuses bad answers before any request, naming every one of them at once', async () => {
      if (!suite.connector.capabilities.catalog) return;
      const { itemId, answers, forUser } = target();
      const form = await suite.connector.catalog.form(itemId);
      const dropped = form.fields.find((field) => field.required && field.default === undefined && field.visibleWhen === undefined && field.hidden !== true && field.kind !== 'boolean');
      const wrong = form.fields.find((field) => field !== dropped && WRONG[field.kind] !== undefined);
      expect(dropped, 'the fixture form has a required field').toBeDefined();
      expect(wrong, 'the fixture form has a text, number, date or tick-box field').toBeDefined();
      const bad: Record<string, unknown> = { ...answers, no_such_field: 'x', [wrong!.id]: WRONG[wrong!.kind] };
      delete bad[dropped!.id];
      const before = suite.fixture.requestCount();
      const error = await expectRejection(suite.connector.catalog.submit(itemId, bad as FormAnswers, { forUser }), InputError);
      expect(suite.fixture.requestCount(), 'a request was sent for bad answers').toBe(before);
      expect(error.provider).toBe(suite.connector.provider);
      const named = error.issues.map((issue) => issue.path.join('.'));
      expect(named).toEqual(expect.arrayContaining([`answers.${dropped!.id}`, `answers.${wrong!.id}`, 'answers.no_such_field']));
      for (const issue of error.issues) expect(issue.message.length).toBeGreaterThan(0);
      const label = error.issues.find((issue) => issue.path.join('.') === `answers.${dropped!.id}`)?.message ?? '';
      expect(label, 'the message names the field as the employee sees it').toContain(dropped!.label);
      await expectRejection(suite.connector.catalog.submit(itemId, answers, { forUsr: forUser } as never), InputError);
      expect(suite.fixture.requestCount(), 'a request was sent for bad options').toBe(before);
    });

    it('submits the form on the employee\'s behalf and returns the ticket it made', async () => {
      if (!suite.connector.capabilities.catalog) return;
      const { itemId, answers, forUser } = target();
      const employee = await suite.connector.users.findByEmail(forUser);
      const ticket = await suite.connector.catalog.submit(itemId, answers, { forUser });
      expect(TicketSchema.parse(ticket)).toBeTruthy();
      expect(ticket.provider).toBe(suite.connector.provider);
      expect(ticket.requester?.id).toBe(employee?.id);
      expect(ticket.status.category).toBe('open');
      expect((await suite.connector.tickets.get(ticket.id)).id).toBe(ticket.id);
    });

    it('never raises a second request for the same idempotency key', async () => {
      if (!suite.connector.capabilities.catalog) return;
      const { itemId, answers, forUser } = target();
      const key = `${suite.stamp}-same-submit`;
      if (suite.connector.capabilities.submitIdempotency === 'none') {
        await expectRejection(suite.connector.catalog.submit(itemId, answers, { forUser, idempotencyKey: key }), UnsupportedError);
        return;
      }
      const first = await suite.connector.catalog.submit(itemId, answers, { forUser, idempotencyKey: key });
      const second = await suite.connector.catalog.submit(itemId, answers, { forUser, idempotencyKey: key });
      expect(second.id).toBe(first.id);
    });

    it('a submit whose answer is lost gives the ticket or an outcome-unknown error, never a duplicate', async () => {
      if (!suite.connector.capabilities.catalog) return;
      const { itemId, answers, forUser } = target();
      const support = suite.connector.capabilities.submitIdempotency;
      const key = support === 'none' ? undefined : `${suite.stamp}-lost-submit`;
      // What the lists show before: once they show a request made just now, they show every earlier one.
      const reference = await suite.connector.catalog.submit(itemId, answers, { forUser });
      await settledCount(async () => ((await ticketIds(forUser)).has(reference.id) ? 1 : 0), 1, suite.settleMs);
      const before = await ticketIds(forUser);
      suite.fixture.loseNextAnswer('catalog.submit');
      const result = await suite.connector.catalog
        .submit(itemId, answers, { forUser, ...(key === undefined ? {} : { idempotencyKey: key }) })
        .then((ticket) => ({ ticket }), (error: unknown) => ({ error }));
      if (support === 'atomic') {
        expect('ticket' in result, `the lost answer was not recovered: ${'error' in result ? String(result.error) : ''}`).toBe(true);
        const again = await suite.connector.catalog.submit(itemId, answers, { forUser, idempotencyKey: key as string });
        expect(again.id).toBe((result as { ticket: Ticket }).ticket.id);
      } else {
        expect('error' in result, 'the answer was lost, yet the call gave a ticket it could not have read').toBe(true);
        const error = (result as { error: unknown }).error;
        expect(error).toBeInstanceOf(OutcomeUnknownError);
        expect((error as OutcomeUnknownError).operation).toBe('catalog.submit');
        expect((error as OutcomeUnknownError).recovery.length).toBeGreaterThan(0);
        if (key !== undefined) expect((error as OutcomeUnknownError).idempotencyKey).toBe(key);
      }
      const made = async () => [...(await ticketIds(forUser))].filter((id) => !before.has(id)).length;
      expect(await settledCount(made, 1, suite.settleMs), 'the lost submit made no request, or made more than one').toBe(1);
    });
  });
}
