/**
 * The pieces of the `raw` and `customFields` connector options: the schemas accept exactly the
 * documented values, `keepRaw` and `keepCustomFields` keep what the options say (everything by default).
 */
import { describe, expect, it } from 'vitest';
import { CustomFieldSelectionSchema, keepCustomFields, keepRaw, RawModeSchema } from '../../src/provider/index.js';

describe('raw', () => {
  it('accepts full and none only', () => {
    expect(RawModeSchema.parse('full')).toBe('full');
    expect(RawModeSchema.parse('none')).toBe('none');
    for (const bad of ['lean', '', 'FULL', true, null, 1]) expect(RawModeSchema.safeParse(bad).success, String(bad)).toBe(false);
  });

  it('keeps the payload itself unless told none', () => {
    const payload = { id: 7, fields: { summary: 'VPN' } };
    expect(keepRaw(payload)).toBe(payload);
    expect(keepRaw(payload, 'full')).toBe(payload);
    expect(keepRaw(payload, 'none')).toBeUndefined();
  });
});

describe('customFields', () => {
  it("accepts 'all' or a list of non-empty names", () => {
    expect(CustomFieldSelectionSchema.parse('all')).toBe('all');
    expect(CustomFieldSelectionSchema.parse([])).toEqual([]);
    expect(CustomFieldSelectionSchema.parse([' customfield_10020 '])).toEqual(['customfield_10020']);
    for (const bad of ['some', [''], ['a', 7], 5, null, { a: 1 }]) expect(CustomFieldSelectionSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('keeps every field in order by default, only the named ones from a list', () => {
    const fields: [string, unknown][] = [
      ['customfield_10021', { id: '10031' }],
      ['customfield_10020', 'Major'],
      ['customfield_10040', 'IT-1'],
    ];
    expect(Object.entries(keepCustomFields(fields))).toEqual(fields);
    expect(keepCustomFields(fields, 'all')).toEqual(Object.fromEntries(fields));
    expect(keepCustomFields(fields, ['customfield_10040', 'customfield_10020', 'nope'])).toEqual({ customfield_10020: 'Major', customfield_10040: 'IT-1' });
    expect(keepCustomFields(fields, [])).toEqual({});
  });
});
