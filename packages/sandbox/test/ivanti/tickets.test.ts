import { describe, expect, it } from 'vitest';
import { type Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 80 });

type Json = Record<string, unknown>;

async function newIncident(extra: Json = {}): Promise<Json & { RecId: string }> {
  const reply = await ctx.call('POST', '/api/odata/businessobject/incidents', {
    json: { Subject: 'VPN drops every hour', Symptom: 'The VPN client disconnects every hour.', ProfileLink_RecID: ctx.state.facts.knownRequester.recId, ProfileLink_Category: 'Employee', ...extra },
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body();
}

describe('incidents', () => {
  it('creates one (201) with the engine\'s defaults, counter, customer fields and stamps', async () => {
    const { knownRequester, serviceAccount } = ctx.state.facts;
    const before = ctx.state.counters.incident;
    const incident = await newIncident({ Urgency: 'high', Impact: 'High', IncidentNumber: 1, CreatedBy: knownRequester.loginId });
    expect(incident).toMatchObject({
      '@odata.context': `${ctx.sb.url('ivanti')}/HEAT/api/odata/$metadata#incidents/$entity`,
      IncidentNumber: before,
      Status: 'Logged',
      Urgency: 'High',
      Impact: 'High',
      Priority: '1',
      OwnerTeam: 'Service Desk',
      ProfileLink: knownRequester.recId,
      ProfileLink_RecID: knownRequester.recId,
      ProfileLink_Category: 'Employee',
      ProfileFullName: knownRequester.displayName,
      Email: knownRequester.email,
      LoginId: knownRequester.loginId,
      CreatedBy: knownRequester.loginId,
      LastModBy: serviceAccount.loginId,
      ReadOnly: false,
      IsInFinalState: false,
    });
    expect(incident.RecId).toMatch(/^[0-9A-F]{32}$/);
    expect(incident.Status_Valid).toMatch(/^[0-9A-F]{32}$/);
    expect(incident.CreatedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const read = await ctx.call('GET', `/api/odata/businessobject/incidents('${incident.RecId.toLowerCase()}')`);
    expect(read.body<Json>().Subject).toBe('VPN drops every hour');
  });

  it('names every missing required field by its display name, at once', async () => {
    const reply = await ctx.call('POST', '/api/odata/businessobject/incidents', { json: { Subject: 'Only a subject' } });
    expect(reply.status).toBe(400);
    expect(reply.body()).toEqual({
      code: 'ISM_4000',
      description: 'Invalid Request Payload',
      message: ['Required field Incident.Description value must be provided.', 'Required field Incident.Customer value must be provided.'],
      help: '',
    });
  });

  it('refuses an empty body, an unknown field, a wrong type, and a customer that does not exist', async () => {
    const empty = await ctx.call('POST', '/api/odata/businessobject/incidents', { body: '', headers: { 'content-type': 'application/json' } });
    expect(empty.body<{ message: string[] }>().message).toEqual(['Message body cannot be empty.']);
    const unknown = await ctx.call('POST', '/api/odata/businessobject/incidents', { json: { Sujbect: 'typo' } });
    expect(unknown.body<{ message: string[] }>().message).toEqual(["The field 'Sujbect' is not a field of business object 'Incident'."]);
    const wrongType = await ctx.call('POST', '/api/odata/businessobject/incidents', { json: { Subject: 'x', Symptom: 'y', ProfileLink_RecID: ctx.state.facts.knownRequester.recId, FirstCallResolution: 'maybe' } });
    expect(wrongType.status).toBe(400);
    const ghost = await ctx.call('POST', '/api/odata/businessobject/incidents', { json: { Subject: 'x', Symptom: 'y', ProfileLink_RecID: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', ProfileLink_Category: 'Employee' } });
    expect(ghost.body<{ message: string[] }>().message).toEqual(["Record 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' cannot be found in the related business object 'Employee#'."]);
  });

  it('answers a value a validation list does not hold with 500 and an empty message', async () => {
    const incident = await newIncident();
    const reply = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Status: 'Pending' } });
    expect(reply.status).toBe(500);
    expect(reply.body()).toEqual({ code: 'ISM_5000', description: 'Internal server error', message: [''], help: '' });
  });

  it('updates only the fields sent (PATCH and PUT alike) and answers the full record', async () => {
    const incident = await newIncident();
    const patched = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Subject: 'Changed', Urgency: 'Low' } });
    expect(patched.status).toBe(200);
    expect(patched.body<Json>()).toMatchObject({ Subject: 'Changed', Urgency: 'Low', Priority: '4', Symptom: incident.Symptom });
    const put = await ctx.call('PUT', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Symptom: 'New description' } });
    expect(put.body<Json>()).toMatchObject({ Subject: 'Changed', Symptom: 'New description' });
    const missing = await ctx.call('PATCH', "/api/odata/businessobject/incidents('1234')", { json: { Subject: 'x' } });
    expect(missing.body<{ message: string[] }>().message).toEqual(["Record '1234' cannot be found in the business object 'incident'"]);
  });

  it('requires a category and an owner to go Active, in the same call or before', async () => {
    const incident = await newIncident();
    const refused = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Status: 'Active' } });
    expect(refused.status).toBe(400);
    expect(refused.body<{ message: string[] }>().message).toEqual(['Required field Incident.Category value must be provided.', 'Required field Incident.Owner value must be provided.']);
    const { agent } = ctx.state.facts;
    const active = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Status: 'Active', Category: 'VPN', Owner: agent.loginId.toUpperCase() } });
    expect(active.body<Json>()).toMatchObject({ Status: 'Active', Category: 'VPN', Owner: agent.loginId, OwnerEmail: agent.email, OwnerType: 'Employee' });
  });

  it('gates resolving behind a prompt: without Resolution and CauseCode it is 400 with DataLayer.PromptException', async () => {
    const incident = await newIncident();
    const refused = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Status: 'Resolved' } });
    expect(refused.status).toBe(400);
    const body = refused.body<{ code: string; description: string; message: string[] }>();
    expect(body.code).toBe('ISM_4000');
    expect(body.description).toBe('Invalid Request Payload');
    expect(body.message[0]).toMatch(/^DataLayer\.PromptException: /);
    expect(body.message[0]).not.toMatch(/invalid key|not found|does not exist/i);
    const resolved = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Status: 'Resolved', Resolution: 'Reset the VPN profile', CauseCode: 'Configuration' } });
    expect(resolved.body<Json>()).toMatchObject({ Status: 'Resolved', ResolvedBy: ctx.state.facts.serviceAccount.loginId, ReadOnly: false });
    expect(resolved.body<Json>().ResolvedDateTime).not.toBeNull();
    const closed = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Status: 'Closed' } });
    expect(closed.body<Json>()).toMatchObject({ Status: 'Closed', ReadOnly: true, IsInFinalState: false });
  });

  it('creates an already-solved incident when the create carries the resolution', async () => {
    const solved = await newIncident({ Status: 'Resolved', Resolution: 'Solved by the bot', CauseCode: 'Session Reset' });
    expect(solved).toMatchObject({ Status: 'Resolved', Resolution: 'Solved by the bot', CauseCode: 'Session Reset' });
  });

  it('refuses to delete a closed incident, yet accepts and stores a PATCH to it (the SDK must refuse that itself)', async () => {
    const { closedIncident } = ctx.state.facts;
    const remove = await ctx.call('DELETE', `/api/odata/businessobject/incidents('${closedIncident.recId}')`);
    expect(remove.status).toBe(400);
    const patch = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${closedIncident.recId}')`, { json: { Subject: 'Edited after closing' } });
    expect(patch.status).toBe(200);
    expect(patch.body<Json>()).toMatchObject({ Subject: 'Edited after closing', Status: 'Closed', ReadOnly: true });
  });

  it('deletes an open incident (204), after which it is an invalid key', async () => {
    const incident = await newIncident();
    expect((await ctx.call('DELETE', `/api/odata/businessobject/incidents('${incident.RecId}')`)).status).toBe(204);
    expect((await ctx.call('GET', `/api/odata/businessobject/incidents('${incident.RecId}')`)).status).toBe(400);
  });

  it('lists a requester\'s tickets by ProfileLink_RecID', async () => {
    const { knownRequester } = ctx.state.facts;
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$top=100&$filter=ProfileLink_RecID eq '${knownRequester.recId}'`);
    const rows = reply.body<Page>().value;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.ProfileLink_RecID).toBe(knownRequester.recId);
  });
});

describe('the tenant\'s custom field IdempotencyKey', () => {
  it('is on incidents, service requests and notes: written on create, filtered with eq (without case), listed in $metadata', async () => {
    const { knownRequester } = ctx.state.facts;
    const incident = await newIncident({ IdempotencyKey: 'Chat-4711' });
    expect(incident.IdempotencyKey).toBe('Chat-4711');
    const found = await ctx.call('GET', "/api/odata/businessobject/incidents?$filter=IdempotencyKey eq 'chat-4711'");
    expect(found.body<Page>().value.map((row) => row.RecId)).toEqual([incident.RecId]);
    const request = await ctx.call('POST', '/api/odata/businessobject/servicereqs', {
      json: { Subject: 'A monitor', Symptom: 'A second monitor.', ProfileLink_RecID: knownRequester.recId, ProfileLink_Category: 'Employee', IdempotencyKey: 'chat-4712' },
    });
    expect(request.body<Json>().IdempotencyKey).toBe('chat-4712');
    const note = await ctx.call('POST', '/api/odata/businessobject/journal__notess', {
      json: { Subject: 'Reply', NotesBody: 'On it.', ParentLink_RecID: incident.RecId, ParentLink_Category: 'Incident', IdempotencyKey: 'chat-4713' },
    });
    expect(note.body<Json>().IdempotencyKey).toBe('chat-4713');
    const notes = await ctx.call('GET', `/api/odata/businessobject/journal__notess?$filter=ParentLink_RecID eq '${incident.RecId}' and IdempotencyKey eq 'chat-4713'`);
    expect(notes.body<Page>().value.map((row) => row.NotesBody)).toEqual(['On it.']);
    const metadata = await ctx.call('GET', '/api/odata/incidents/$metadata', { headers: { accept: 'application/xml' } });
    expect(metadata.text).toContain('Name="IdempotencyKey"');
  });
});

describe('service requests', () => {
  it('creates one through OData (no offering form) and moves it through its statuses', async () => {
    const created = await ctx.call('POST', '/api/odata/businessobject/servicereqs', {
      json: { Symptom: 'Need a new headset', ProfileLink_RecID: ctx.state.facts.knownRequester.recId, ProfileLink_Category: 'Employee', Urgency: 'Low' },
    });
    expect(created.status).toBe(201);
    const request = created.body<Json & { RecId: string }>();
    expect(request).toMatchObject({ Status: 'Submitted', IsDraft: false, Cancelable: true, ProfileLoginId: ctx.state.facts.knownRequester.loginId });
    for (const status of ['Active', 'Waiting for Customer', 'Fulfilled', 'Closed']) {
      const moved = await ctx.call('PATCH', `/api/odata/businessobject/servicereqs('${request.RecId}')`, { json: { Status: status } });
      expect(moved.body<Json>().Status, status).toBe(status);
    }
    const final = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${request.RecId}')`);
    expect(final.body<Json>()).toMatchObject({ ReadOnly: true, IsEditable: false });
  });

  it('numbers requests on their own counter', async () => {
    const incident = ctx.state.counters.incident;
    const request = ctx.state.counters.serviceReq;
    const created = await ctx.call('POST', '/api/odata/businessobject/servicereqs', { json: { Symptom: 'x', ProfileLink_RecID: ctx.state.facts.knownRequester.recId } });
    expect(created.body<Json>().ServiceReqNumber).toBe(request);
    expect(ctx.state.counters.incident).toBe(incident);
  });
});

describe('employees', () => {
  it('finds people by e-mail without regard to case, including two records that share one', async () => {
    const { knownRequester, ambiguousEmail } = ctx.state.facts;
    const one = await ctx.call('GET', `/api/odata/businessobject/employees?$filter=PrimaryEmail eq '${knownRequester.email.toUpperCase()}'`);
    expect(one.body<Page>().value.map((row) => row.RecId)).toEqual([knownRequester.recId]);
    const two = await ctx.call('GET', `/api/odata/businessobject/employees?$filter=PrimaryEmail eq '${ambiguousEmail}'`);
    expect(two.body<Page>().value.map((row) => row.Status).sort()).toEqual(['Active', 'Terminated']);
  });

  it('is read-only to the service account\'s role', async () => {
    const reply = await ctx.call('POST', '/api/odata/businessobject/employees', { json: { LoginID: 'new.person', LastName: 'Person', PrimaryEmail: 'new.person@example.com' } });
    expect(reply.body<{ message: string[] }>().message).toEqual(['Role HelpdeskBot does not have rights to create object Employee#.']);
  });

  it('exposes the same people as Frs_CompositeContract_Contacts, sharing their RecIds', async () => {
    const { knownRequester } = ctx.state.facts;
    const reply = await ctx.call('GET', `/api/odata/businessobject/Frs_CompositeContract_Contacts?$filter=NetworkUserName eq '${knownRequester.loginId}'`);
    expect(reply.body<Page>().value).toMatchObject([{ RecId: knownRequester.recId, DisplayName: knownRequester.displayName }]);
  });
});

describe('journal notes', () => {
  it('adds a note to a ticket through journal__notess, internal by default, and lists it by parent', async () => {
    const incident = await newIncident();
    const created = await ctx.call('POST', '/api/odata/businessobject/journal__notess', {
      json: { Subject: 'Update from the helpdesk bot', NotesBody: 'We have reset your password.', ParentLink_RecID: incident.RecId, ParentLink_Category: 'incident' },
    });
    expect(created.status).toBe(201);
    expect(created.body<Json>()).toMatchObject({
      '@odata.context': `${ctx.sb.url('ivanti')}/HEAT/api/odata/$metadata#journal__notess/$entity`,
      JournalType: 'Notes',
      Category: 'Memo',
      PublishToWeb: false,
      ParentLink_Category: 'Incident',
      DisplayText: 'Update from the helpdesk bot We have reset your password.',
    });
    await ctx.call('POST', '/api/odata/businessobject/journal__notess', { json: { Subject: 'For you', NotesBody: 'Visible', ParentLink_RecID: incident.RecId, PublishToWeb: true } });
    const all = await ctx.call('GET', `/api/odata/businessobject/journal__notess?$filter=ParentLink_RecID eq '${incident.RecId}'&$orderby=CreatedDateTime asc`);
    expect(all.body<Page>().value.map((row) => row.NotesBody)).toEqual(['We have reset your password.', 'Visible']);
    const visible = await ctx.call('GET', `/api/odata/businessobject/journal__notess?$filter=ParentLink_RecID eq '${incident.RecId}' and PublishToWeb eq true`);
    expect(visible.body<Page>().value.map((row) => row.NotesBody)).toEqual(['Visible']);
  });

  it('reads e-mails too through the group (journals, IncidentContainsJournal), but only notes through journal__notess', async () => {
    const withEmail = [...ctx.state.tables.journals.rows()].find((row) => row.JournalType === 'Email');
    expect(withEmail).toBeDefined();
    const parent = String(withEmail?.ParentLink_RecID);
    const group = await ctx.call('GET', `/api/odata/businessobject/journals?$filter=ParentLink_RecID eq '${parent}'`);
    expect(group.body<Page>().value.some((row) => row.JournalType === 'Email')).toBe(true);
    const notes = await ctx.call('GET', `/api/odata/businessobject/journal__notess?$top=100&$filter=ParentLink_RecID eq '${parent}'`);
    for (const row of notes.text === '' ? [] : notes.body<Page>().value) expect(row.JournalType).toBe('Notes');
  });

  it('needs a subject', async () => {
    const reply = await ctx.call('POST', '/api/odata/businessobject/journal__notess', { json: { NotesBody: 'No subject' } });
    expect(reply.body<{ message: string[] }>().message).toEqual(['Required field Journal.Summary value must be provided.']);
  });
});
