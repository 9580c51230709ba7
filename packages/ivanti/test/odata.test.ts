import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { ODataFilter, formatLiteral, odata } from '../src/index.js';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).provider).toBe('ivanti');
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('literals', () => {
  it('quotes strings with doubled single quotes, writes numbers, booleans and dates bare, null as $NULL', () => {
    expect(formatLiteral("O'Brien", 'value')).toBe("'O''Brien'");
    expect(formatLiteral("''", 'value')).toBe("''''''");
    expect(formatLiteral(12345, 'value')).toBe('12345');
    expect(formatLiteral(-1.5, 'value')).toBe('-1.5');
    expect(formatLiteral(true, 'value')).toBe('true');
    expect(formatLiteral(new Date('2026-01-01T00:00:00Z'), 'value')).toBe('2026-01-01T00:00:00.000Z');
    expect(formatLiteral(odata.date('2026-01-01'), 'value')).toBe('2026-01-01');
    expect(formatLiteral(null, 'value')).toBe("'$NULL'");
  });

  it("refuses the text '$NULL' (Ivanti would read null), numbers that need an exponent, and invalid dates", () => {
    expect(inputError(() => odata.eq('Owner', '$NULL')).message).toMatch(/pass null/);
    inputError(() => odata.eq('Owner', '$null'));
    inputError(() => odata.eq('Count', 1e21));
    inputError(() => odata.eq('Count', Number.NaN));
    inputError(() => odata.gt('CreatedDateTime', new Date('nope')));
    inputError(() => odata.date('2026-13-45'));
    inputError(() => odata.date('yesterday'));
  });
});

describe('the builder', () => {
  it('writes comparisons and joins them with and / or', () => {
    expect(odata.eq('Status', 'Active').text).toBe("Status eq 'Active'");
    expect(String(odata.and(odata.eq('Status', 'Active'), odata.ne('Owner', null)))).toBe("Status eq 'Active' and Owner ne '$NULL'");
    expect(String(odata.or(odata.eq('Priority', '1'), odata.eq('Priority', '2')))).toBe("Priority eq '1' or Priority eq '2'");
    expect(odata.anyOf('Status', ['Logged', 'Active']).text).toBe("Status eq 'Logged' or Status eq 'Active'");
    expect(JSON.stringify({ filter: odata.lt('IncidentNumber', 10) })).toBe('{"filter":"IncidentNumber lt 10"}');
  });

  it('writes the one group of or-conditions first, wherever it was given', () => {
    const filter = odata.and(odata.eq('ProfileLink_RecID', '2F851094BFE5437C97D19871D1C539C7'), odata.anyOf('Status', ['Logged', 'Active']), odata.ge('LastModDateTime', new Date('2026-01-05T10:00:00Z')));
    expect(filter.text).toBe("(Status eq 'Logged' or Status eq 'Active') and ProfileLink_RecID eq '2F851094BFE5437C97D19871D1C539C7' and LastModDateTime ge 2026-01-05T10:00:00.000Z");
  });

  it('flattens nested and/or of one kind', () => {
    expect(odata.and(odata.and(odata.eq('A', 1), odata.eq('B', 2)), odata.eq('C', 3)).text).toBe('A eq 1 and B eq 2 and C eq 3');
    expect(odata.or(odata.or(odata.eq('A', 1), odata.eq('B', 2)), odata.eq('C', 3)).text).toBe('A eq 1 or B eq 2 or C eq 3');
    expect(odata.and(odata.eq('A', 1)).text).toBe('A eq 1');
  });

  it('refuses what Ivanti cannot read: two or-groups under and, an and inside an or', () => {
    const twoGroups = inputError(() => odata.and(odata.anyOf('A', [1, 2]), odata.anyOf('B', [1, 2])));
    expect(twoGroups.field).toBe('filter');
    expect(twoGroups.message).toMatch(/parentheses only at the start/);
    expect(inputError(() => odata.or(odata.eq('A', 1), odata.and(odata.eq('B', 2), odata.eq('C', 3)))).message).toMatch(/'and' inside an 'or'/);
  });

  it('refuses bad field names, operators, null with an ordering operator, and empty lists', () => {
    expect(inputError(() => odata.eq("Subject') or (1", 'x')).field).toBe('field');
    inputError(() => odata.eq('', 'x'));
    inputError(() => odata.lt('Owner', null));
    inputError(() => odata.anyOf('Status', []));
    inputError(() => odata.and());
    inputError(() => odata.or('Status eq 1' as unknown as ODataFilter));
  });

  it('keeps a Date as it was when the filter was made', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    const filter = odata.gt('CreatedDateTime', when);
    when.setUTCFullYear(2030);
    expect(filter.text).toBe('CreatedDateTime gt 2026-01-01T00:00:00.000Z');
  });

  it('recognises a filter from another copy of the package', () => {
    const foreign = Object.defineProperty({ text: 'A eq 1' }, Symbol.for('@itsm/ivanti/odata-filter'), { value: true });
    expect(ODataFilter.isFilter(foreign)).toBe(true);
    expect(ODataFilter.isFilter({ text: 'A eq 1' })).toBe(false);
  });
});

describe('odata.parse', () => {
  it('reads the dialect: comparisons, and, or, strings with doubled quotes, numbers, bare dates, booleans, $NULL', () => {
    expect(odata.parse("LastName eq 'O''Brien' and IncidentNumber gt 10").text).toBe("LastName eq 'O''Brien' and IncidentNumber gt 10");
    expect(odata.parse('CreatedDateTime gt 2026-01-01 and PublishToWeb eq TRUE').text).toBe('CreatedDateTime gt 2026-01-01 and PublishToWeb eq true');
    expect(odata.parse('LastModDateTime ge 2025-01-01T10:00:00.000Z').text).toBe('LastModDateTime ge 2025-01-01T10:00:00.000Z');
    expect(odata.parse("Owner EQ '$NULL'").text).toBe("Owner eq '$NULL'");
    expect(odata.parse('Owner ne null').text).toBe("Owner ne '$NULL'");
    expect(odata.parse('  Status  eq  \'Active\'  ').text).toBe("Status eq 'Active'");
  });

  it('moves a group to the start where and allows it', () => {
    expect(odata.parse("Status eq 'Active' and (Priority eq '1' or Priority eq '2')").text).toBe("(Priority eq '1' or Priority eq '2') and Status eq 'Active'");
    expect(odata.parse("(Priority eq '1' or Priority eq '2') and Status eq 'Active'").text).toBe("(Priority eq '1' or Priority eq '2') and Status eq 'Active'");
    expect(odata.parse("((Status eq 'A'))").text).toBe("Status eq 'A'");
  });

  it("refuses functions and not, which Ivanti silently ignores (returning every row)", () => {
    const contains = inputError(() => odata.parse("contains(Subject,'printer')"));
    expect(contains.field).toBe('filter');
    expect(contains.message).toMatch(/contains\(\).*silently ignores.*every row/);
    expect(contains.message).toMatch(/at character 1/);
    inputError(() => odata.parse("startswith(Subject,'VPN') and Status eq 'Active'"));
    inputError(() => odata.parse("Status eq 'Active' and year(CreatedDateTime) eq 2026"));
    expect(inputError(() => odata.parse("not (Status eq 'Closed')")).message).toMatch(/not/);
    inputError(() => odata.parse("not Status eq 'Closed'"));
  });

  it("refuses what Ivanti misreads: and after or, groups it cannot write first", () => {
    inputError(() => odata.parse("Status eq 'Logged' or Status eq 'Active' and Priority eq '1'"));
    inputError(() => odata.parse("(A eq 1 and B eq 2) or (C eq 3 and D eq 4)"));
    inputError(() => odata.parse('(A eq 1 or B eq 2) and (C eq 3 or D eq 4)'));
  });

  it('refuses other operators, typed literals, field-to-field comparisons, and broken text', () => {
    inputError(() => odata.parse("Status in ('A','B')"));
    inputError(() => odata.parse('Count add 1 eq 2'));
    expect(inputError(() => odata.parse("CreatedDateTime gt datetime'2026-01-01T00:00:00'")).message).toMatch(/typed literal/);
    inputError(() => odata.parse("RecId eq guid'05B5CD2D-FAE5-4D86-A04C-74DBF616C1DE'"));
    inputError(() => odata.parse('Owner eq LastModBy'));
    inputError(() => odata.parse("Subject eq 'unterminated"));
    inputError(() => odata.parse('Status eq'));
    inputError(() => odata.parse("(Status eq 'A'"));
    inputError(() => odata.parse("Status eq 'A')"));
    inputError(() => odata.parse(''));
    inputError(() => odata.parse('Status eq 2026-01-99x'));
    inputError(() => odata.parse('Status eq "double"'));
    inputError(() => odata.parse("Subject eq '$NULL' or Subject eq 'x'; DROP"));
  });
});
