/**
 * `verifyAccess()`: the API user's setup, as the access requirements describe it, checked one by
 * one, each with a fix an Autotask administrator can follow.
 *
 * | id | checks | when it is not met |
 * |---|---|---|
 * | `zone` | Autotask places the API user name in a zone (`zoneInformation`) | fail |
 * | `credentials` | the user name, secret and tracking identifier are accepted | fail |
 * | `thresholds` | the database's request usage is readable, and below 75 % of its threshold | warn (fail at 100 %) |
 * | `tickets` | tickets can be queried, and some are visible | fail (warn when none is visible) |
 * | `contacts` | contacts can be queried, and some are visible | fail (warn when none is visible) |
 * | `create` | the security level lets the API user create tickets and notes | fail |
 * | `configuration` | the connector's queue, defaults, transition statuses and publish values exist in the tenant | fail |
 * | `statuses` | every status category has a status, and every `statusMap` key names one | warn |
 * | `contact-emails` | no two active contacts share an email address (people are matched by email) | warn, naming them |
 * | `portal` | client-portal links can be made (`portalUrl`) | warn |
 *
 * A check that needs a failed one is reported as not checked. A check never throws; the checks run
 * on the core `runAccessChecks`.
 *
 * @module
 */
import { AuthenticationError, PermissionError, STATUS_CATEGORIES, type AccessReport, type StatusInput } from '@itsm/core';
import { errorSummary, runAccessChecks, type AccessCheckDefinition, type AccessCheckResult } from '@itsm/core/provider';
import { AUTOTASK } from '../provider.js';
import { where } from '../query/filter.js';
import type { ThresholdInformation } from '../schemas/limits.js';
import type { AutotaskAccessCheckId } from './access-checks.js';
import type { ConnectorContext } from './context.js';


/** Where the API user is edited in Autotask, for fixes. */
const API_USER_PAGE = 'In Autotask, go to Admin → Account Settings & Users → Resources/Users (HR) → Resources/Users and open the API user';

const TITLES: Readonly<Record<AutotaskAccessCheckId, string>> = {
  zone: "Autotask finds the API user's zone",
  credentials: 'The user name, secret and API tracking identifier are accepted',
  thresholds: "The database's API usage is readable and below its hourly threshold",
  tickets: 'Tickets can be queried',
  contacts: 'Contacts can be queried',
  create: "The API user's security level can create tickets and notes",
  configuration: "The connector's queue, defaults and picklist values exist in this tenant",
  statuses: 'Every status category has a ticket status',
  'contact-emails': 'Every active contact has an email address of its own',
  portal: 'Client-portal links can be made',
};

/** How many duplicate addresses a warning names. */
const NAMED_DUPLICATES = 10;

function credentialsFailure(error: unknown): AccessCheckResult {
  const text = error instanceof Error ? `${error.message} ${(error as { messages?: string[] }).messages?.join(' ') ?? ''}` : String(error);
  if (error instanceof AuthenticationError && /IntegrationCode/i.test(text)) {
    return {
      status: 'fail',
      detail: `Autotask refused the API tracking identifier: ${errorSummary(error)}`,
      fix: `${API_USER_PAGE}; in its API Tracking Identifier section choose Integration Vendor and your integration's vendor (or Custom (Internal Integration) and copy the identifier Autotask generates), save, and pass it as trackingId. A tracking identifier cannot be changed on an existing API user: create a new API user if needed.`,
    };
  }
  if (error instanceof AuthenticationError && /could not place|Zone information/i.test(text)) {
    return { status: 'fail', detail: `Autotask does not know the user name: ${errorSummary(error)}`, fix: `${API_USER_PAGE}; copy the Username (Key) of its Credentials section into the username option.` };
  }
  if (error instanceof AuthenticationError) {
    return {
      status: 'fail',
      detail: `Autotask refused the credentials: ${errorSummary(error)}`,
      fix: `${API_USER_PAGE}; in its Credentials section click Generate Secret, save, and pass the new secret. Check that the API user is active.`,
    };
  }
  if (error instanceof PermissionError) {
    return { status: 'fail', detail: `Signed in, but refused: ${errorSummary(error)}`, fix: `${API_USER_PAGE}; give it an API security level such as "API User (system) Can't Read Costs".` };
  }
  return { status: 'fail', detail: `Could not reach Autotask: ${errorSummary(error)}`, fix: 'Check the network (and the zoneLookupUrl or baseUrl option), then run verifyAccess() again.' };
}

/**
 * Runs every check of the API user's setup; see the module documentation for the list.
 *
 * @param context - The connector's context.
 * @internal
 */
export async function verifyAutotaskAccess(context: ConnectorContext): Promise<AccessReport> {
  const { client, options } = context;
  let reading: ThresholdInformation | undefined;
  const visibility = (entity: 'tickets' | 'contacts', count: () => Promise<number>, fix: string): (() => Promise<AccessCheckResult>) => async () => {
    const found = await count();
    return found > 0
      ? { status: 'pass', detail: `${found} ${entity} are visible to the API user.` }
      : { status: 'warn', detail: `No ${entity.slice(0, -1)} is visible. A restricted copy of the API security level answers with nothing rather than an error.`, fix };
  };

  const checks: AccessCheckDefinition<AutotaskAccessCheckId>[] = [
    {
      id: 'zone',
      title: TITLES.zone,
      blocks: { because: "the API user's zone was not found", fix: 'Fix the user name first, then run verifyAccess() again.' },
      async run() {
        try {
          const zone = await client.zone();
          if (zone.ci === null || zone.ci === undefined) return { status: 'pass', detail: `baseUrl is set (${zone.url}): no zone lookup.` };
          return { status: 'pass', detail: `${zone.zoneName ? `Zone ${zone.zoneName}` : 'The zone'} at ${zone.url}, database ${zone.ci}.` };
        } catch (error) {
          return credentialsFailure(error);
        }
      },
    },
    {
      id: 'credentials',
      title: TITLES.credentials,
      needs: ['zone'],
      blocks: { because: 'the credentials were not accepted', fix: 'Fix the credentials first, then run verifyAccess() again.' },
      async run() {
        try {
          reading = await client.thresholds();
          return { status: 'pass', detail: 'Autotask accepted the user name, the secret and the tracking identifier.' };
        } catch (error) {
          return credentialsFailure(error);
        }
      },
    },
    {
      id: 'thresholds',
      title: TITLES.thresholds,
      needs: ['credentials'],
      run() {
        const { currentTimeframeRequestCount: used, externalRequestThreshold: limit, requestThresholdTimeframe: minutes } = reading as ThresholdInformation;
        const share = used / limit;
        const detail = `${used} of ${limit} requests used in the last ${minutes} minutes (${Math.round(share * 100)} %), by every integration of this database.`;
        if (share < 0.75) return { status: 'pass', detail };
        return {
          status: share >= 1 ? 'fail' : 'warn',
          detail: `${detail} ${share >= 1 ? 'Autotask refuses every request until usage falls.' : 'Autotask slows requests down from 50 % and refuses them all at 100 %.'}`,
          fix: 'In Autotask, Admin → Extensions & Integrations → Other Extensions & Tools → API Activity by Hour shows which integration uses the requests; reduce its polling, or spread the work over the hour.',
        };
      },
    },
    {
      id: 'tickets',
      title: TITLES.tickets,
      needs: ['credentials'],
      run: visibility('tickets', () => client.tickets.count({ filter: where.all() }), `${API_USER_PAGE}; give it the business line (and security level) that covers the tickets the integration must see.`),
    },
    {
      id: 'contacts',
      title: TITLES.contacts,
      needs: ['credentials'],
      run: visibility('contacts', () => client.contacts.count({ filter: where.all() }), `${API_USER_PAGE}; give it a security level that may read contacts, such as "API User (system) Can't Read Costs".`),
    },
    {
      id: 'create',
      title: TITLES.create,
      needs: ['credentials'],
      async run() {
        const [tickets, notes] = await Promise.all([client.tickets.info(), client.ticketNotes.info()]);
        const refused = [tickets.canCreate === false ? 'tickets' : undefined, notes.canCreate === false ? 'ticket notes' : undefined].filter(Boolean);
        if (refused.length > 0) {
          return { status: 'fail', detail: `Autotask says the API user cannot create ${refused.join(' and ')}.`, fix: `${API_USER_PAGE}; give it the security level "API User (system) Can't Read Costs" (or another API security level that may create tickets and notes).` };
        }
        return { status: 'pass', detail: 'Autotask allows creating tickets and notes. (A restricted copy of an API security level shows only when a create is refused.)' };
      },
    },
    {
      id: 'configuration',
      title: TITLES.configuration,
      needs: ['credentials'],
      async run() {
        const problems: string[] = [];
        const attempt = async (what: string, check: () => Promise<unknown>) => {
          try {
            await check();
          } catch (error) {
            problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
          }
        };
        const tickets = await client.picklists('Tickets');
        if (options.queueId !== undefined) await attempt('queueId', async () => tickets.require('queueID').require(options.queueId as number, 'queueId'));
        for (const field of ['priority', 'ticketType', 'source', 'issueType', 'subIssueType'] as const) {
          const value = options.defaults[field];
          if (value !== undefined) await attempt(`defaults.${field}`, async () => tickets.require(field).require(value, `defaults.${field}`));
        }
        if (options.defaults.companyId !== undefined) await attempt('defaults.companyId', () => client.companies.get(options.defaults.companyId as number));
        for (const [category, value] of Object.entries(options.transitionStatus)) {
          await attempt(`transitionStatus.${category}`, async () => tickets.require('status').require(value, `transitionStatus.${category}`));
        }
        await attempt('defaults.noteType', () => context.noteType());
        for (const visibility of ['public', 'internal'] as const) {
          await attempt(`publish.${visibility}`, () => context.publishValue(visibility, 'TicketNotes'));
        }
        await attempt('publish.public (attachments)', () => context.publishValue('public', 'TicketAttachments'));
        if (problems.length === 0) return { status: 'pass', detail: 'The queue, defaults and picklist values the connector uses exist.' };
        return { status: 'fail', detail: problems.join(' '), fix: "Correct the connector's options to values this tenant has (the messages list them), or add the values in Autotask (Admin → Features & Settings → Service Desk (Tickets))." };
      },
    },
    {
      id: 'statuses',
      title: TITLES.statuses,
      needs: ['credentials'],
      async run() {
        const statuses = (await client.picklists('Tickets')).require('status');
        const missing: StatusInput[] = [];
        for (const category of STATUS_CATEGORIES) {
          if (category === 'unknown') continue;
          if ((await context.activeStatusesIn(category)).length === 0) missing.push(category);
        }
        const unknownKeys = Object.keys(options.statusMap).filter((key) => statuses.entry(/^\d+$/.test(key) ? Number(key) : key) === undefined);
        const mapped = statuses.active().map((entry) => `${entry.label} → ${context.statusCategory({ id: entry.value, name: entry.label })}`).join(', ');
        if (missing.length === 0 && unknownKeys.length === 0) return { status: 'pass', detail: mapped };
        const parts = [
          missing.length > 0 ? `No active status maps to ${missing.join(', ')}: tickets cannot be moved there.` : '',
          unknownKeys.length > 0 ? `statusMap names statuses this tenant does not have: ${unknownKeys.join(', ')}.` : '',
          `Statuses: ${mapped}.`,
        ];
        return {
          status: 'warn',
          detail: parts.filter(Boolean).join(' '),
          fix: "Map a status of the tenant to each category with the statusMap option (e.g. statusMap: { 'Closed': 'closed' }), or add the status in Autotask (Admin → Features & Settings → Service Desk (Tickets) → Ticket Statuses).",
        };
      },
    },
    {
      id: 'contact-emails',
      title: TITLES['contact-emails'],
      needs: ['credentials'],
      async run() {
        const byAddress = new Map<string, Set<string>>();
        const contacts = client.contacts.query({ filter: where.eq('isActive', 1), includeFields: ['firstName', 'lastName', 'emailAddress', 'emailAddress2', 'emailAddress3'] });
        for await (const contact of contacts) {
          const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || `contact ${contact.id}`;
          for (const address of [contact.emailAddress, contact.emailAddress2, contact.emailAddress3]) {
            const key = address?.trim().toLowerCase();
            if (!key) continue;
            const holders = byAddress.get(key) ?? new Set<string>();
            holders.add(`${name} (contact:${contact.id})`);
            byAddress.set(key, holders);
          }
        }
        const duplicates = [...byAddress].filter(([, holders]) => holders.size > 1);
        if (duplicates.length === 0) return { status: 'pass', detail: `${byAddress.size} addresses, each of one contact.` };
        const named = duplicates.slice(0, NAMED_DUPLICATES).map(([address, holders]) => `${address}: ${[...holders].join(', ')}`);
        const more = duplicates.length > NAMED_DUPLICATES ? `; and ${duplicates.length - NAMED_DUPLICATES} more` : '';
        return {
          status: 'warn',
          detail: `${duplicates.length} email ${duplicates.length === 1 ? 'address is' : 'addresses are'} shared by several active contacts, whose tickets cannot be shown to them: ${named.join('; ')}${more}.`,
          fix: 'In Autotask (CRM → Contacts), give each of these contacts its own email address, or deactivate the duplicate: the integration finds the signed-in person by email, which must be unique among contacts.',
        };
      },
    },
    {
      id: 'portal',
      title: TITLES.portal,
      run() {
        if (client.links.hasPortal) return { status: 'pass', detail: `New tickets open at ${client.links.portalNewTicket()}.` };
        return {
          status: 'warn',
          detail: 'The portalUrl option is not set: links to the client portal (ServiceTicketDetail.aspx, NewTicket.aspx) cannot be made. Ticket links open Autotask itself, which requesters cannot log in to.',
          fix: "Set the portalUrl option to your client portal's origin (e.g. https://yourcompany.itclientportal.com).",
        };
      },
    },
  ];
  return runAccessChecks(AUTOTASK, checks);
}
