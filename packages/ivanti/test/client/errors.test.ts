import { ApiError, AuthenticationError, NotFoundError, PermissionError, ServerError, ValidationError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { PromptRequiredError, SCRUBBED as SCRUBBED_MARK, describeIvantiError, scrubIvantiInternals } from '../../src/index.js';
import { IDS, ODATA, client, errorSurface, expectNoSecret, failure, ismError, route, useNock } from './support.js';

useNock();

const RECORD = `${ODATA}/incidents('${IDS.incident}')`;

describe('Ivanti error shapes', () => {
  it('401 ISM_4001 is an AuthenticationError that says what to check', async () => {
    route('GET', RECORD, [401, ismError('ISM_4001', 'Invalid session key or session timed out', 'Authentication required')]);
    const error = (await failure(client().incidents.get(IDS.incident))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.messages).toEqual(['Authentication required']);
    expect(error.message).toMatch(/Reference ID of an activated REST API key.*\/HEAT/);
    expect(error.outcome).toBe('not_applied');
  });

  it('"Role X does not have rights to …" (400) is a PermissionError that says where to grant it', async () => {
    route('PATCH', RECORD, [400, ismError('ISM_4000', 'Invalid Request Payload', 'Role ReportViewer does not have rights to update following fields: Status')]);
    const error = await failure(client().incidents.update(IDS.incident, { Status: 'Active' }, { allowClosed: true }));
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as Error).message).toMatch(/Roles and Permissions/);
  });

  it('a prompt-gated status change (DataLayer.PromptException) is a PromptRequiredError naming the prompted fields', async () => {
    route('PATCH', RECORD, [400, ismError('ISM_4000', 'Invalid Request Payload', "DataLayer.PromptException: Incident needs the prompted value(s) Cause Code, Resolution to change the status to 'Resolved'. Run the quick action that prompts for them.")]);
    const error = (await failure(client().incidents.update(IDS.incident, { Status: 'Resolved' }, { allowClosed: true }))) as PromptRequiredError;
    expect(error).toBeInstanceOf(PromptRequiredError);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual(['Cause Code', 'Resolution']);
    expect(error.message).toMatch(/quick action/);
  });

  it('reads prompted fields from PromptData in the body too', () => {
    const described = describeIvantiError({
      status: 400, headers: new Headers(), method: 'PATCH', url: 'https://t/x',
      body: ismError('ISM_4000', 'Invalid Request Payload', 'Unhandled system exception: DataLayer.PromptException {"FieldName":"CauseCode","Required":true}'),
    });
    expect(described?.errorClass).toBe(PromptRequiredError);
  });

  it('404 ISM_4004 (a wrong path or object name) is a NotFoundError that says to check the name', async () => {
    route('GET', `${ODATA}/incident`, [404, ismError('ISM_4004', 'Requested resource not found', "No service for type 'Microsoft.OData.Edm.IEdmModel' has been registered.")]);
    const error = await failure(client().businessObject('incident').list().toArray({ limit: 1 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/incidents, servicereqs, journal__notess/);
  });

  it('a 500 without a message says it is usually a value outside a validation list', async () => {
    route('PATCH', RECORD, [500, ismError('ISM_5000', 'Internal server error', '')]);
    const error = await failure(client().incidents.update(IDS.incident, { Category: 'Nope' }, { allowClosed: true, maxRetries: 0 }));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toMatch(/validation list/);
    expect(error).toMatchObject({ outcome: 'unknown' });
  });

  it('removes the server internals an unhandled 500 leaks, from the message and the body', async () => {
    const leak = 'Unhandled system exception: {&quot;SessionId&quot;:&quot;tenant.ivanticloud.com#OV9HPH7EERP139GCVVLPNR5F8B1SDS64#2&quot;,&quot;TenantId&quot;:&quot;tenant.ivanticloud.com&quot;,&quot;LoginId&quot;:&quot;svc-bot&quot;,&quot;Hostname&quot;:&quot;app07&quot;,&quot;ClientIpAddress&quot;:&quot;10.1.2.3&quot;}';
    route('GET', RECORD, [500, { ...ismError('ISM_5000', 'Internal server error', leak), SessionId: 'tenant#SECRET#2' }], { times: 3 });
    const error = (await failure(client().incidents.get(IDS.incident))) as ApiError;
    const surface = errorSurface(error);
    for (const internal of ['OV9HPH7EERP139GCVVLPNR5F8B1SDS64', 'app07', '10.1.2.3', 'SECRET']) expect(surface).not.toContain(internal);
    expect(error.messages[0]).toContain(`SessionId&quot;:&quot;${SCRUBBED_MARK}`);
    expect(scrubIvantiInternals('"Hostname":"web01", plain')).toBe(`"Hostname":"${SCRUBBED_MARK}", plain`);
  });

  it('a 200 with IsSuccess: false is a ValidationError with the ErrorText, never a success', () => {
    const described = describeIvantiError({ status: 200, headers: new Headers(), method: 'POST', url: 'https://t/x', body: { IsSuccess: false, ErrorText: "The parameter 'CostCenter' is required.", ServiceRequests: [] } });
    expect(described?.messages).toEqual(["The parameter 'CostCenter' is required."]);
  });

  it('reads the other error shapes some endpoints use', async () => {
    route('GET', RECORD, [400, { error: { code: '', message: { lang: 'en-US', value: 'The query specified in the URI is not valid.' } } }]);
    expect(((await failure(client().incidents.get(IDS.incident))) as ApiError).messages).toEqual(['The query specified in the URI is not valid.']);
    route('GET', RECORD, [400, { Message: 'An error has occurred.' }]);
    expect(((await failure(client().incidents.get(IDS.incident))) as ApiError).messages).toEqual(['An error has occurred.']);
  });

  it('keeps the key out of every error surface', async () => {
    route('GET', RECORD, [400, ismError('ISM_4000', 'Bad Request', 'Invalid key')]);
    expectNoSecret(errorSurface(await failure(client().incidents.get(IDS.incident))));
  });
});
