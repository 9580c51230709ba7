import {
  ApiError,
  AuthenticationError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { describeAutotaskError } from '../../src/index.js';
import { API, ZONE, api, errorSurface, expectNoSecret, failure, fixedClient, page, useNock } from './support.js';

useNock();

const IIS_404 = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html><head><title>404 - File or directory not found.</title></head><body></body></html>';
const THREADS = 'Thread Threshold Exceeded — The Autotask API thread threshold of 3 threads has been exceeded. Method: POST Tickets. Error code: Itgenatr005';

describe('Autotask error shapes', () => {
  it('{"errors": [...]} on a 500 write is a ValidationError, not applied, with the text verbatim', async () => {
    const message = 'Value does not reference an existing entity for queueID. ';
    const calls = api('POST', '/Tickets', [500, { errors: [message] }]);
    const error = (await failure(fixedClient({ maxRetries: 3 }).tickets.create({ title: 'x' }))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 500, method: 'POST', messages: [message], outcome: 'not_applied', url: `${ZONE}${API}/Tickets`, provider: 'autotask' });
    expect(error.message).toBe(`POST /Tickets failed with 500 Internal Server Error: ${message}`);
    expect(calls).toHaveLength(1);
  });

  it('a 500 without Autotask\'s body is a ServerError: a read is retried, a write says its outcome is unknown', async () => {
    const reads = api('GET', '/Tickets/1', [[500, 'Service Unavailable'], [200, { item: { id: 1 } }]]);
    expect(await fixedClient().tickets.get(1)).toMatchObject({ id: 1 });
    expect(reads).toHaveLength(2);
    api('PATCH', '/Tickets', [500, '']);
    const error = await failure(fixedClient({ maxRetries: 0 }).tickets.update(1, { title: 'x' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ outcome: 'unknown' });
  });

  it('500 "IntegrationCode is invalid." is an AuthenticationError naming the trackingId option', async () => {
    api('GET', '/Tickets/1', [500, { errors: ['IntegrationCode is invalid.'] }]);
    const error = await failure(fixedClient().tickets.get(1));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 500, messages: ['IntegrationCode is invalid.'] });
    expect((error as Error).message).toMatch(/trackingId/);
    expectNoSecret(errorSurface(error));
  });

  it('500 "Zone information could not be determined" on a call is an AuthenticationError too', async () => {
    api('GET', '/Tickets/1', [500, { errors: ['Zone information could not be determined'] }]);
    await expect(fixedClient().tickets.get(1)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('401 says to check the secret, and never shows it', async () => {
    api('GET', '/Tickets/1', [401, '']);
    const error = await failure(fixedClient().tickets.get(1));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/check the secret/);
    expectNoSecret(errorSurface(error));
  });

  it('500 "does not have the adequate permissions" is a PermissionError', async () => {
    api('POST', '/Companies/query', [500, { errors: ['The logged in Resource does not have the adequate permissions to query this entity type.'] }]);
    await expect(fixedClient().companies.query({ filter: { op: 'exist', field: 'id' } }).toArray({ limit: 1 })).rejects.toBeInstanceOf(PermissionError);
  });

  it('500 "No matching records found" is a NotFoundError', async () => {
    api('DELETE', '/Tickets/7/Attachments/9', [500, { errors: ['No message. No matching records found. The logged in Resource may not have the required permissions to delete the data.'] }]);
    const error = await failure(fixedClient().ticketAttachments.delete(7, 9));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ outcome: 'not_applied' });
  });

  it('{"item": null} is a NotFoundError', async () => {
    api('GET', '/Tickets/404', [200, { item: null }]);
    const error = await failure(fixedClient().tickets.get(404));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/Tickets has no record 404/);
  });

  it("ASP.NET's {\"Message\": ...} (405) keeps its text", async () => {
    api('GET', '/TicketNotes/query', [405, { Message: "The requested resource does not support http method 'GET'." }]);
    const error = (await failure(fixedClient().request('GET', '/TicketNotes/query'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 405, messages: ["The requested resource does not support http method 'GET'."] });
  });

  it("IIS's HTML 404 is a NotFoundError that says the route does not exist", async () => {
    api('POST', '/TicketNotes', [404, IIS_404, { 'content-type': 'text/html' }]);
    const error = (await failure(fixedClient().entity('TicketNotes').create({ ticketID: 1 }))) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.messages).toEqual(['Autotask has no such endpoint (it answered with a 404 page)']);
    expect(error.message).toMatch(/\/Tickets\/\{id\}\/Notes/);
  });

  it('a plain-text body gives its first line', async () => {
    api('GET', '/Tickets/1', [400, 'The request is invalid.\nmore detail', { 'content-type': 'text/plain' }]);
    const error = await failure(fixedClient().tickets.get(1));
    expect(error).toMatchObject({ status: 400, messages: ['The request is invalid.'] });
  });

  it('the thread limit (Itgenatr005, a 500) is a RateLimitError: a query waits and retries', async () => {
    const calls = api('POST', '/Tickets/query', [[500, { errors: [THREADS] }], [200, page([{ id: 1 }])]]);
    expect(await fixedClient().tickets.query({ filter: { op: 'eq', field: 'id', value: 1 } }).toArray({ limit: 5 })).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('a write refused by the thread limit is not retried, and says it was not applied', async () => {
    const calls = api('POST', '/Tickets', [500, { errors: [THREADS] }]);
    const error = (await failure(fixedClient({ maxRetries: 3 }).tickets.create({ title: 'x' }))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 500, reason: 'thread-limit', outcome: 'not_applied' });
    expect(calls).toHaveLength(1);
  });

  it('429 with Retry-After is waited out for a query, and its wait is on the error when it is too long', async () => {
    const calls = api('POST', '/Tickets/query/count', [[429, { errors: ['API Request Threshold Exceeded.'] }, { 'retry-after': '0' }], [200, { queryCount: 4 }]]);
    expect(await fixedClient().tickets.count({ filter: { op: 'exist', field: 'id' } })).toBe(4);
    expect(calls).toHaveLength(2);
    api('POST', '/Tickets/query/count', [429, { errors: ['API Request Threshold Exceeded.'] }, { 'retry-after': '1800' }]);
    const error = (await failure(fixedClient({ maxRetries: 3 }).tickets.count({ filter: { op: 'exist', field: 'id' } }))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 1_800_000, reason: 'hourly-threshold', outcome: 'not_applied' });
  });

  it('describes the shapes without a request', () => {
    const info = { headers: new Headers(), method: 'GET', url: `${ZONE}${API}/Tickets/1` };
    expect(describeAutotaskError({ ...info, status: 500, body: { errors: ['a', 'b'] } })).toMatchObject({ messages: ['a', 'b'], errorClass: ValidationError });
    expect(describeAutotaskError({ ...info, status: 405, body: { Message: 'm', MessageDetail: 'd' } })).toEqual({ messages: ['m', 'd'] });
    expect(describeAutotaskError({ ...info, status: 502, body: '<html>bad gateway</html>' })).toEqual({});
  });
});
