/**
 * The helpdesk bot's job, end to end against the Jira sandbox: find the employee, offer the catalog
 * with portal links, raise a request on their behalf, reply publicly and note internally (as JSM
 * shows them), attach a file, work the ticket through In Progress → Waiting for customer → Resolved
 * with the bot as assignee, reopen it, list the person's tickets with links, and pick the changes up.
 */
import { InputError, NotFoundError, ValidationError, type Ticket } from '@itsm/core';
import { startSandbox, type jiraCloud, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJiraConnector, type JiraConnector } from '../../src/index.js';

let sb: Sandbox;
let jira: JiraConnector;
let facts: jiraCloud.JiraFacts;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'] });
  facts = sb.state('jira-cloud').facts;
  jira = createJiraConnector(sb.connectorOptions('jira-cloud'));
});
afterAll(() => sb.close());

describe('the helpdesk bot flow', { timeout: 30_000 }, () => {
  let start: string;
  let ticket: Ticket;

  it('finds the employee behind an email, and says nothing about a hidden one', async () => {
    ({ cursor: start } = await jira.tickets.changes({ since: new Date() }));
    const user = await jira.users.findByEmail(facts.knownRequester.email.toUpperCase());
    expect(user).toMatchObject({ id: facts.knownRequester.accountId, email: facts.knownRequester.email, name: facts.knownRequester.displayName, active: true });
    expect(['employee', 'customer']).toContain(user?.kind);
    // The profile hides the address: Jira cannot tell who has it.
    expect(await jira.users.findByEmail(facts.hiddenEmailUser.email)).toBeNull();
    const byName = await jira.users.search(facts.knownRequester.displayName.split(' ')[0] ?? '').toArray({ limit: 100 });
    expect(byName.map((found) => found.id)).toContain(facts.knownRequester.accountId);
  });

  it('offers the catalog with direct links to the portal forms', async () => {
    const items = await jira.catalog.list({ forUser: facts.knownRequester.email }).toArray({ limit: 50 });
    expect(items.map((item) => item.name)).toContain('Get IT help');
    // In no request type group: hidden from the portal, so not offered.
    expect(items.map((item) => item.name)).not.toContain('Investigate a problem');
    expect(items).toHaveLength(8);
    for (const item of items) expect(item.url).toBe(`${sb.url('jira-cloud')}/servicedesk/customer/portal/1/create/${item.id}`);
    expect(items.find((item) => item.name === 'Request new hardware')?.category).toBe('Computers and hardware');
  });

  it('raises a request on behalf of the employee', async () => {
    ticket = await jira.tickets.create({
      subject: 'VPN disconnects every hour',
      description: 'Reported through the chat bot.\nThe client drops the tunnel every 60 minutes.',
      requester: facts.knownRequester.email,
      priority: 'medium',
    });
    expect(ticket).toMatchObject({
      provider: 'jira-cloud',
      type: 'service_request',
      status: { category: 'open', native: { name: 'Waiting for support' } },
      priority: { level: 'medium' },
      requester: { id: facts.knownRequester.accountId, email: facts.knownRequester.email },
      url: `${sb.url('jira-cloud')}/browse/${ticket.key}`,
    });
    expect(ticket.createdAt).toMatch(/Z$/);
    const request = await jira.client.serviceDesk.requests.get(ticket.key);
    expect(request.requestTypeId).toBe(facts.requestTypeId);
    expect(request.reporter?.accountId).toBe(facts.knownRequester.accountId);
    expect(request._links?.web).toBe(`${sb.url('jira-cloud')}/servicedesk/customer/portal/1/${ticket.key}`);
  });

  it('replies publicly and notes internally, and JSM shows them so', async () => {
    const reply = await jira.comments.add(ticket.key, { body: 'Thanks, we are looking into it.' });
    const note = await jira.comments.add(ticket.id, { body: 'Gateway logs show idle timeouts at 60 min.', visibility: 'internal' });
    expect([reply.visibility, note.visibility]).toEqual(['public', 'internal']);
    expect(reply.ticketId).toBe(ticket.id);
    const listed = await jira.comments.list(ticket.key).toArray({ limit: 10 });
    expect(listed.map((comment) => [comment.body, comment.visibility])).toEqual([
      ['Thanks, we are looking into it.', 'public'],
      ['Gateway logs show idle timeouts at 60 min.', 'internal'],
    ]);
    const jsm = await jira.client.serviceDesk.requests.comments.list(ticket.key).toArray({ limit: 10 });
    expect(jsm.map((comment) => [comment.body, comment.public])).toEqual([
      ['Thanks, we are looking into it.', true],
      ['Gateway logs show idle timeouts at 60 min.', false],
    ]);
  });

  it('attaches a file and gets the same bytes back, only through its own ticket', async () => {
    const content = new TextEncoder().encode('[09:14] my VPN keeps dropping\n');
    const attachment = await jira.attachments.upload(ticket.key, { filename: 'chat-transcript.txt', content, contentType: 'text/plain' });
    expect(attachment).toMatchObject({ ticketId: ticket.id, filename: 'chat-transcript.txt', size: content.byteLength, contentType: 'text/plain' });
    expect((await jira.attachments.list(ticket.id).toArray({ limit: 10 })).map((item) => item.id)).toEqual([attachment.id]);
    expect(await jira.attachments.download(ticket.key, attachment.id)).toEqual(content);
    await expect(jira.attachments.download(facts.issueWithAttachment, attachment.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('works the ticket: In Progress, Waiting for customer, then Resolved with the bot as assignee', async () => {
    const progress = await jira.tickets.transition(ticket.id, 'in_progress');
    expect(progress.status.native.name).toBe('In Progress');
    const waiting = await jira.tickets.transition(ticket.id, 'waiting_for_user');
    expect(waiting.status).toMatchObject({ category: 'waiting_for_user', native: { name: 'Waiting for customer' } });
    const resolved = await jira.tickets.transition(ticket.id, 'resolved', { comment: 'Idle timeout raised to 8 hours.' });
    expect(resolved.status).toMatchObject({ category: 'resolved', native: { name: 'Resolved' } });
    expect(resolved.assignee?.id).toBe(facts.serviceAccount.accountId);
    expect((resolved.raw as { fields: { resolution?: { name?: string } } }).fields.resolution?.name).toBe('Done');
    expect(resolved.resolvedAt).toMatch(/Z$/);
    const comments = await jira.comments.list(ticket.id).toArray({ limit: 10 });
    expect(comments.at(-1)).toMatchObject({ body: 'Idle timeout raised to 8 hours.', visibility: 'public' });
    ticket = resolved;
  });

  it('reopens it when the employee still needs help', async () => {
    const reopened = await jira.tickets.transition(ticket.key, 'open');
    expect(reopened.status).toMatchObject({ category: 'open', native: { name: 'Reopened' } });
    expect(reopened.resolvedAt).toBeUndefined();
    ticket = reopened;
  });

  it("lists the employee's recent tickets with links", async () => {
    const recent = await jira.tickets.list({ requester: facts.knownRequester.email, order: 'updated_desc' }).take(5).toArray({ limit: 5 });
    expect(recent[0]?.id).toBe(ticket.id);
    for (const item of recent) {
      expect(item.requester?.id).toBe(facts.knownRequester.accountId);
      expect(item.url).toBe(`${sb.url('jira-cloud')}/browse/${item.key}`);
    }
    for (let index = 1; index < recent.length; index++) {
      expect(Date.parse(recent[index - 1]?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(recent[index]?.updatedAt ?? ''));
    }
  });

  it('picks up what changed since it started, once', async () => {
    const first = await jira.tickets.changes({ cursor: start });
    const mine = first.tickets.filter((changed) => changed.id === ticket.id);
    expect(mine.at(-1)?.updatedAt).toBe(ticket.updatedAt);
    const again = await jira.tickets.changes({ cursor: first.cursor });
    expect(again.tickets.filter((changed) => changed.id === ticket.id)).toEqual([]);
  });

  it('watches for new tickets until told to stop', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    let wanted: string | undefined;
    // The first poll (no cursor) takes what is there as history and reports its cursor: only
    // tickets raised after that are news.
    let firstPoll!: () => void;
    const polled = new Promise<void>((resolve) => (firstPoll = resolve));
    const watching = (async () => {
      for await (const changed of jira.tickets.watch({ intervalMs: 50, signal: controller.signal, onCursor: () => firstPoll() })) {
        seen.push(changed.key);
        if (changed.key === wanted) controller.abort();
      }
    })();
    await polled;
    wanted = (await jira.tickets.create({ subject: 'Watched ticket', requester: facts.knownRequester.email })).key;
    // A poll may have brought the ticket before its key was known here.
    if (seen.includes(wanted)) controller.abort();
    await watching; // ends when the new ticket has been seen
    expect(seen).toContain(wanted);
  });

  it('keeps a hostile value one JQL literal', async () => {
    const value = `${facts.knownRequester.accountId}" OR project = ${facts.softwareProjectKey} OR reporter = "x`;
    // Jira reads the whole text as one (unknown) account id, and says so.
    const error = await jira.tickets.list({ requester: { id: value } }).toArray({ limit: 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messages).toEqual([`The value '${value}' does not exist for the field 'reporter'.`]);
    await expect(jira.tickets.list({ requester: 'a" OR 1=1@x.y' }).toArray({ limit: 1 })).rejects.toBeInstanceOf(InputError);
  });
});
