import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { checkFormAnswers, evaluateFormCondition, formFieldStatus, type CheckedAnswer } from '../src/form-answers.js';
import { CatalogSubmitOptionsSchema, ChoicesQuerySchema } from '../src/form-inputs.js';
import { CatalogFormSchema, FORM_FIELD_KINDS, FormFieldSchema, type CatalogForm, type FormField } from '../src/forms.js';
import { parseInput } from '../src/inputs.js';

function field(id: string, kind: FormField['kind'], extra: Partial<FormField> = {}): FormField {
  return { id, label: extra.label ?? id, kind, nativeType: kind, required: false, raw: { id }, ...extra };
}

const EXPRESS = { native: '$(Express == true)', comparison: { field: 'express', operator: 'equals', value: 'true' } } as const;

const FORM: CatalogForm = {
  provider: 'test',
  itemId: 'laptop',
  name: 'New laptop',
  fields: [
    field('subject', 'text', { label: 'What do you need?', required: true, maxLength: 20 }),
    field('details', 'multiline', { label: 'Details' }),
    field('model', 'single_choice', { label: 'Model', required: true, choices: [{ id: '10', label: 'ThinkPad' }, { id: '11', label: 'MacBook' }] }),
    field('dock', 'single_choice', { label: 'Dock', choicesOnDemand: true, dependsOn: ['model'] }),
    field('extras', 'multiple_choice', { label: 'Extras', choices: [{ id: 'm', label: 'Mouse' }, { id: 'k', label: 'Keyboard' }] }),
    field('quantity', 'number', { label: 'Quantity', min: 1, max: 5, default: 1 }),
    field('neededBy', 'date', { label: 'Needed by', required: true }),
    field('installAt', 'datetime', { label: 'Install at' }),
    field('express', 'boolean', { label: 'Express delivery', default: false }),
    field('address', 'multiline', { label: 'Delivery address', visibleWhen: EXPRESS, requiredWhen: EXPRESS }),
    field('costCenter', 'text', { label: 'Cost center', pattern: '^CC-\\d{4}$', patternMessage: 'Cost center must look like CC-1234.' }),
    field('manager', 'user', { label: 'Manager' }),
    field('photo', 'attachment', { label: 'Photo' }),
    field('labels', 'other', { label: 'Labels', nativeType: 'array:string' }),
    field('terms', 'boolean', { label: 'I accept the terms', required: true }),
  ],
  raw: {},
};

const VALID = { subject: 'A laptop', model: 'ThinkPad', neededBy: '2026-03-01', terms: true };

async function refusal(answers: unknown, form: CatalogForm = FORM): Promise<InputError> {
  try {
    await checkFormAnswers(form, answers);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

function byId(answers: CheckedAnswer[]): Record<string, unknown> {
  return Object.fromEntries(answers.map((answer) => [answer.field.id, answer.value]));
}

describe('the form model', () => {
  it('has schemas that accept what connectors make and refuse the rest', () => {
    expect(CatalogFormSchema.parse(FORM)).toBeTruthy();
    expect(FORM_FIELD_KINDS).toContain('other');
    expect(FormFieldSchema.safeParse({ ...field('x', 'text'), kind: 'checkbox' }).success).toBe(false);
    expect(FormFieldSchema.safeParse({ ...field('x', 'text'), maxLength: -1 }).success).toBe(false);
  });
});

describe('checkFormAnswers', () => {
  it('checks and normalises answers of every kind, in form order, with defaults for the fields left out', async () => {
    const photo = { filename: 'desk.jpg', content: new Uint8Array([1, 2, 3]), contentType: 'image/jpeg' };
    const answers = await checkFormAnswers(FORM, {
      labels: ['urgent'],
      subject: 'A laptop',
      details: 'Line one\nLine two\twith a tab',
      model: '11',
      extras: ['Mouse', 'k', 'mouse'],
      quantity: '3',
      neededBy: new Date(Date.UTC(2026, 2, 1, 15)),
      installAt: '2026-03-02T10:30:00+02:00',
      express: true,
      address: '1 Main Street',
      costCenter: 'CC-1234',
      manager: 'ann@example.com',
      photo,
      terms: true,
      dock: 'usb-c',
    });
    expect(answers.map((answer) => answer.field.id)).toEqual(FORM.fields.map((candidate) => candidate.id));
    expect(byId(answers)).toEqual({
      subject: 'A laptop',
      details: 'Line one\nLine two\twith a tab',
      model: { id: '11', label: 'MacBook' },
      dock: { id: 'usb-c', label: 'usb-c' },
      extras: [{ id: 'm', label: 'Mouse' }, { id: 'k', label: 'Keyboard' }],
      quantity: 3,
      neededBy: '2026-03-01',
      installAt: '2026-03-02T08:30:00.000Z',
      express: true,
      address: '1 Main Street',
      costCenter: 'CC-1234',
      manager: { email: 'ann@example.com' },
      photo: [photo],
      labels: ['urgent'],
      terms: true,
    });
    const minimal = byId(await checkFormAnswers(FORM, VALID));
    expect(minimal).toEqual({ subject: 'A laptop', model: { id: '10', label: 'ThinkPad' }, quantity: 1, neededBy: '2026-03-01', express: false, terms: true });
  });

  it('names every bad answer at once, by the field label, in words for the employee', async () => {
    const error = await refusal({
      subject: 'x'.repeat(21),
      model: 'Chromebook',
      quantity: 9,
      neededBy: '2026-02-30',
      installAt: 'tomorrow',
      express: 'yes',
      costCenter: 'CC-12',
      manager: 'not an email@',
      photo: { filename: 'a/b.txt', content: new Uint8Array() },
      colour: 'red',
    });
    expect(error.provider).toBe('test');
    expect(error.field).toBe('answers.colour');
    expect(Object.fromEntries(error.issues.map((issue) => [issue.path.join('.'), issue.message]))).toEqual({
      'answers.colour': '"colour" is not a field of this form (its fields: subject, details, model, dock, extras, quantity, neededBy, installAt, express, address, costCenter, manager, photo, labels, terms)',
      'answers.subject': '"What do you need?" must be at most 20 characters (this answer has 21)',
      'answers.model': '"Model" must be one of: ThinkPad, MacBook',
      'answers.quantity': '"Quantity" must be at most 5',
      'answers.neededBy': '"Needed by" must be a date, such as 2026-03-01',
      'answers.installAt': '"Install at" must be a date and time with a time zone, such as 2026-03-01T09:30:00Z',
      'answers.express': '"Express delivery" must be true or false (ticked or not)',
      'answers.costCenter': 'Cost center must look like CC-1234.',
      'answers.manager': '"Manager" must be a person: an email address or an id',
      'answers.photo': '"Photo" must be a file: { filename, content } (must be a file name, not a path)',
      'answers.terms': '"I accept the terms" needs an answer',
    });
    expect(error.message).toContain('answers.subject: "What do you need?" must be at most 20 characters');
  });

  it('refuses missing required answers, blank text, a tick box left unticked, control characters and line breaks in a line', async () => {
    const error = await refusal({ subject: '   ', model: null, neededBy: '2026-03-01', terms: false, details: 'a\u0000b', costCenter: 'CC-1234\n' });
    expect(error.issues.map((issue) => `${issue.path[1]}: ${issue.message}`)).toEqual([
      'subject: "What do you need?" needs an answer',
      'details: "Details" must not contain control characters',
      'model: "Model" needs an answer',
      'costCenter: "Cost center" must be a single line, without line breaks or control characters',
      'terms: "I accept the terms" must be ticked',
    ]);
  });

  it('requires a field shown on a condition only when the condition holds', async () => {
    await expect(checkFormAnswers(FORM, { ...VALID, express: false })).resolves.toBeTruthy();
    const error = await refusal({ ...VALID, express: true });
    expect(error.issues).toEqual([{ path: ['answers', 'address'], message: '"Delivery address" needs an answer' }]);
    expect(formFieldStatus(FORM.fields[9]!, { express: true }, FORM.fields)).toEqual({ shown: true, required: true });
    expect(formFieldStatus(FORM.fields[9]!, { express: false }, FORM.fields)).toEqual({ shown: false, required: false });
    expect(formFieldStatus(FORM.fields[9]!, {}, FORM.fields)).toEqual({ shown: false, required: false });
  });

  it('reads a choice answer by id or by label, and a condition on a choice by either', () => {
    const fields = FORM.fields;
    const onModel = { native: 'model == MacBook', comparison: { field: 'model', operator: 'equals', value: 'macbook' } } as const;
    expect(evaluateFormCondition(onModel, { model: '11' }, fields)).toBe(true);
    expect(evaluateFormCondition(onModel, { model: 'MacBook' }, fields)).toBe(true);
    expect(evaluateFormCondition(onModel, { model: '10' }, fields)).toBe(false);
    expect(evaluateFormCondition({ ...onModel, comparison: { ...onModel.comparison, operator: 'not_equals' } }, { model: '10' }, fields)).toBe(true);
    expect(evaluateFormCondition({ native: '$(Price > 100)' }, {}, fields)).toBeUndefined();
    expect(formFieldStatus(field('x', 'text', { required: true, visibleWhen: { native: '$(Price > 100)' } }), {})).toEqual({ shown: true, required: true });
    expect(formFieldStatus(field('x', 'text', { required: true, hidden: true }), {})).toEqual({ shown: false, required: false });
  });

  it('reads choices on demand last, with the answers they depend on, and only when everything else is right', async () => {
    const calls: { field: string; model: unknown }[] = [];
    const choices = async (target: FormField, answers: ReadonlyMap<string, CheckedAnswer>) => {
      calls.push({ field: target.id, model: answers.get('model')?.value });
      return answers.get('model')?.value && (answers.get('model')?.value as { id: string }).id === '10' ? [{ id: 'd1', label: 'USB-C dock' }] : [];
    };
    const checked = await checkFormAnswers(FORM, { ...VALID, dock: 'usb-c dock' }, { choices });
    expect(byId(checked).dock).toEqual({ id: 'd1', label: 'USB-C dock' });
    expect(calls).toEqual([{ field: 'dock', model: { id: '10', label: 'ThinkPad' } }]);

    const none = await (async () => {
      try {
        await checkFormAnswers(FORM, { ...VALID, model: 'MacBook', dock: 'USB-C dock' }, { choices });
      } catch (error) {
        return error as InputError;
      }
      throw new Error('expected an InputError');
    })();
    expect(none.issues).toEqual([{ path: ['answers', 'dock'], message: '"Dock" has no choices for the answers it depends on (Model): answer those first, or change them' }]);

    calls.length = 0;
    await expect(checkFormAnswers(FORM, { ...VALID, neededBy: 'soon', dock: 'x' }, { choices })).rejects.toBeInstanceOf(InputError);
    expect(calls, 'no lookup while other answers are wrong').toEqual([]);
  });

  it('refuses answers that are not an object, and uses the root and provider given', async () => {
    for (const answers of [null, 'x', ['a'], new Date()]) {
      const error = await refusal(answers);
      expect(error.field).toBe('answers');
    }
    try {
      await checkFormAnswers(FORM, { subject: 1 }, { root: 'input.answers', provider: 'jira-cloud' });
    } catch (error) {
      expect(error).toMatchObject({ field: 'input.answers.subject', provider: 'jira-cloud' });
    }
  });

  it('leaves out a default the field does not accept, and insists when the field is required', async () => {
    const form: CatalogForm = { ...FORM, fields: [field('n', 'number', { default: 'many' }), field('m', 'number', { default: 'lots', required: true, label: 'Monitors' })] };
    const error = await refusal({}, form);
    expect(error.issues).toEqual([{ path: ['answers', 'm'], message: '"Monitors" needs an answer' }]);
    expect(await checkFormAnswers(form, { m: 2 })).toHaveLength(1);
  });

  it('accepts exactly the valid calendar dates, and any instant with a time zone', async () => {
    const dates = { ...FORM, fields: [field('d', 'date'), field('t', 'datetime')] };
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), async (date) => {
        const day = date.toISOString().slice(0, 10);
        const [checked] = await checkFormAnswers(dates, { d: day });
        expect(checked?.value).toBe(day);
        const [instant] = await checkFormAnswers(dates, { t: date.toISOString() });
        expect(instant?.value).toBe(date.toISOString());
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-[01]\d-[0-3]\d$/)), async (text) => {
        const day = text.trim();
        const time = Date.parse(`${day}T00:00:00Z`);
        const real = /^\d{4}-\d{2}-\d{2}$/.test(day) && !day.startsWith('0000') && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
        const accepted = await checkFormAnswers(dates, { d: text }).then(() => true, () => false);
        expect(accepted, JSON.stringify(text)).toBe(real || day === ''); // blank is no answer
      }),
    );
  });

  it('never accepts an answer that breaks a rule the form states (property)', async () => {
    const form: CatalogForm = {
      ...FORM,
      fields: [
        field('t', 'text', { maxLength: 8, pattern: '^[a-z]+$' }),
        field('n', 'number', { min: -3, max: 7 }),
        field('c', 'multiple_choice', { choices: [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }] }),
      ],
    };
    await fc.assert(
      fc.asyncProperty(fc.record({ t: fc.oneof(fc.string(), fc.integer()), n: fc.oneof(fc.double(), fc.string()), c: fc.array(fc.oneof(fc.constantFrom('a', 'b', 'Alpha', 'beta'), fc.string())) }, { requiredKeys: [] }), async (answers) => {
        const result = await checkFormAnswers(form, answers).then((checked) => checked, () => undefined);
        if (result === undefined) return;
        const values = byId(result);
        if (values.t !== undefined) expect(values.t).toMatch(/^[a-z]{1,8}$/);
        if (values.n !== undefined) expect((values.n as number) >= -3 && (values.n as number) <= 7).toBe(true);
        for (const choice of (values.c as { id: string }[] | undefined) ?? []) expect(['a', 'b']).toContain(choice.id);
      }),
    );
  });
});

describe('catalog inputs', () => {
  it('requires forUser in submit options and refuses unknown keys', () => {
    expect(parseInput(CatalogSubmitOptionsSchema, { forUser: 'ann@example.com', idempotencyKey: 'chat-1' })).toEqual({ forUser: 'ann@example.com', idempotencyKey: 'chat-1' });
    expect(() => parseInput(CatalogSubmitOptionsSchema, {}, 'options')).toThrow(/options\.forUser/);
    expect(() => parseInput(CatalogSubmitOptionsSchema, { forUser: { id: 'x' }, forUsr: 1 }, 'options')).toThrow(/options\.forUsr: is not a known field/);
  });

  it('checks the choices query', () => {
    expect(parseInput(ChoicesQuerySchema, { answers: { model: '10' }, search: '  mac ' })).toEqual({ answers: { model: '10' }, search: 'mac' });
    expect(() => parseInput(ChoicesQuerySchema, { answers: 'x' }, 'query')).toThrow(/query\.answers/);
    expect(() => parseInput(ChoicesQuerySchema, { search: 'a\u0000' }, 'query')).toThrow(/query\.search/);
  });
});
