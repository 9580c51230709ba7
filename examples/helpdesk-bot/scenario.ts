// The helpdesk-bot scenario from the access-requirement documents, written once against the shared
// model so that it runs unchanged through every connector: find the employee behind a chat message,
// serve the catalog and one of its request forms, raise a ticket for them, comment publicly and internally, attach a file, move the
// ticket through the workflow, log a request the bot already solved, list the person's tickets of the
// last 90 days with links, and pick up everything that changed.
import type { ItsmConnector, Ticket } from '@itsm/core';
import { ItsmError } from '@itsm/core';
import { serveCatalogForm, type FormScript } from './catalog-form.ts';

/** Where the scenario writes what it does. */
export interface Narrator {
  step(title: string): void;
  detail(text: string): void;
}

/** Prints the scenario to a terminal. */
export function consoleNarrator(write: (line: string) => void = console.log): Narrator {
  let count = 0;
  return {
    step: (title) => write(`\n  ${++count}. ${title}`),
    detail: (text) => write(`     ${text}`),
  };
}

function describeTicket(ticket: Ticket): string {
  const who = ticket.requester?.name ?? ticket.requester?.email ?? 'nobody';
  return `${ticket.key} [${ticket.status.category} / ${ticket.status.native.name}] "${ticket.subject}" for ${who}${ticket.url ? ` — ${ticket.url}` : ''}`;
}

/** Options of {@link runHelpdeskBot}. */
export interface ScenarioOptions {
  /** More links of a listed ticket a provider has (e.g. Autotask's client-portal page), shown under it. */
  moreLinks?: (ticket: Ticket) => string[];
  /** The request form the bot serves where the connector has a catalog, and the employee's replies. */
  form?: FormScript;
}

/** What the scenario did, for tests to check. */
export interface ScenarioResult {
  /** The request raised from a catalog form, where the connector has a catalog and a form was scripted. */
  requested?: Ticket;
  raised: Ticket;
  logged: Ticket;
  recent: Ticket[];
  changed: Ticket[];
}

/**
 * Runs the bot flow through one connector.
 *
 * @param connector - The connector.
 * @param employeeEmail - The email address the chat message came from.
 * @param say - Where the scenario tells what it does.
 * @param options - More links per ticket, where the provider has them.
 */
export async function runHelpdeskBot(connector: ItsmConnector, employeeEmail: string, say: Narrator, options: ScenarioOptions = {}): Promise<ScenarioResult> {
  say.step('Check the service account');
  const report = await connector.verifyAccess();
  for (const check of report.checks) {
    say.detail(`${check.status.toUpperCase().padEnd(4)} ${check.title}${check.detail ? ` (${check.detail})` : ''}`);
    if (check.fix) say.detail(`     fix: ${check.fix}`);
  }

  // Watch from now on: what is visible now is history, every later change is picked up, also one a
  // provider stamps late (Ivanti's LastModDateTime lags by minutes; the feed's overlap covers it).
  const { cursor } = await connector.tickets.changes();

  say.step(`A chat message arrives from ${employeeEmail}: find the employee`);
  const employee = await connector.users.findByEmail(employeeEmail);
  if (!employee) throw new Error(`nobody has the email ${employeeEmail}`);
  say.detail(`${employee.name} (${employee.kind}, id ${employee.id})`);

  if (connector.capabilities.catalog) {
    say.step('Offer the service catalog');
    for await (const item of connector.catalog.list({ forUser: employeeEmail }).take(4)) {
      say.detail(`${item.name}${item.category ? ` (${item.category})` : ''}${item.url ? ` — ${item.url}` : ''}`);
    }
  }

  let requested: Ticket | undefined;
  if (connector.capabilities.catalog && options.form !== undefined) {
    say.step(`Serve the "${options.form.item}" form in the chat and submit it for them`);
    ({ ticket: requested } = await serveCatalogForm(connector, employeeEmail, options.form, say));
    say.detail(`raised ${describeTicket(requested)}`);
  }

  say.step('Raise a ticket for them');
  let raised = await connector.tickets.create({
    subject: 'VPN disconnects every hour',
    description: 'Reported through the chat bot.\nThe VPN client drops the connection roughly every 60 minutes.',
    requester: employeeEmail,
    priority: 'medium',
  });
  say.detail(describeTicket(raised));

  say.step('Reply to the employee, and leave a note for the agents');
  await connector.comments.add(raised.id, { body: 'Thanks, we are looking into it.' });
  say.detail('public: "Thanks, we are looking into it."');
  if (connector.capabilities.internalComments) {
    await connector.comments.add(raised.id, { body: 'VPN gateway logs show idle timeouts at 60 min.', visibility: 'internal' });
    say.detail('internal: "VPN gateway logs show idle timeouts at 60 min."');
  }

  if (connector.capabilities.attachments) {
    say.step('Attach the chat transcript');
    const transcript = new TextEncoder().encode(`[09:14] ${employee.name}: my VPN keeps dropping\n[09:15] bot: raising a ticket\n`);
    const attachment = await connector.attachments.upload(raised.id, { filename: 'chat-transcript.txt', content: transcript, contentType: 'text/plain' });
    say.detail(`${attachment.filename} (${attachment.size ?? transcript.byteLength} bytes)`);
  }

  say.step('Work the ticket: In Progress -> Waiting for User -> Resolved');
  for (const category of ['in_progress', 'waiting_for_user', 'resolved'] as const) {
    raised = await connector.tickets.transition(raised.id, category, category === 'resolved' ? { comment: 'Idle timeout raised to 8 hours.' } : {});
    say.detail(`now ${raised.status.category} (${raised.status.native.name})`);
  }

  say.step('Log a request the bot solved by itself');
  const logged = await connector.tickets.create({
    subject: 'Password reset via self-service',
    description: 'The bot walked the employee through the self-service password reset.',
    requester: employeeEmail,
    status: 'resolved',
  });
  say.detail(describeTicket(logged));

  say.step(`List ${employee.name}'s tickets of the last 90 days, with links`);
  const since = new Date(Date.now() - 90 * 86_400_000);
  const recent = await connector.tickets.list({ requester: employeeEmail, updatedSince: since, order: 'updated_desc' }).take(5).toArray({ limit: 5 });
  for (const ticket of recent) {
    say.detail(describeTicket(ticket));
    for (const link of options.moreLinks?.(ticket) ?? []) say.detail(`  ${link}`);
  }

  say.step('Pick up what changed since the bot started');
  const changed: Ticket[] = [];
  let next = cursor;
  for (let round = 0; round < 10; round++) {
    const batch = await connector.tickets.changes({ cursor: next });
    changed.push(...batch.tickets);
    next = batch.cursor;
    if (batch.tickets.length === 0) break;
  }
  const byTicket = new Map<string, number>();
  for (const ticket of changed) byTicket.set(ticket.key, (byTicket.get(ticket.key) ?? 0) + 1);
  for (const [key, versions] of byTicket) say.detail(`${key}: ${versions} new version(s)`);

  return { ...(requested === undefined ? {} : { requested }), raised, logged, recent, changed };
}

/** Prints an error from the SDK readably. */
export function explainError(error: unknown): string {
  if (error instanceof ItsmError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
