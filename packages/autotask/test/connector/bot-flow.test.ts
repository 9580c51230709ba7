/**
 * The helpdesk bot's job, end to end against the Autotask sandbox, as the access requirements tell
 * it: the API user finds its zone by itself; the signed-in person is matched to their contact by
 * email (which must be unique) and sees their tickets of the last 90 days with links into Autotask
 * and the client portal; the bot raises a ticket for them, replies publicly and notes internally,
 * attaches a file, works the ticket through In Progress → Waiting Customer → Complete, reopens it,
 * and picks the changes up.
 */
import { AmbiguousMatchError, UnsupportedError, type Ticket } from '@itsm/core';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAutotaskConnector, createZoneCache, type AutotaskConnector } from '../../src/index.js';

const DAY = 86_400_000;

let sb: Sandbox;
let autotask: AutotaskConnector;
let facts: simulator.AutotaskFacts;

beforeAll(async () => {
  // The seeded history ends now, so that "the last 90 days" holds some of it.
  sb = await startSandbox({ providers: ['autotask'], seededUntil: new Date() });
  facts = (sb.state('autotask') as simulator.AutotaskState).facts;
  autotask = createAutotaskConnector({ ...sb.connectorOptions('autotask'), zoneCache: createZoneCache() });
});
afterAll(() => sb.close());

/** The requests the connector made while `run` ran. */
async function requestsOf(run: () => Promise<unknown>): Promise<string[]> {
  const before = sb.requests.length;
  await run();
  return sb.requests.slice(before).map((request) => `${request.method} ${request.path}`);
}

describe('the helpdesk bot flow on Autotask', { timeout: 30_000 }, () => {
  let start: string;
  let ticket: Ticket;

  it('checks the API user as the access requirements describe it', async () => {
    const report = await autotask.verifyAccess();
    expect(report.ok).toBe(true);
    const status = Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
    expect(status).toMatchObject({ zone: 'pass', credentials: 'pass', thresholds: 'pass', tickets: 'pass', contacts: 'pass', create: 'pass', configuration: 'pass', portal: 'pass' });
    // The seeded tenant has two contacts sharing an address: named, with what to do about it.
    const emails = report.checks.find((check) => check.id === 'contact-emails');
    expect(emails?.status).toBe('warn');
    expect(emails?.detail).toContain(facts.duplicateEmail.email);
    for (const id of facts.duplicateEmail.contactIds) expect(emails?.detail).toContain(`contact:${id}`);
    expect(emails?.fix).toMatch(/own email address/);
  });

  it('finds the signed-in person behind their email, and refuses an email two contacts share', async () => {
    ({ cursor: start } = await autotask.tickets.changes({ since: new Date() }));
    const person = await autotask.users.findByEmail(facts.knownRequester.email.toUpperCase());
    expect(person).toMatchObject({ id: `contact:${facts.knownRequester.id}`, email: facts.knownRequester.email, kind: 'contact', active: true });
    const alias = await autotask.users.findByEmail(facts.aliasContact.alias);
    expect(alias?.id).toBe(`contact:${facts.aliasContact.id}`);
    const error = await autotask.users.findByEmail(facts.duplicateEmail.email).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousMatchError);
    expect((error as AmbiguousMatchError).matchIds.sort()).toEqual(facts.duplicateEmail.contactIds.map((id) => `contact:${id}`).sort());
    const agent = await autotask.users.findByEmail(facts.agent.email);
    expect(agent).toMatchObject({ id: `resource:${facts.agent.id}`, kind: 'agent' });
  });

  it("shows the person's tickets of the last 90 days, with links, in two requests", async () => {
    const since = new Date(Date.now() - 90 * DAY);
    await autotask.tickets.list({ requester: facts.knownRequester.email, updatedSince: since }).toArray({ limit: 500 }); // reads the picklists once
    let mine: Ticket[] = [];
    const requests = await requestsOf(async () => {
      mine = await autotask.tickets.list({ requester: facts.knownRequester.email, updatedSince: since }).toArray({ limit: 500 });
    });
    expect(requests).toEqual(['POST /ATServicesRest/V1.0/Contacts/query', 'POST /ATServicesRest/V1.0/Tickets/query']);
    expect(mine.length).toBeGreaterThan(0);
    const all = await autotask.tickets.list({ requester: facts.knownRequester.email }).toArray({ limit: 1_000 });
    expect(all.length).toBeGreaterThan(mine.length); // the person has older tickets too
    for (const item of mine) {
      expect(item.requester).toMatchObject({ id: `contact:${facts.knownRequester.id}`, email: facts.knownRequester.email });
      expect(Date.parse(item.updatedAt)).toBeGreaterThanOrEqual(since.getTime());
      expect(item.url).toBe(`${sb.url('autotask')}/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=${item.id}`);
    }
    for (let index = 1; index < mine.length; index++) {
      expect(Date.parse(mine[index - 1]?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(mine[index]?.updatedAt ?? ''));
    }
    const [first] = mine;
    const opened = await fetch(first?.url ?? '');
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain(first?.key);
    const portal = await fetch(autotask.links.portalTicket(first?.id ?? ''));
    expect(portal.status).toBe(200);
    expect((await fetch(autotask.links.portalNewTicket())).status).toBe(200);
  });

  it('raises a ticket for the person, in their company, on the configured queue', async () => {
    ticket = await autotask.tickets.create({
      subject: 'VPN disconnects every hour',
      description: 'Reported through the chat bot.\nThe client drops the tunnel every 60 minutes.',
      requester: facts.knownRequester.email,
      priority: 'high',
      type: 'incident',
    });
    expect(ticket).toMatchObject({
      provider: 'autotask',
      subject: 'VPN disconnects every hour',
      type: 'incident',
      status: { category: 'open', native: { id: '1', name: 'New' } },
      priority: { level: 'high', native: { name: 'High' } },
      requester: { id: `contact:${facts.knownRequester.id}`, email: facts.knownRequester.email },
      team: { id: String(facts.queue.id), name: facts.queue.name },
    });
    expect(ticket.key).toMatch(/^T\d{8}\.\d{4}$/);
    expect(ticket.raw).toMatchObject({ contactID: facts.knownRequester.id, companyID: facts.knownRequester.companyId, queueID: facts.queue.id });
    expect((await autotask.tickets.get(ticket.key)).id).toBe(ticket.id);
  });

  it('replies publicly and notes internally, as publish values Autotask shows so', async () => {
    const reply = await autotask.comments.add(ticket.key, { body: 'Thanks, we are looking into it.' });
    const note = await autotask.comments.add(ticket.id, { body: 'Gateway logs show idle timeouts at 60 min.', visibility: 'internal' });
    expect([reply.visibility, note.visibility]).toEqual(['public', 'internal']);
    const listed = await autotask.comments.list(ticket.key).toArray({ limit: 10 });
    expect(listed.map((comment) => [comment.body, comment.visibility])).toEqual([
      ['Thanks, we are looking into it.', 'public'],
      ['Gateway logs show idle timeouts at 60 min.', 'internal'],
    ]);
    const notes = await autotask.client.tickets.notes(Number(ticket.id)).list().toArray({ limit: 10 });
    expect(notes.map((item) => item.publish)).toEqual([1, 2]);
  });

  it('attaches a file and gets the same bytes back', async () => {
    const content = new TextEncoder().encode('[09:14] my VPN keeps dropping\n');
    const attachment = await autotask.attachments.upload(ticket.key, { filename: 'chat-transcript.txt', content, contentType: 'text/plain' });
    expect(attachment).toMatchObject({ ticketId: ticket.id, filename: 'chat-transcript.txt', size: content.byteLength });
    expect((await autotask.attachments.list(ticket.id).toArray({ limit: 10 })).map((item) => item.id)).toEqual([attachment.id]);
    expect(await autotask.attachments.download(ticket.key, attachment.id)).toEqual(content);
  });

  it('works the ticket: In Progress, Waiting Customer, then Complete with a resolution', async () => {
    expect((await autotask.tickets.transition(ticket.id, 'in_progress')).status.native.name).toBe('In Progress');
    const waiting = await autotask.tickets.transition(ticket.id, 'waiting_for_user');
    expect(waiting.status).toMatchObject({ category: 'waiting_for_user', native: { name: 'Waiting Customer' } });
    const resolved = await autotask.tickets.transition(ticket.id, 'resolved', { comment: 'Idle timeout raised to 8 hours.', resolution: 'Raised the VPN idle timeout.' });
    expect(resolved.status).toMatchObject({ category: 'resolved', native: { id: '5', name: 'Complete' } });
    expect(resolved.resolvedAt).toMatch(/Z$/);
    expect(resolved.raw).toMatchObject({ resolution: 'Raised the VPN idle timeout.' });
    expect((await autotask.comments.list(ticket.id).toArray({ limit: 10 })).at(-1)).toMatchObject({ body: 'Idle timeout raised to 8 hours.', visibility: 'public' });
    await expect(autotask.tickets.transition(ticket.id, 'closed')).rejects.toBeInstanceOf(UnsupportedError);
    ticket = resolved;
  });

  it('reopens it when the person still needs help', async () => {
    const reopened = await autotask.tickets.transition(ticket.key, 'open');
    expect(reopened.status).toMatchObject({ category: 'open', native: { name: 'New' } });
    expect(reopened.resolvedAt).toBeUndefined();
    ticket = reopened;
  });

  it('logs a request the bot already solved, in one step', async () => {
    const solved = await autotask.tickets.create({ subject: 'Password reset', requester: facts.knownRequester.email, status: 'resolved' });
    expect(solved.status).toMatchObject({ category: 'resolved', native: { id: '5' } });
  });

  it('picks up what changed since it started, once', async () => {
    const first = await autotask.tickets.changes({ cursor: start });
    expect(first.tickets.filter((changed) => changed.id === ticket.id).at(-1)?.updatedAt).toBe(ticket.updatedAt);
    const again = await autotask.tickets.changes({ cursor: first.cursor });
    expect(again.tickets.filter((changed) => changed.id === ticket.id)).toEqual([]);
  });

  it('has no catalog, and says where requesters raise tickets instead', async () => {
    const error = await autotask.catalog.list().toArray({ limit: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect((error as Error).message).toMatch(/client portal/);
  });
});
