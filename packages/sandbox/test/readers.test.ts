import { describe, expect, it } from 'vitest';
import { booleanParam, createRequestReaders, isJsonObject, listParam, type RequestProblem } from '../src/readers.js';
import { createSimRequest } from '../src/request.js';
import { SimResponseError, type SimResponse } from '../src/simulator.js';

// A factory that echoes the problem, so each test sees exactly what the reader reported.
const read = createRequestReaders((problem) => ({ status: 422, body: problem }));

function problemOf(action: () => unknown): RequestProblem {
  try {
    action();
  } catch (error) {
    if (error instanceof SimResponseError) return error.response.body as RequestProblem;
    throw error;
  }
  throw new Error('the reader did not fail');
}

const post = (body: string) => createSimRequest({ method: 'POST', target: '/', body });
const get = (target: string) => createSimRequest({ target });

describe('createRequestReaders', () => {
  it('throws the factory\'s response as a SimResponseError', () => {
    const ivanti = createRequestReaders((problem): SimResponse => ({ status: 400, body: { code: 'ISM_4000', message: [problem.message] } }));
    let thrown: unknown;
    try {
      ivanti.jsonObject(post(''));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SimResponseError);
    expect((thrown as SimResponseError).response).toEqual({ status: 400, body: { code: 'ISM_4000', message: ['The request body is empty; a JSON value is required.'] } });
  });

  it('reads a JSON body, any value or an object', () => {
    expect(read.json(post('[1, 2]'))).toEqual([1, 2]);
    expect(read.json(post(' "text" '))).toBe('text');
    expect(read.jsonObject(post('{"a": {"b": 1}}'))).toEqual({ a: { b: 1 } });
  });

  it('reports an empty body, malformed JSON and a JSON value that is not an object', () => {
    expect(problemOf(() => read.json(post('  \n')))).toEqual({ kind: 'empty-body', message: 'The request body is empty; a JSON value is required.' });
    expect(problemOf(() => read.jsonObject(post('')))).toMatchObject({ kind: 'empty-body' });
    const malformed = problemOf(() => read.json(post('{"a":')));
    expect(malformed).toMatchObject({ kind: 'malformed-json', parameter: undefined, detail: expect.any(String) });
    expect(malformed.message).toMatch(/^The request body is not valid JSON: /);
    for (const body of ['[1]', '"x"', '3', 'null']) {
      expect(problemOf(() => read.jsonObject(post(body)))).toEqual({ kind: 'not-an-object', message: 'The request body must be a JSON object.', parameter: undefined });
    }
  });

  it('reads a JSON object from a query parameter, and reports a missing, malformed or non-object one', () => {
    const search = encodeURIComponent('{"filter":[{"op":"exist","field":"id"}]}');
    expect(read.jsonObjectParam(get(`/Tickets/query?search=${search}`), 'search')).toEqual({ filter: [{ op: 'exist', field: 'id' }] });
    expect(problemOf(() => read.jsonObjectParam(get('/q'), 'search'))).toEqual({ kind: 'missing-parameter', message: "The 'search' parameter is required.", parameter: 'search' });
    expect(problemOf(() => read.jsonObjectParam(get('/q?search=%20'), 'search'))).toMatchObject({ kind: 'missing-parameter' });
    expect(problemOf(() => read.jsonObjectParam(get('/q?search={'), 'search'))).toMatchObject({ kind: 'malformed-json', parameter: 'search', message: expect.stringMatching(/^The 'search' parameter is not valid JSON: /) });
    expect(problemOf(() => read.jsonObjectParam(get('/q?search=[]'), 'search'))).toEqual({ kind: 'not-an-object', message: "The 'search' parameter must be a JSON object.", parameter: 'search' });
  });

  it('reads integers, with the fallback for an absent or empty parameter', () => {
    expect(read.integer(get('/?n=42'), 'n', 7)).toBe(42);
    expect(read.integer(get('/?n=-3'), 'n', 7)).toBe(-3);
    expect(read.integer(get('/?n=%2012%20'), 'n', 7)).toBe(12);
    expect(read.integer(get('/'), 'n', 7)).toBe(7);
    expect(read.integer(get('/?n='), 'n', 7)).toBe(7);
  });

  it('reports a value that is not an integer', () => {
    for (const value of ['1.5', 'abc', '1e3', '+1', '0x10', '--1']) {
      expect(problemOf(() => read.integer(get(`/?n=${encodeURIComponent(value)}`), 'n', 0))).toEqual({
        kind: 'not-an-integer',
        message: `The 'n' parameter must be an integer (got '${value}').`,
        parameter: 'n',
        value,
      });
    }
  });

  it('reports an integer outside its range, both ends inclusive', () => {
    const top = (value: string) => read.integer(get(`/?$top=${value}`), '$top', 25, { min: 1, max: 100 });
    expect(top('1')).toBe(1);
    expect(top('100')).toBe(100);
    expect(problemOf(() => top('101'))).toEqual({ kind: 'out-of-range', message: "The '$top' parameter must be from 1 to 100 (got 101).", parameter: '$top', value: 101, min: 1, max: 100 });
    expect(problemOf(() => top('0'))).toMatchObject({ kind: 'out-of-range', value: 0 });
    expect(problemOf(() => read.integer(get('/?skip=-1'), 'skip', 0, { min: 0 })).message).toBe("The 'skip' parameter must be at least 0 (got -1).");
    expect(problemOf(() => read.integer(get('/?n=6'), 'n', 0, { max: 5 })).message).toBe("The 'n' parameter must be at most 5 (got 6).");
    expect(read.integer(get('/'), 'n', 500, { max: 5 })).toBe(500); // the fallback is the simulator's own choice
  });
});

describe('query helpers', () => {
  it('listParam reads comma lists and repeated parameters', () => {
    expect(listParam(get('/?fields=a,%20b&fields=c,,'), 'fields')).toEqual(['a', 'b', 'c']);
    expect(listParam(get('/?fields='), 'fields')).toEqual([]);
    expect(listParam(get('/'), 'fields')).toBeUndefined();
  });

  it('booleanParam reads true/false in any case, else the fallback', () => {
    expect(booleanParam(get('/?x=TRUE'), 'x', false)).toBe(true);
    expect(booleanParam(get('/?x=false'), 'x', true)).toBe(false);
    expect(booleanParam(get('/?x=yes'), 'x', true)).toBe(true);
    expect(booleanParam(get('/?x=yes'), 'x', false)).toBe(false);
    expect(booleanParam(get('/'), 'x', true)).toBe(true);
  });

  it('isJsonObject accepts plain objects only', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject('x')).toBe(false);
  });
});
