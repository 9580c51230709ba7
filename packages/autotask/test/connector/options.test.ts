import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { AutotaskClient, createAutotaskConnector, type AutotaskConnectorOptions } from '../../src/index.js';

const credentials = { username: 'bot@acme.example', secret: 'secret-value', trackingId: 'TRACKING' };

function refusal(options: Record<string, unknown>): InputError {
  try {
    createAutotaskConnector(options as unknown as AutotaskConnectorOptions);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('connector options', () => {
  it('are checked before any request, naming the option and the provider', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...credentials, queueId: 'Level I' }, 'queueId'],
      [{ ...credentials, statusMap: { New: 'pending' } }, 'statusMap.New'],
      [{ ...credentials, defaults: { priorty: 'High' } }, 'defaults.priorty'],
      [{ ...credentials, transitionStatus: { unknown: 'New' } }, 'transitionStatus.unknown'],
      [{ ...credentials, publish: { everyone: 1 } }, 'publish.everyone'],
      [{ ...credentials, projectKey: 'HELP' }, 'projectKey'],
      [{ client: new AutotaskClient(credentials), secret: 'x' }, 'secret'],
      [{ client: {} }, 'client'],
      [{ ...credentials, secret: '' }, 'secret'],
    ];
    for (const [options, field] of cases) {
      const error = refusal(options);
      expect(error.field, field).toBe(field);
      expect(error.provider).toBe('autotask');
    }
  });

  it('take a ready client or the client options beside the settings', () => {
    const client = new AutotaskClient(credentials);
    expect(createAutotaskConnector({ client, queueId: 29682833 }).client).toBe(client);
    expect(createAutotaskConnector({ ...credentials, portalUrl: 'https://acme.itclientportal.com', statusMap: { 'On Hold': 'waiting_for_user' } }).links.hasPortal).toBe(true);
  });
});
