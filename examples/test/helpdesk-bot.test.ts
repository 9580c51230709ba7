// The demo scenario, end to end, through every connector the demo runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryConnector } from '@itsm/core/testing';
import { createIvantiConnector } from '@itsm/ivanti';
import { createJiraConnector } from '@itsm/jira-cloud';
import { startSandbox, type autotask as autotaskSimulator, type Sandbox } from '@itsm/sandbox';
import { createAutotaskConnector } from '@itsm/autotask';
import type { ItsmConnector } from '@itsm/core';
import { runHelpdeskBot, type Narrator, type ScenarioResult } from '../helpdesk-bot/scenario.ts';
import { DEMO_FORMS } from '../helpdesk-bot/forms.ts';

function recorder(): Narrator & { lines: string[] } {
  const lines: string[] = [];
  return { lines, step: (title) => lines.push(`# ${title}`), detail: (text) => lines.push(text) };
}

/** What every connector's run leaves behind: the raised ticket's comments and attachment, and every step told (eleven with a catalog). */
async function expectBotTrail(connector: ItsmConnector, result: ScenarioResult, say: { lines: string[] }): Promise<void> {
  const comments = await connector.comments.list(result.raised.id).toArray({ limit: 10 });
  expect(comments.map((comment) => comment.visibility)).toEqual(['public', 'internal', 'public']);
  const attachments = await connector.attachments.list(result.raised.id).toArray({ limit: 10 });
  expect(attachments.map((attachment) => attachment.filename)).toEqual(['chat-transcript.txt']);
  expect(say.lines.filter((line) => line.startsWith('# '))).toHaveLength(connector.capabilities.catalog ? 11 : 9);
  if (!connector.capabilities.catalog) return;
  // The form was served question by question, and submitted for the employee.
  const requested = result.requested!;
  expect(requested.type).toBe('service_request');
  expect(say.lines.filter((line) => line.startsWith('bot: ')).length).toBeGreaterThan(3);
  expect(say.lines).toContain(`raised ${requested.key} [${requested.status.category} / ${requested.status.native.name}] "${requested.subject}" for ${requested.requester?.name ?? requested.requester?.email}${requested.url ? ` — ${requested.url}` : ''}`);
}

describe('helpdesk-bot scenario', () => {
  it('runs the whole bot flow on the in-memory connector', async () => {
    const connector = createMemoryConnector();
    const say = recorder();
    const result = await runHelpdeskBot(connector, 'ann.lee@example.com', say, { form: DEMO_FORMS.memory() });

    expect(result.raised.status.category).toBe('resolved');
    expect(result.logged.status.category).toBe('resolved');
    expect(result.requested?.subject).toBe('New laptop');
    expect(result.recent.map((ticket) => ticket.id)).toEqual([result.logged.id, result.raised.id, result.requested?.id]);
    expect(new Set(result.changed.map((ticket) => ticket.id))).toEqual(new Set([result.requested?.id, result.raised.id, result.logged.id]));
    expect(say.lines).toContain('bot: Delivery address (required) → 1 Main Street, Springfield');

    await expectBotTrail(connector, result, say);
  });

  it('stops with a clear error when nobody has the email', async () => {
    await expect(runHelpdeskBot(createMemoryConnector(), 'stranger@example.com', recorder())).rejects.toThrow(
      'nobody has the email stranger@example.com',
    );
  });
});

describe('helpdesk-bot scenario on Jira Cloud + Service Management (sandbox)', () => {
  // The employee the demo uses: a customer of the HELP desk in the sandbox's default seed.
  const DEMO_EMPLOYEE = 'mia.zhang@westfield-manufacturing.example';
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ providers: ['jira-cloud'] });
  });
  afterAll(() => sb.close());

  it('runs the whole bot flow against the Jira simulator', { timeout: 30_000 }, async () => {
    expect(sb.state('jira-cloud').facts.knownRequester.email).toBe(DEMO_EMPLOYEE);
    const connector = createJiraConnector(sb.connectorOptions('jira-cloud'));
    const say = recorder();
    const result = await runHelpdeskBot(connector, DEMO_EMPLOYEE, say, { form: DEMO_FORMS.jira(sb) });

    expect(say.lines.filter((line) => line.startsWith('PASS'))).toHaveLength(10);
    expect(say.lines.some((line) => /^(FAIL|WARN)/.test(line))).toBe(false);
    expect(say.lines.filter((line) => line.includes('/servicedesk/customer/portal/1/create/'))).toHaveLength(5);
    expect(result.requested).toMatchObject({ subject: 'Priya Patel joins the finance team', requester: { email: DEMO_EMPLOYEE } });
    expect(result.raised.status).toMatchObject({ category: 'resolved', native: { name: 'Resolved' } });
    expect(result.raised.assignee?.id).toBe(sb.state('jira-cloud').facts.serviceAccount.accountId);
    expect(result.logged.status.category).toBe('resolved');
    expect(result.recent.slice(0, 2).map((ticket) => ticket.id)).toEqual([result.logged.id, result.raised.id]);
    for (const ticket of result.recent) expect(ticket.url).toBe(`${sb.url('jira-cloud')}/browse/${ticket.key}`);
    expect(new Set(result.changed.map((ticket) => ticket.id))).toEqual(new Set([result.requested?.id, result.raised.id, result.logged.id]));

    await expectBotTrail(connector, result, say);
  });
});

describe('helpdesk-bot scenario on Autotask PSA (sandbox)', () => {
  // The employee the demo uses: a contact with a unique address in the sandbox's default seed.
  const DEMO_EMPLOYEE = 'yuki.nguyen@riverbend-analytics.example';
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ providers: ['autotask'], seededUntil: new Date() });
  });
  afterAll(() => sb.close());

  it('runs the whole bot flow against the Autotask simulator, with its tickets of the last 90 days and their links', { timeout: 30_000 }, async () => {
    const facts = (sb.state('autotask') as autotaskSimulator.AutotaskState).facts;
    expect(facts.knownRequester.email).toBe(DEMO_EMPLOYEE);
    const connector = createAutotaskConnector(sb.connectorOptions('autotask'));
    const say = recorder();
    const result = await runHelpdeskBot(connector, DEMO_EMPLOYEE, say, { moreLinks: (ticket) => [`client portal: ${connector.links.portalTicket(ticket.id)}`] });

    // The tenant has no status for closed, and two contacts share an address: both said, with a fix.
    expect(say.lines.filter((line) => line.startsWith('PASS'))).toHaveLength(8);
    expect(say.lines.filter((line) => line.startsWith('WARN')).map((line) => line.slice(5, 40))).toEqual(['Every status category has a ticket ', 'Every active contact has an email a']);
    expect(say.lines.some((line) => line.startsWith('FAIL'))).toBe(false);
    expect(result.raised.status).toMatchObject({ category: 'resolved', native: { name: 'Complete' } });
    expect(result.logged.status.category).toBe('resolved');
    expect(result.recent.slice(0, 2).map((ticket) => ticket.id)).toEqual([result.logged.id, result.raised.id]);
    expect(result.recent.length).toBeGreaterThan(2); // seeded tickets of the last 90 days too
    const since = Date.now() - 90 * 86_400_000;
    for (const ticket of result.recent) {
      expect(Date.parse(ticket.updatedAt)).toBeGreaterThanOrEqual(since);
      expect(ticket.url).toBe(`${sb.url('autotask')}/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=${ticket.id}`);
      expect(say.lines).toContain(`  client portal: ${sb.url('autotask')}/ClientPortal/ServiceTickets/ServiceTicketDetail.aspx?ticketId=${ticket.id}`);
    }
    expect(new Set(result.changed.map((ticket) => ticket.id))).toEqual(new Set([result.raised.id, result.logged.id]));

    await expectBotTrail(connector, result, say);
  });
});

describe('helpdesk-bot scenario on Ivanti Neurons for ITSM (sandbox)', () => {
  // The employee the demo uses: the sandbox's default seed's `knownRequester`.
  const DEMO_EMPLOYEE = 'omar.okafor@meridian-finance.example';
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ providers: ['ivanti'] });
  });
  afterAll(() => sb.close());

  it('runs the whole bot flow against the Ivanti simulator, late stamps and all', { timeout: 60_000 }, async () => {
    const { facts, settings } = sb.state('ivanti');
    expect(facts.knownRequester.email).toBe(DEMO_EMPLOYEE);
    expect(settings.lastModLagMs).toBeGreaterThan(0);
    const connector = createIvantiConnector({ ...sb.connectorOptions('ivanti'), serviceAccount: facts.serviceAccount.loginId, verifyWrites: true });
    const say = recorder();
    const result = await runHelpdeskBot(connector, DEMO_EMPLOYEE, say, { form: DEMO_FORMS.ivanti(sb) });

    // Every check passes but knowledge, which the simulated tenant does not have.
    expect(say.lines.some((line) => line.startsWith('FAIL'))).toBe(false);
    expect(say.lines.filter((line) => line.startsWith('WARN')).map((line) => line.slice(5).split(' (')[0])).toEqual(['Knowledge articles are readable']);
    const links = say.lines.filter((line) => !/^(PASS|WARN|FAIL)/.test(line) && line.includes('/HEAT/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template='));
    expect(links).toHaveLength(5); // four catalog items, and the form served
    expect(result.requested).toMatchObject({ type: 'service_request', subject: 'New Laptop Request', requester: { email: DEMO_EMPLOYEE } });
    expect(result.raised).toMatchObject({ type: 'incident', status: { category: 'resolved', native: { name: 'Resolved' } } });
    expect(result.raised.assignee?.name).toBe(facts.serviceAccount.loginId);
    expect(result.logged.status.category).toBe('resolved');
    expect(result.recent.map((ticket) => ticket.id)).toEqual(expect.arrayContaining([result.logged.id, result.raised.id]));
    for (const ticket of result.recent) expect(ticket.url).toBe(`${sb.url('ivanti')}/HEAT/Default.aspx?Scope=SelfService&CommandId=Open&Tab=${ticket.type === 'incident' ? 'Incident' : 'ServiceReq'}%23&ItemId=${ticket.id}`);
    expect(new Set(result.changed.map((ticket) => ticket.id))).toEqual(new Set([result.requested?.id, result.raised.id, result.logged.id]));

    // Ivanti stamps notes to the second: notes made within one second come back in no set order.
    const comments = await connector.comments.list(result.raised.id).toArray({ limit: 10 });
    expect(comments.map((comment) => `${comment.visibility}: ${comment.body}`).sort()).toEqual([
      'internal: VPN gateway logs show idle timeouts at 60 min.',
      'public: Idle timeout raised to 8 hours.',
      'public: Thanks, we are looking into it.',
    ]);
    const attachments = await connector.attachments.list(result.raised.id).toArray({ limit: 10 });
    expect(attachments.map((attachment) => attachment.filename)).toEqual(['chat-transcript.txt']);
    expect(say.lines.filter((line) => line.startsWith('# '))).toHaveLength(11);
  });
});
