/**
 * The connector's options: strict (an unknown key is an InputError naming it), the client's own
 * options checked by the client, a ready client accepted, capabilities following the options.
 */
import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { JiraCloudClient, createJiraConnector, type JiraConnectorOptions } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE } from '../client/support.js';

const base = { baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, projectKey: 'HELP' };

function inputError(options: unknown): InputError {
  try {
    createJiraConnector(options as JiraConnectorOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).provider).toBe('jira-cloud');
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('createJiraConnector options', () => {
  it('builds a connector from the client options, or from a client', () => {
    const connector = createJiraConnector({ ...base, serviceDeskId: '1', requestTypeId: '2' });
    expect(connector.provider).toBe('jira-cloud');
    expect(connector.projectKey).toBe('HELP');
    expect(connector.client.baseUrl).toBe(SITE);
    expect(connector.capabilities).toEqual({
      catalog: true,
      attachments: true,
      internalComments: true,
      userSearch: true,
      createIdempotency: 'after-write',
      commentIdempotency: 'atomic',
      submitIdempotency: 'after-write',
    });
    expect(createJiraConnector(base).capabilities.createIdempotency).toBe('atomic');
    const client = new JiraCloudClient({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN });
    const withClient = createJiraConnector({ client, projectKey: 'HELP' });
    expect(withClient.client).toBe(client);
    expect(withClient.capabilities.catalog).toBe(false);
  });

  it('names a missing or malformed project key', () => {
    expect(inputError({ ...base, projectKey: undefined }).field).toBe('projectKey');
    expect(inputError({ ...base, projectKey: 'HELP" OR 1=1' }).field).toBe('projectKey');
  });

  it('names an unknown option instead of ignoring it', () => {
    expect(inputError({ ...base, serviceDeskID: '1' }).field).toBe('serviceDeskID');
    expect(inputError({ client: new JiraCloudClient({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN }), projectKey: 'HELP', apiToken: 'x' }).field).toBe('apiToken');
  });

  it('checks the mappings and ids', () => {
    expect(inputError({ ...base, statusMap: { Pending: 'waiting' } }).field).toBe('statusMap.Pending');
    expect(inputError({ ...base, typeMap: { Bug: 'defect' } }).field).toBe('typeMap.Bug');
    expect(inputError({ ...base, serviceDeskId: 'desk-1' }).field).toBe('serviceDeskId');
    expect(inputError({ ...base, requestTypeId: '1' }).field).toBe('serviceDeskId');
    expect(inputError({ ...base, overlapMs: -1 }).field).toBe('overlapMs');
  });

  it('lets the client check its own options', () => {
    expect(inputError({ ...base, email: 'not-an-email' }).field).toBe('email');
    expect(inputError({ ...base, baseUrl: 'http://acme.atlassian.net' }).field).toBe('baseUrl');
  });
});
