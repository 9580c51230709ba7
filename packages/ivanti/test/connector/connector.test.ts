// The connector's requests and decisions, against a nock'd tenant. The end-to-end behaviour (the bot
// flow, the conformance kit) runs against the sandbox's Ivanti simulator.
import { AmbiguousMatchError, InputError, NotFoundError, UnsupportedError } from '@itsm/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ClosedRecordError, IvantiClient, PromptRequiredError, createIvantiConnector, type IvantiConnectorOptions } from '../../src/index.js';
import { API_KEY, IDS, ODATA, TENANT, failure, incidentBody, ismError, route, useNock } from '../client/support.js';

useNock();

function connector(options: Partial<IvantiConnectorOptions> = {}) {
  return createIvantiConnector({ baseUrl: TENANT, apiKey: API_KEY, probe: false, retryDelay: { baseMs: 1, maxMs: 2 }, ...options } as IvantiConnectorOptions);
}

const SR = { ...incidentBody(), RecId: IDS.serviceRequest, IncidentNumber: undefined, ServiceReqNumber: 10196, Status: 'Submitted', '@odata.context': 'x' };

describe('options', () => {
  it('refuses bad settings and unknown keys, naming them', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'problem' }, 'type'],
      [{ statusMap: { Logged: 'pending' } }, 'statusMap.Logged'],
      [{ statusTargets: { incident: { reopened: 'Logged' } } }, 'statusTargets.incident.reopened'],
      [{ defaults: { incident: { 'Bad Name': 1 } } }, 'defaults.incident.Bad Name'],
      [{ defaultCauseCode: '' }, 'defaultCauseCode'],
      [{ overlapMs: -1 }, 'overlapMs'],
      [{ latenessMs: 10 * 60_000 }, 'latenessMs'],
      [{ latenessMs: 120_000, overlapMs: 60_000 }, 'latenessMs'],
      [{ idempotencyField: 'Idempotency Key' }, 'idempotencyField'],
      [{ noteIdempotencyField: '' }, 'noteIdempotencyField'],
      [{ lookupDelaysMs: [] }, 'lookupDelaysMs'],
      [{ attachmentMaxBytes: 0 }, 'attachmentMaxBytes'],
      [{ projectKey: 'HELP' }, 'projectKey'],
    ];
    for (const [settings, field] of cases) {
      let error: unknown;
      try {
        connector(settings as never);
      } catch (caught) {
        error = caught;
      }
      expect(error, field).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
    const client = new IvantiClient({ baseUrl: TENANT, apiKey: API_KEY });
    expect(() => createIvantiConnector({ client, apiKey: API_KEY } as never)).toThrow(InputError);
    expect(() => connector({ overlapMs: 60_000 })).not.toThrow(); // the lateness shrinks to the overlap
    expect(createIvantiConnector({ client }).client).toBe(client);
  });
});

describe('capabilities and limits', () => {
  it('keeps idempotency keys only in the fields the options name, and declares Ivanti\'s sizes', () => {
    const stock = connector();
    expect(stock.capabilities).toMatchObject({ createIdempotency: 'none', commentIdempotency: 'none' });
    expect(stock.limits).toEqual({ subject: 255, description: 1_000_000, comment: 1_000_000, attachmentBytes: 10 * 1024 * 1024 });
    const keyed = connector({ idempotencyField: 'IdempotencyKey', noteIdempotencyField: 'NoteKey', attachmentMaxBytes: 2_000_000 });
    expect(keyed.capabilities).toMatchObject({ createIdempotency: 'atomic', commentIdempotency: 'atomic' });
    expect(keyed.limits.attachmentBytes).toBe(2_000_000);
  });

  it('refuses a file over attachmentMaxBytes and text over the limits before any request', async () => {
    const small = connector({ attachmentMaxBytes: 4 });
    const upload = await failure(small.attachments.upload('INC-1', { filename: 'a.txt', content: new TextEncoder().encode('hello') }));
    expect(upload).toMatchObject({ name: 'InputError', field: 'file.content', provider: 'ivanti' });
    const subject = await failure(small.tickets.create({ subject: 'x'.repeat(256) }));
    expect(subject).toMatchObject({ name: 'InputError', field: 'input.subject' });
    const comment = await failure(small.tickets.transition('INC-1', 'resolved', { comment: 'x'.repeat(1_000_001) }));
    expect(comment).toMatchObject({ name: 'InputError', field: 'options.comment' });
  });

  it('refuses a key for the ticket or note field that is not configured, before any request', async () => {
    const keyed = connector({ idempotencyField: 'IdempotencyKey' });
    const note = await failure(keyed.comments.add('INC-1', { body: 'x' }, { idempotencyKey: 'chat-1' }));
    expect(note).toBeInstanceOf(UnsupportedError);
    expect((note as Error).message).toMatch(/noteIdempotencyField/);
    const field = await failure(keyed.tickets.create({ subject: 'x', providerFields: { IdempotencyKey: 'mine' } }));
    expect(field).toMatchObject({ name: 'InputError', field: 'input.providerFields.IdempotencyKey' });
  });
});

describe('finding tickets', () => {
  it('reads a RecId from incidents, then service requests, and remembers which it was', async () => {
    const incident = route('GET', `${ODATA}/incidents('${IDS.serviceRequest}')`, [400, ismError('ISM_4000', 'Invalid Request Payload', 'Invalid key')]);
    const request = route('GET', `${ODATA}/servicereqs('${IDS.serviceRequest}')`, [200, SR], { times: 2 });
    const ivanti = connector();
    const ticket = await ivanti.tickets.get(IDS.serviceRequest);
    expect(ticket).toMatchObject({ id: IDS.serviceRequest, key: 'SR-10196', type: 'service_request', status: { category: 'open', native: { name: 'Submitted' } } });
    expect(ticket.url).toBe(`${TENANT}/Default.aspx?Scope=SelfService&CommandId=Open&Tab=ServiceReq%23&ItemId=${IDS.serviceRequest}`);
    await ivanti.tickets.get(IDS.serviceRequest);
    expect(incident).toHaveLength(1);
    expect(request).toHaveLength(2);
  });

  it('reads a key from its kind by number; a bare number both kinds have is ambiguous', async () => {
    const byNumber = route('GET', `${ODATA}/incidents`, [200, { value: [incidentBody()] }], { times: 2 });
    expect((await connector().tickets.get('INC-12345')).id).toBe(IDS.incident);
    expect(byNumber[0]?.query.$filter).toBe('IncidentNumber eq 12345');
    route('GET', `${ODATA}/servicereqs`, [200, { value: [{ ...SR, ServiceReqNumber: 12345 }] }]);
    const error = await failure(connector().tickets.get('12345'));
    expect(error).toBeInstanceOf(AmbiguousMatchError);
    expect(error).toMatchObject({ matchIds: [IDS.incident, IDS.serviceRequest] });
    expect((error as Error).message).toMatch(/INC-12345 or SR-12345/);
  });

  it('a ticket that does not exist is a NotFoundError; a malformed id an InputError before any request', async () => {
    route('GET', `${ODATA}/servicereqs`, [200, '']);
    await expect(connector().tickets.get('SR-999999')).rejects.toBeInstanceOf(NotFoundError);
    route('GET', `${ODATA}/incidents('${IDS.missing}')`, [400, ismError('ISM_4000', 'Invalid Request Payload', 'Invalid key')]);
    route('GET', `${ODATA}/servicereqs('${IDS.missing}')`, [400, ismError('ISM_4000', 'Invalid Request Payload', 'Invalid key')]);
    await expect(connector().tickets.get(IDS.missing)).rejects.toBeInstanceOf(NotFoundError);
    await expect(connector().tickets.get('HELP-1')).rejects.toMatchObject({ field: 'idOrKey' });
  });
});

describe('writing tickets', () => {
  it('creates an incident with the requester, priority, team and defaults, the subject standing in for a missing description', async () => {
    route('GET', `${ODATA}/employees`, [200, { value: [{ RecId: IDS.employee, PrimaryEmail: 'ann.lee@example.com', LoginID: 'alee' }] }]);
    const create = route('POST', `${ODATA}/incidents`, [201, incidentBody()]);
    const ticket = await connector({ defaultTeam: 'Service Desk', defaults: { incident: { Source: 'Chat', Service: 'Service Desk' } } }).tickets.create({
      subject: 'VPN drops', requester: 'ann.lee@example.com', priority: 'high', providerFields: { Category: 'VPN' },
    });
    expect(ticket.key).toBe('INC-12345');
    expect(create[0]?.json()).toEqual({
      Source: 'Chat', Service: 'Service Desk', Category: 'VPN', Subject: 'VPN drops', Symptom: 'VPN drops',
      ProfileLink_RecID: IDS.employee, ProfileLink_Category: 'Employee', Urgency: 'High', Impact: 'Medium', OwnerTeam: 'Service Desk',
    });
  });

  it('refuses providerFields the input sets, and kinds it does not make', async () => {
    await expect(connector().tickets.create({ subject: 'x', providerFields: { Subject: 'y' } })).rejects.toMatchObject({ field: 'input.providerFields.Subject' });
    await expect(connector().tickets.create({ subject: 'x', providerFields: { Status: 'Active' } })).rejects.toMatchObject({ field: 'input.providerFields.Status' });
    await expect(connector().tickets.create({ subject: 'x', providerFields: { Note: { a: 1 } } })).rejects.toMatchObject({ field: 'input.providerFields.Note' });
    await expect(connector().tickets.create({ subject: 'x', type: 'change' })).rejects.toBeInstanceOf(UnsupportedError);
  });

  it('refuses to update a closed ticket before writing', async () => {
    route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, incidentBody({ Status: 'Closed', ReadOnly: true })]);
    const error = await failure(connector().tickets.update(IDS.incident, { subject: 'late' }));
    expect(error).toBeInstanceOf(ClosedRecordError);
  });

  it('resolves with Resolution and CauseCode; a prompt refusal says which setting to give', async () => {
    route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, incidentBody()], { times: 2 });
    const patch = route('PATCH', `${ODATA}/incidents('${IDS.incident}')`, [200, incidentBody({ Status: 'Resolved', Resolution: 'Reset the token', CauseCode: 'Other' })]);
    const note = route('POST', `${ODATA}/journal__notess`, [201, { RecId: IDS.note, NotesBody: 'Reset the token', PublishToWeb: true, CreatedDateTime: '2026-01-05T10:00:00Z' }]);
    const resolved = await connector({ defaultCauseCode: 'Other' }).tickets.transition(IDS.incident, 'resolved', { comment: 'Reset the token' });
    expect(resolved.status.category).toBe('resolved');
    expect(patch[0]?.json()).toEqual({ Status: 'Resolved', Resolution: 'Reset the token', CauseCode: 'Other' });
    expect(note[0]?.json()).toMatchObject({ NotesBody: 'Reset the token', PublishToWeb: true, ParentLink_Category: 'Incident' });

    route('PATCH', `${ODATA}/incidents('${IDS.incident}')`, [400, ismError('ISM_4000', 'Invalid Request Payload', "DataLayer.PromptException: Incident needs the prompted value(s) Cause Code to change the status to 'Resolved'.")]);
    const error = await failure(connector().tickets.transition(IDS.incident, 'resolved'));
    expect(error).toBeInstanceOf(PromptRequiredError);
    expect((error as Error).message).toMatch(/needs Cause Code.*defaultCauseCode/);
  });

  it('a closed ticket cannot move; moving to its own category writes nothing', async () => {
    route('GET', `${ODATA}/incidents('${IDS.incident}')`, [[200, incidentBody({ Status: 'Closed', ReadOnly: true })], [200, incidentBody()]]);
    await expect(connector().tickets.transition(IDS.incident, 'open')).rejects.toBeInstanceOf(ClosedRecordError);
    expect((await connector().tickets.transition(IDS.incident, 'open')).status.category).toBe('open');
  });
});

describe('lists and the catalog', () => {
  it('filters each kind (statuses first, as Ivanti needs) and merges them newest first', async () => {
    route('GET', `${ODATA}/employees`, [200, { value: [{ RecId: IDS.employee, PrimaryEmail: 'ann.lee@example.com' }] }]);
    const incidents = route('GET', `${ODATA}/incidents`, [200, { value: [incidentBody({ LastModDateTime: '2026-01-05T12:00:00Z' })] }]);
    const requests = route('GET', `${ODATA}/servicereqs`, [200, { value: [{ ...SR, LastModDateTime: '2026-01-05T13:00:00Z' }] }]);
    const tickets = await connector().tickets.list({ requester: 'ann.lee@example.com', categories: ['open'], updatedSince: '2026-01-01T00:00:00Z' }).toArray({ limit: 10 });
    expect(tickets.map((ticket) => ticket.key)).toEqual(['SR-10196', 'INC-12345']);
    expect(incidents[0]?.query).toMatchObject({
      $filter: `Status eq 'Logged' and ProfileLink_RecID eq '${IDS.employee}' and LastModDateTime ge 2026-01-01T00:00:00.000Z`,
      $orderby: 'LastModDateTime desc,RecId desc',
    });
    expect(requests[0]?.query.$filter).toBe(`(Status eq 'Draft' or Status eq 'Submitted') and ProfileLink_RecID eq '${IDS.employee}' and LastModDateTime ge 2026-01-01T00:00:00.000Z`);
  });

  it('lists nothing, without asking, for an e-mail nobody has or a type the connector does not keep', async () => {
    route('GET', `${ODATA}/employees`, [200, '']);
    expect(await connector().tickets.list({ requester: 'nobody@example.com' }).toArray({ limit: 10 })).toEqual([]);
    expect(await connector().tickets.list({ type: 'change' }).toArray({ limit: 10 })).toEqual([]);
    await expect(connector().tickets.list({ categories: ['pending' as never] }).toArray({ limit: 1 })).rejects.toMatchObject({ field: 'query.categories.0' });
  });

  it("serves the offerings available to an employee, each with its direct link", async () => {
    route('GET', `${ODATA}/employees`, [200, { value: [{ RecId: IDS.employee, PrimaryEmail: 'ann.lee@example.com' }] }]);
    route('GET', `/api/rest/Template/${IDS.employee}/_All_`, [200, [{ strSubscriptionId: IDS.subscription, strRecId: IDS.offering, strName: 'New Laptop Request', strCategory: 'Hardware', strDescription: '' }]]);
    const items = await connector().catalog.list({ forUser: 'ann.lee@example.com' }).toArray({ limit: 10 });
    expect(items).toEqual([{
      provider: 'ivanti', id: IDS.offering, name: 'New Laptop Request', category: 'Hardware',
      url: `${TENANT}/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=${IDS.offering}`,
      raw: expect.objectContaining({ strSubscriptionId: IDS.subscription }),
    }]);
    await expect(connector().catalog.list({ forUser: 'x@', other: 1 } as never).toArray({ limit: 1 })).rejects.toBeInstanceOf(InputError);
  });
});

describe('verifyAccess', () => {
  it('reports a refused key as a failure with the fix from the access requirements, the rest as not checked', async () => {
    route('GET', `${ODATA}/employees`, [401, ismError('ISM_4001', 'Invalid Session key or Authentication token or Host', 'Authentication required')]);
    const report = await connector().verifyAccess();
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ id: 'credentials', status: 'fail' });
    expect(report.checks[0]?.fix).toMatch(/Security Controls → API Keys.*On Behalf Of/);
    expect(report.checks.slice(1).every((check) => check.status === 'warn' && check.detail === 'Not checked: the API key did not work.')).toBe(true);
    nock.cleanAll();
  });
});
