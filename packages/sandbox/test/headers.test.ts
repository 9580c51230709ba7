import { describe, expect, it } from 'vitest';
import { headerOf, withDefaultHeaders } from '../src/headers.js';

describe('response header helpers', () => {
  it('headerOf finds a header by any case and joins repeated values', () => {
    const response = { status: 200, headers: { 'Content-Type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] } };
    expect(headerOf(response, 'content-type')).toBe('text/plain');
    expect(headerOf(response, 'SET-COOKIE')).toBe('a=1, b=2');
    expect(headerOf(response, 'x-missing')).toBeUndefined();
    expect(headerOf({ status: 204 }, 'x')).toBeUndefined();
  });

  it('withDefaultHeaders adds what is missing, keeps what the response sets, lower-cases every name', () => {
    const response = { status: 201, headers: { 'Content-Type': 'text/csv', 'X-Own': 'mine' }, body: 'a,b' };
    expect(withDefaultHeaders(response, { 'content-type': 'application/json', 'X-Request-Id': 'r-1', 'x-own': 'default', 'x-absent': undefined })).toEqual({
      status: 201,
      headers: { 'content-type': 'text/csv', 'x-request-id': 'r-1', 'x-own': 'mine' },
      body: 'a,b',
    });
    expect(withDefaultHeaders({ status: 204 }, { vary: ['a', 'b'] })).toEqual({ status: 204, headers: { vary: ['a', 'b'] } });
  });
});
