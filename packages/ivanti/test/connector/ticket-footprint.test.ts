/**
 * What tickets keep (`raw`, `customFields`): the default keeps everything, as before; `raw: 'none'`
 * keeps the model without the payload; a `customFields` list keeps only the fields it names; bad
 * values are refused before anything is built.
 */
import { InputError, type Ticket } from '@itsm/core';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIvantiConnector, type IvantiConnectorOptions } from '../../src/index.js';

let sb: Sandbox;
const connector = (extra: Record<string, unknown> = {}) => createIvantiConnector({ ...sb.connectorOptions('ivanti'), ...extra } as unknown as IvantiConnectorOptions);

beforeAll(async () => {
  sb = await startSandbox({ providers: ['ivanti'] });
});
afterAll(() => sb.close());

function refusal(extra: Record<string, unknown>): InputError {
  try {
    connector(extra);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const withoutRaw = ({ raw: _raw, ...rest }: Ticket) => rest;
const listed = (extra: Record<string, unknown> = {}) => connector(extra).tickets.list().take(60).toArray({ limit: 60 });

describe('what tickets keep', { timeout: 30_000 }, () => {
  it('refuses bad raw and customFields values, naming them and the provider', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ raw: 'lean' }, 'raw'],
      [{ raw: false }, 'raw'],
      [{ customFields: 'some' }, 'customFields'],
      [{ customFields: 5 }, 'customFields'],
      [{ customFields: [''] }, 'customFields.0'],
      [{ customFields: ['Category', 7] }, 'customFields'],
    ];
    for (const [extra, field] of cases) {
      const error = refusal(extra);
      expect(error.field, JSON.stringify(extra)).toBe(field);
      if (field === 'customFields') expect(error.message).toContain("must be 'all' or a list of field names");
      expect(error.provider).toBe('ivanti');
    }
  });

  it('keeps the payload and every custom field by default, as raw: full with customFields: all does', async () => {
    const [byDefault, explicit] = await Promise.all([listed(), listed({ raw: 'full', customFields: 'all' })]);
    expect(byDefault.length).toBeGreaterThan(50);
    expect(explicit).toEqual(byDefault);
    for (const ticket of byDefault) expect(ticket.raw).toMatchObject({ RecId: expect.any(String), Subject: expect.any(String) });
    expect(byDefault.some((ticket) => Object.keys(ticket.customFields).length > 0)).toBe(true);
  });

  it('keeps no payload with raw: none, and everything else as by default (list, get, create)', async () => {
    const lean = connector({ raw: 'none' });
    const [byDefault, without] = await Promise.all([listed(), listed({ raw: 'none' })]);
    expect(without.every((ticket) => ticket.raw === undefined)).toBe(true);
    expect(without.map(withoutRaw)).toEqual(byDefault.map(withoutRaw));
    const one = await lean.tickets.get(byDefault[0]?.id ?? '');
    expect(one.raw).toBeUndefined();
    expect(withoutRaw(one)).toEqual(withoutRaw(byDefault[0] as Ticket));
    const created = await lean.tickets.create({ subject: 'Kept lean', requester: sb.state('ivanti').facts.knownRequester.email });
    expect(created.raw).toBeUndefined();
    expect(created.subject).toBe('Kept lean');
  });

  it('keeps only the custom fields a customFields list names, [] none', async () => {
    const names = ['Category', 'no-such-field'];
    const [byDefault, picked, none] = await Promise.all([listed(), listed({ customFields: names }), listed({ raw: 'none', customFields: [] })]);
    const pick = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([name]) => names.includes(name)));
    expect(picked.map((ticket) => ticket.customFields)).toEqual(byDefault.map((ticket) => pick(ticket.customFields)));
    expect(picked.some((ticket) => 'Category' in ticket.customFields)).toBe(true);
    expect(picked.map((ticket) => ticket.raw)).toEqual(byDefault.map((ticket) => ticket.raw));
    expect(none.every((ticket) => Object.keys(ticket.customFields).length === 0 && ticket.raw === undefined)).toBe(true);
  });
});
