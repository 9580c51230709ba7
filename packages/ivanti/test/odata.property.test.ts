// No value can change a filter's structure: whatever the values, the filter text reads back (with
// odata.parse, which checks the dialect as Ivanti reads it) as the same comparisons in the same
// shape, with the same values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { odata, type ODataFilter, type ODataValue } from '../src/index.js';

const field = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/).filter((name) => !['and', 'or', 'not', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'true', 'false', 'null'].includes(name.toLowerCase()));
const operator = fc.constantFrom('eq', 'ne', 'lt', 'le', 'gt', 'ge' as const);
const nasty = fc.constantFrom("'", "''", "' or 1 eq 1 or '", ')', '(', ' and ', ' or ', 'contains(Subject,', 'not ', '$NULL x', '\n', '\u00e9\u4e2d', '%27', '\\');
const text = fc.oneof(fc.string(), fc.array(nasty).map((parts) => parts.join('')), fc.tuple(fc.string(), nasty, fc.string()).map((parts) => parts.join(''))).filter((value) => value.toLowerCase() !== '$null' && !value.includes('\u0000'));
const value: fc.Arbitrary<ODataValue> = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((n) => !/e/i.test(String(n))),
  fc.boolean(),
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }),
  fc.constant(null),
);

const comparison = fc.tuple(field, operator, value).map(([name, op, item]) => (item === null ? odata[op === 'eq' || op === 'ne' ? op : 'eq'](name, item) : odata[op](name, item)));

/** A filter Ivanti can read: one comparison, an or of comparisons, or an and with at most one or-group. */
const filter: fc.Arbitrary<ODataFilter> = fc.oneof(
  comparison,
  fc.array(comparison, { minLength: 2, maxLength: 4 }).map((items) => odata.or(...items)),
  fc.tuple(fc.option(fc.array(comparison, { minLength: 2, maxLength: 3 }), { nil: undefined }), fc.array(comparison, { minLength: 1, maxLength: 4 }), fc.nat())
    .map(([group, items, at]) => {
      const parts = [...items];
      if (group !== undefined) parts.splice(at % (parts.length + 1), 0, odata.or(...group));
      return odata.and(...parts);
    }),
);

describe('the filter builder (property)', () => {
  it('reads back the same structure and values, whatever the values', () => {
    fc.assert(
      fc.property(filter, (built) => {
        const again = odata.parse(built.text);
        expect(again.node).toEqual(built.node);
        expect(again.text).toBe(built.text);
      }),
      { numRuns: 500 },
    );
  });

  it('quotes every string with its quotes doubled, and nothing else', () => {
    fc.assert(
      fc.property(field, text, (name, item) => {
        const written = odata.eq(name, item).text;
        expect(written).toBe(`${name} eq '${item.replaceAll("'", "''")}'`);
      }),
    );
  });

  it('writes dates bare and null as $NULL', () => {
    fc.assert(
      fc.property(field, fc.date({ noInvalidDate: true, min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z') }), (name, when) => {
        expect(odata.ge(name, when).text).toBe(`${name} ge ${when.toISOString()}`);
        expect(odata.eq(name, null).text).toBe(`${name} eq '$NULL'`);
      }),
    );
  });
});
