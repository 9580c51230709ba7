/**
 * The connector's tickets against the sandbox, beyond the conformance kit: assignment with the
 * resource's role, updates of every field, the people a query names, and the refusals.
 */
import { AmbiguousMatchError, InputError, NotFoundError } from '@itsm/core';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAutotaskConnector, createZoneCache, type AutotaskConnector } from '../../src/index.js';

let sb: Sandbox;
let autotask: AutotaskConnector;
let facts: simulator.AutotaskFacts;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['autotask'] });
  facts = (sb.state('autotask') as simulator.AutotaskState).facts;
  autotask = createAutotaskConnector({ ...sb.connectorOptions('autotask'), zoneCache: createZoneCache(), defaults: { source: 'Web Portal', issueType: 'Network', subIssueType: 'VPN' } });
});
afterAll(() => sb.close());

describe('connector tickets', { timeout: 30_000 }, () => {
  it('assigns a ticket to a resource with its default role, and applies the defaults', async () => {
    const ticket = await autotask.tickets.create({ subject: 'New laptop', requester: { id: `contact:${facts.knownRequester.id}` }, assignee: facts.agent.email, team: 'Level II Support' });
    expect(ticket.assignee).toEqual({ id: `resource:${facts.agent.id}` });
    expect(ticket.team?.name).toBe('Level II Support');
    expect(ticket.raw).toMatchObject({ assignedResourceID: facts.agent.id, assignedResourceRoleID: facts.agent.roleId, source: 6, issueType: 3, subIssueType: 301 });
  });

  it('updates the fields given, clears the assignee, and keeps the rest', async () => {
    const ticket = await autotask.tickets.create({ subject: 'Printer jam', requester: facts.knownRequester.email, assignee: { id: `resource:${facts.agent.id}` } });
    const updated = await autotask.tickets.update(ticket.key, { subject: 'Printer jam, floor 2', description: 'Tray 2', priority: 'low', type: 'service_request', assignee: null, providerFields: { externalID: 'chat-4711' } });
    expect(updated).toMatchObject({ subject: 'Printer jam, floor 2', description: 'Tray 2', priority: { level: 'low' }, type: 'service_request', requester: { id: ticket.requester?.id } });
    expect(updated.assignee).toBeUndefined();
    expect(updated.raw).toMatchObject({ externalID: 'chat-4711' });
  });

  it('lists nothing for an email nobody has, and refuses an email two contacts share', async () => {
    expect(await autotask.tickets.list({ requester: 'nobody@nowhere.example' }).toArray({ limit: 10 })).toEqual([]);
    await expect(autotask.tickets.list({ requester: facts.duplicateEmail.email }).toArray({ limit: 10 })).rejects.toBeInstanceOf(AmbiguousMatchError);
    await expect(autotask.tickets.create({ subject: 'x', requester: facts.duplicateEmail.email })).rejects.toBeInstanceOf(AmbiguousMatchError);
  });

  it("lists an agent's tickets, oldest update first when asked", async () => {
    const tickets = await autotask.tickets.list({ assignee: facts.agent.email, order: 'updated_asc' }).toArray({ limit: 1_000 });
    expect(tickets.length).toBeGreaterThan(0);
    for (const ticket of tickets) expect(ticket.assignee?.id).toBe(`resource:${facts.agent.id}`);
    for (let index = 1; index < tickets.length; index++) expect(Date.parse(tickets[index]?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(tickets[index - 1]?.updatedAt ?? ''));
  });

  it('refuses what it cannot do, naming the field', async () => {
    await expect(autotask.tickets.create({ subject: 'x', requester: { id: `resource:${facts.agent.id}` } })).rejects.toMatchObject({ field: 'input.requester' });
    await expect(autotask.tickets.create({ subject: 'x', assignee: { id: `contact:${facts.knownRequester.id}` } })).rejects.toMatchObject({ field: 'input.assignee' });
    await expect(autotask.tickets.create({ subject: 'x', team: 'No Such Queue' })).rejects.toMatchObject({ field: 'input.team' });
    await expect(autotask.tickets.create({ subject: 'x'.repeat(256) })).rejects.toMatchObject({ field: 'input.subject' });
    await expect(autotask.tickets.create({ subject: 'x', providerFields: { title: 'y' } })).rejects.toMatchObject({ field: 'input.providerFields.title' });
    await expect(autotask.tickets.create({ subject: 'x', requester: 'nobody@nowhere.example' })).rejects.toBeInstanceOf(InputError);
    await expect(autotask.tickets.get('HELP-1')).rejects.toMatchObject({ field: 'idOrKey' });
    await expect(autotask.tickets.get('T20200101.9999')).rejects.toBeInstanceOf(NotFoundError);
    await expect(autotask.users.get('contact:999999999')).rejects.toBeInstanceOf(NotFoundError);
    await expect(autotask.attachments.download(String(facts.ticketWithAttachment.ticketId), 'x')).rejects.toMatchObject({ field: 'attachmentId' });
  });

  it('finds users by id with or without their kind, and by name', async () => {
    expect((await autotask.users.get(String(facts.knownRequester.id))).id).toBe(`contact:${facts.knownRequester.id}`);
    expect((await autotask.users.get(`resource:${facts.agent.id}`)).kind).toBe('agent');
    const found = await autotask.users.search(facts.agent.name.split(' ')[1] ?? '').toArray({ limit: 100 });
    expect(found.map((user) => user.id)).toContain(`resource:${facts.agent.id}`);
  });

  it('reads the seeded internal and public notes with their visibility', async () => {
    const { ticketId, publicNoteId, internalNoteId } = facts.ticketWithInternalNote;
    const comments = await autotask.comments.list(String(ticketId)).toArray({ limit: 100 });
    const visibility = new Map(comments.map((comment) => [comment.id, comment.visibility]));
    expect([visibility.get(String(publicNoteId)), visibility.get(String(internalNoteId))]).toEqual(['public', 'internal']);
  });
});
