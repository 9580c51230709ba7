/**
 * The helpdesk bot's job, end to end against the sandbox's Ivanti simulator (with its late
 * `LastModDateTime` stamps): check the service account, find the employee, serve the request
 * offerings with their direct links, raise an incident, reply publicly and note internally, attach a
 * file, work the incident through Active → Waiting for Customer → Resolved → Closed (with what
 * Ivanti requires at each step), log a request the bot solved, list the person's tickets with
 * links, pick every change up, and raise a service request from an offering with its form.
 */
import { AmbiguousMatchError, NotFoundError, type Ticket } from '@itsm/core';
import { startSandbox, type ivanti as simulator, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentUploadError, ClosedRecordError, PromptRequiredError, createIvantiConnector, type IvantiConnector } from '../../src/index.js';

let sb: Sandbox;
let ivanti: IvantiConnector;
let facts: simulator.IvantiFacts;

function ivantiState(): simulator.IvantiState {
  return sb.state('ivanti');
}

beforeAll(async () => {
  sb = await startSandbox({ providers: ['ivanti'] });
  facts = ivantiState().facts;
  ivanti = createIvantiConnector({ ...sb.connectorOptions('ivanti'), serviceAccount: ivantiState().facts.serviceAccount.loginId });
});
afterAll(() => sb.close());

describe('the helpdesk bot flow on Ivanti', { timeout: 60_000 }, () => {
  let cursor: string;
  let incident: Ticket;

  it('checks the service account: every check passes with writes on, but knowledge, which the tenant lacks', async () => {
    const state = ivantiState();
    const writer = createIvantiConnector({ ...sb.connectorOptions('ivanti'), serviceAccount: state.facts.serviceAccount.loginId, verifyWrites: true });
    const report = await writer.verifyAccess();
    const statuses = Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
    expect(report.ok).toBe(true);
    expect(statuses).toEqual({
      credentials: 'pass',
      'service-account': 'pass',
      'employees.read': 'pass',
      'incidents.read': 'pass',
      'service-requests.read': 'pass',
      'knowledge.read': 'warn',
      'offerings.read': 'pass',
      'offerings.available': 'pass',
      'idempotency.fields': 'pass',
      'acting-account': 'pass',
      'incident.status': 'pass',
      'service-request.status': 'pass',
      'journal.write': 'pass',
      'attachment.write': 'pass',
    });
    expect(report.checks.find((check) => check.id === 'credentials')?.detail).toContain(`${sb.url('ivanti')}/HEAT`);
  });

  it('reports what a key with the wrong role lacks, with fixes', async () => {
    const state = ivantiState();
    const limited = createIvantiConnector({ ...sb.connectorOptions('ivanti'), apiKey: state.facts.limitedKey.apiKey, verifyWrites: true });
    const report = await limited.verifyAccess();
    const byId = new Map(report.checks.map((check) => [check.id, check]));
    expect(report.ok).toBe(false);
    expect(byId.get('service-requests.read')?.status).toBe('warn');
    expect(byId.get('offerings.read')?.status).toBe('warn');
    expect(byId.get('incident.status')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/Edit access to Incident/) });
    expect(byId.get('incident.status')?.detail).toMatch(/does not have rights to create object Incident/);
    for (const check of report.checks) if (check.status !== 'pass') expect(check.fix, check.id).toBeTruthy();
  });

  it('starts watching for changes now, and finds the employee behind an e-mail', async () => {
    ({ cursor } = await ivanti.tickets.changes());
    const user = await ivanti.users.findByEmail(facts.knownRequester.email.toUpperCase());
    expect(user).toMatchObject({ id: facts.knownRequester.recId, email: facts.knownRequester.email, name: facts.knownRequester.displayName, active: true, kind: 'employee' });
    expect((await ivanti.users.get(facts.inactiveEmployee.recId)).active).toBe(false);
    await expect(ivanti.users.findByEmail(facts.ambiguousEmail)).rejects.toBeInstanceOf(AmbiguousMatchError);
  });

  it('serves the offerings available to the employee, each with a direct link that opens it', async () => {
    const items = await ivanti.catalog.list({ forUser: facts.knownRequester.email }).toArray({ limit: 50 });
    expect(items.map((item) => item.name)).toContain(facts.laptopOffering.name);
    expect(items.map((item) => item.name)).not.toContain(facts.financeOffering.name);
    expect(items.map((item) => item.name)).not.toContain(facts.draftOffering.name);
    const laptop = items.find((item) => item.id === facts.laptopOffering.templateRecId);
    expect(laptop?.url).toBe(`${sb.url('ivanti')}/HEAT/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=${facts.laptopOffering.templateRecId}`);
    const page = await (await fetch(laptop!.url!)).text();
    expect(page).toContain(facts.laptopOffering.name);
    expect(page).toContain(facts.laptopOffering.templateRecId);
    const finance = await ivanti.catalog.list({ forUser: facts.financeEmployee.email }).toArray({ limit: 50 });
    expect(finance.map((item) => item.name)).toContain(facts.financeOffering.name);
    expect(await ivanti.catalog.list({ forUser: 'nobody@example.invalid' }).toArray({ limit: 5 })).toEqual([]);
  });

  it('raises an incident for the employee, with a Self Service link', async () => {
    incident = await ivanti.tickets.create({
      subject: 'VPN disconnects every hour',
      description: 'Reported through the chat bot.\nThe client drops the tunnel every 60 minutes.',
      requester: facts.knownRequester.email,
      priority: 'medium',
    });
    expect(incident).toMatchObject({
      provider: 'ivanti',
      type: 'incident',
      status: { category: 'open', native: { name: 'Logged' } },
      priority: { level: 'medium', native: { name: '3' } },
      requester: { id: facts.knownRequester.recId, email: facts.knownRequester.email },
      team: { name: 'Service Desk' },
    });
    expect(incident.key).toMatch(/^INC-\d+$/);
    expect(incident.url).toBe(`${sb.url('ivanti')}/HEAT/Default.aspx?Scope=SelfService&CommandId=Open&Tab=Incident%23&ItemId=${incident.id}`);
    expect(await (await fetch(incident.url!)).text()).toContain(`Incident ${incident.id}`);
    expect((await ivanti.tickets.get(incident.key)).id).toBe(incident.id);
  });

  it('replies publicly and notes internally: only the reply is published to the customer', async () => {
    await ivanti.comments.add(incident.key, { body: 'Thanks, we are looking into it.' });
    await ivanti.comments.add(incident.id, { body: 'Gateway logs show idle timeouts at 60 min.', visibility: 'internal' });
    const listed = await ivanti.comments.list(incident.id).toArray({ limit: 10 });
    // Ivanti stamps notes to the second: two notes of one second come back in no set order.
    expect(listed.map((comment) => [comment.body, comment.visibility]).sort()).toEqual([
      ['Gateway logs show idle timeouts at 60 min.', 'internal'],
      ['Thanks, we are looking into it.', 'public'],
    ]);
    const published = await ivanti.client.journalNotes.forRecord(incident.id, { publicOnly: true }).toArray({ limit: 10 });
    expect(published.map((note) => note.NotesBody)).toEqual(['Thanks, we are looking into it.']);
  });

  it('attaches the chat transcript, and a file type the tenant refuses is an AttachmentUploadError', async () => {
    const transcript = '[09:14] my VPN keeps dropping\n';
    const attachment = await ivanti.attachments.upload(incident.id, { filename: 'chat-transcript.txt', content: new TextEncoder().encode(transcript), contentType: 'text/plain' });
    expect(attachment.filename).toBe('chat-transcript.txt');
    expect((await ivanti.attachments.list(incident.key).toArray({ limit: 10 })).map((file) => file.id)).toEqual([attachment.id]);
    expect(new TextDecoder().decode(await ivanti.attachments.download(incident.id, attachment.id))).toBe(transcript);
    const refused = await ivanti.attachments.upload(incident.id, { filename: 'trace.log', content: new Uint8Array([120]) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AttachmentUploadError);
    expect(refused).toMatchObject({ outcome: 'not_applied' });
  });

  it('works the incident: Active (with a category and the bot as owner), Waiting for Customer, Resolved (with resolution and cause code)', async () => {
    let ticket = await ivanti.tickets.transition(incident.id, 'in_progress');
    expect(ticket.status.native.name).toBe('Active');
    expect(ticket.assignee).toMatchObject({ name: facts.serviceAccount.loginId });
    expect(ticket.customFields).toMatchObject({ Category: 'General Support' });
    ticket = await ivanti.tickets.transition(incident.id, 'waiting_for_user', { comment: 'Does it still drop after the update?' });
    expect(ticket.status).toMatchObject({ category: 'waiting_for_user', native: { name: 'Waiting for Customer' } });
    ticket = await ivanti.tickets.transition(incident.id, 'resolved', { comment: 'Idle timeout raised to 8 hours.' });
    expect(ticket.status.native.name).toBe('Resolved');
    expect(ticket.customFields).toMatchObject({ Resolution: 'Idle timeout raised to 8 hours.', CauseCode: 'Other' });
    expect(ticket.resolvedAt).toMatch(/Z$/);
  });

  it('without a cause code to give, a resolve is a PromptRequiredError that says what to set', async () => {
    const { defaultCauseCode: _cause, ...options } = sb.connectorOptions('ivanti');
    const bare = createIvantiConnector(options);
    const other = await bare.tickets.create({ subject: 'Printer jams', requester: facts.knownRequester.email });
    const error = await bare.tickets.transition(other.id, 'resolved').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PromptRequiredError);
    expect((error as PromptRequiredError).fields).toContain('Cause Code');
    expect((error as Error).message).toMatch(/defaultCauseCode/);
  });

  it('closes it; a closed incident is final: no update, no transition', async () => {
    const closed = await ivanti.tickets.transition(incident.id, 'closed');
    expect(closed.status).toMatchObject({ category: 'closed', native: { name: 'Closed' } });
    await expect(ivanti.tickets.update(incident.id, { subject: 'late edit' })).rejects.toBeInstanceOf(ClosedRecordError);
    await expect(ivanti.tickets.transition(incident.id, 'open')).rejects.toBeInstanceOf(ClosedRecordError);
    await expect(ivanti.client.incidents.update(facts.closedIncident.recId, { Subject: 'late edit' })).rejects.toBeInstanceOf(ClosedRecordError);
  });

  it('logs a request the bot solved by itself, as a resolved service request', async () => {
    const logged = await ivanti.tickets.create({
      type: 'service_request',
      subject: 'Password reset via self-service',
      requester: facts.knownRequester.email,
      status: 'resolved',
    });
    expect(logged).toMatchObject({ type: 'service_request', status: { category: 'resolved', native: { name: 'Fulfilled' } } });
    expect(logged.key).toMatch(/^SR-\d+$/);
  });

  it("lists the person's recent tickets, both kinds, newest first", async () => {
    const recent = await ivanti.tickets.list({ requester: facts.knownRequester.email }).take(10).toArray({ limit: 10 });
    expect(recent.length).toBeGreaterThan(2);
    expect(new Set(recent.map((ticket) => ticket.type))).toEqual(new Set(['incident', 'service_request']));
    for (let index = 1; index < recent.length; index++) {
      expect(Date.parse(recent[index - 1]!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(recent[index]!.updatedAt));
    }
    for (const ticket of recent) expect(ticket.requester?.id).toBe(facts.knownRequester.recId);
    const open = await ivanti.tickets.list({ requester: facts.knownRequester.email, categories: ['open'], type: 'incident' }).toArray({ limit: 200 });
    for (const ticket of open) expect(ticket.status.native.name).toBe('Logged');
  });

  it('picks up every change since it started watching, although Ivanti stamps them a minute late', async () => {
    const lag = ivantiState().settings.lastModLagMs;
    expect(lag).toBeGreaterThan(0);
    const { tickets } = await ivanti.tickets.changes({ cursor });
    expect(tickets.map((ticket) => ticket.id)).toContain(incident.id);
    const last = tickets.filter((ticket) => ticket.id === incident.id).at(-1);
    expect(last?.status.category).toBe('closed');
    // The incident's stamps lie before the moment the bot started watching.
    expect(Date.parse(incident.createdAt)).toBeLessThan(Date.now() - lag + 5_000);
  });

  it('reads tickets by key and number; a bare number both kinds have is ambiguous; a missing one is not found', async () => {
    const resolved = await ivanti.tickets.get(`INC-${facts.resolvedIncident.number}`);
    expect(resolved.id).toBe(facts.resolvedIncident.recId);
    const request = await ivanti.tickets.get(`sr-${facts.serviceRequestWithParams.number}`);
    expect(request.id).toBe(facts.serviceRequestWithParams.recId);
    const shared = await ivanti.tickets.get(String(facts.serviceRequestWithParams.number)).catch((error: unknown) => error);
    expect(shared instanceof AmbiguousMatchError || (shared as Ticket).id === facts.serviceRequestWithParams.recId).toBe(true);
    await expect(ivanti.tickets.get('INC-99999999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('raises a service request from an offering with its form, as Self Service does', async () => {
    const { client } = ivanti;
    const [offering] = (await client.requestOfferings.available(facts.knownRequester.recId)).filter((entry) => entry.strRecId === facts.laptopOffering.templateRecId);
    const form = await client.requestOfferings.form(facts.laptopOffering.templateRecId);
    const manager = form.parameters.find((parameter) => parameter.name === 'Manager')!;
    const [someone] = await client.requestOfferings.validationList(manager, { query: facts.agent.displayName });
    const submitted = await client.serviceRequests.submit({
      offering: offering!,
      requester: facts.knownRequester.recId,
      answers: {
        DeviceType: 'Laptop',
        DeviceModel: 'ThinkPad T14 Gen 4',
        Accessories: ['Docking station', 'Headset'],
        NeededBy: '2026-03-02',
        BusinessJustification: 'The old laptop has a broken hinge.',
        CostCenter: 'CC-1234',
        Manager: someone!.value,
      },
      fields: { Subject: 'New laptop' },
    });
    const stored = await client.serviceRequests.related(submitted.recId, 'ServiceReqContainsServiceReqParam').toArray({ limit: 50 });
    const answers = Object.fromEntries(stored.map((row) => [row.ParameterName, row.ParameterValue]));
    expect(answers).toMatchObject({ DeviceType: 'Laptop', DeviceModel: 'ThinkPad T14 Gen 4', Accessories: 'Docking station~^Headset', CostCenter: 'CC-1234' });
    const ticket = await ivanti.tickets.get(submitted.recId);
    expect(ticket).toMatchObject({ type: 'service_request', key: `SR-${submitted.number}`, requester: { id: facts.knownRequester.recId } });
    const refused = await client.serviceRequests.submit({ offering: offering!, requester: facts.knownRequester.recId, answers: { DeviceType: 'Laptop', DeviceModel: 'Surface Pro 9' } }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ field: 'answers.DeviceModel' });
  });
});
