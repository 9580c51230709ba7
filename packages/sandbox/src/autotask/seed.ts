/**
 * The seeded Autotask tenant, built deterministically from the sandbox seed (dates from
 * `seededUntil`, never the clock): the organisation (`seed-people.ts`), the tickets with their notes
 * and attachments (`seed-tickets.ts`), the limits' counters, and the facts tests rely on.
 *
 * @module
 */
import { InFlightGate } from '../in-flight-gate.js';
import type { Random } from '../random.js';
import { COMPANIES, CONTACTS, RESOURCES, TICKET_ATTACHMENTS, TICKET_NOTES, TICKETS } from './entities/index.js';
import { TICKET_QUEUES } from './picklists.js';
import { API_USER_RESOURCE_ID, apiUsername, mspCompany, seedPeople } from './seed-people.js';
import { seedTickets } from './seed-tickets.js';
import type { AutotaskFacts, AutotaskState, FactPerson, SeededData } from './store.js';
import { EntityTable } from './table.js';
import { defaultThreshold, hourlyBudget } from './threshold.js';

/**
 * Tickets seeded when the sandbox gives no size: more than one page of 500.
 *
 * @category Seed data
 */
export const DEFAULT_TICKETS = 600;

/**
 * The zone the sandbox's tenant lives in, as `zoneInformation` names it.
 *
 * @category Seed data
 */
export const ZONE_NAME = 'Sandbox';

/** An API secret shaped like Autotask's generated ones. */
export function apiSecret(random: Random): string {
  const alphabet = [...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789$*#@~'];
  return Array.from({ length: 26 }, () => random.pick(alphabet)).join('');
}

/** An API tracking identifier shaped like Autotask's (26 upper-case letters and digits). */
export function trackingIdentifier(random: Random): string {
  const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'];
  return Array.from({ length: 26 }, () => random.pick(alphabet)).join('');
}

interface SeedContext {
  readonly random: Random;
  readonly seed: string;
  readonly tickets: number | undefined;
  readonly seededUntil: Date;
}

function fact(id: number, email: string | undefined, firstName: string, lastName: string): FactPerson {
  return { id, email: email ?? '', name: `${firstName} ${lastName}` };
}

/** Builds the seeded state. */
export function seedState({ random, seed, tickets, seededUntil }: SeedContext): AutotaskState {
  const username = apiUsername(seed);
  const data: SeededData = {
    seededUntil: new Date(seededUntil.getTime()),
    tables: {
      Tickets: new EntityTable(TICKETS, 7001),
      TicketNotes: new EntityTable(TICKET_NOTES, 30770001),
      TicketAttachments: new EntityTable(TICKET_ATTACHMENTS, 232480001),
      Contacts: new EntityTable(CONTACTS, 29684001),
      Resources: new EntityTable(RESOURCES, API_USER_RESOURCE_ID),
      Companies: new EntityTable(COMPANIES, 174),
    },
    attachmentData: new Map(),
    ticketNumberSequences: new Map(),
    roles: new Map(),
    resourceRoles: new Map(),
  };
  const people = seedPeople(data, random.fork('people'), seed, username);
  const seeded = seedTickets(data, random.fork('tickets'), people, tickets ?? DEFAULT_TICKETS);
  const company = data.tables.Companies.get(seeded.knownRequester.companyID);
  const agent = people.agents[1] ?? people.agents[0];
  const queue = TICKET_QUEUES[0];
  if (company === undefined || agent === undefined || queue === undefined) throw new Error('autotask seed: missing company, agent or queue');
  const known = seeded.knownRequester;
  const facts: AutotaskFacts = {
    apiUser: { resourceId: API_USER_RESOURCE_ID, username },
    zone: { zoneName: ZONE_NAME, ci: random.fork('zone').int(10_000, 99_999) },
    ownCompany: { id: 0, name: mspCompany(seed).name },
    company: { id: company.id, name: company.companyName },
    knownRequester: { ...fact(known.id, known.emailAddress, known.firstName, known.lastName), companyId: known.companyID },
    duplicateEmail: people.duplicate,
    aliasContact: people.alias,
    inactiveContact: fact(people.inactiveContact.id, people.inactiveContact.emailAddress, people.inactiveContact.firstName, people.inactiveContact.lastName),
    agent: { ...fact(agent.id, agent.email, agent.firstName, agent.lastName), userName: agent.userName, roleId: agent.defaultServiceDeskRoleID ?? 0 },
    inactiveAgent: fact(people.inactiveAgent.id, people.inactiveAgent.email, people.inactiveAgent.firstName, people.inactiveAgent.lastName),
    queue: { id: Number(queue.value), name: queue.label },
    completedTicket: { id: seeded.completedTicket.id, ticketNumber: seeded.completedTicket.ticketNumber },
    openTicket: { id: seeded.openTicket.id, ticketNumber: seeded.openTicket.ticketNumber },
    ticketWithAttachment: seeded.ticketWithAttachment,
    ticketWithInternalNote: seeded.ticketWithInternalNote,
  };
  const threshold = defaultThreshold();
  const state: AutotaskState = {
    ...data,
    clock: Date.now,
    wait: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    hold: undefined,
    attachmentUploads: [],
    attachmentsBlockedUntil: 0,
    settings: { threshold, threadLimit: 3, attachmentMaxBytes: 6 * 1024 * 1024, attachmentBytesPerWindow: 10_000_000 },
    hourly: hourlyBudget({ clock: () => state.clock() }, threshold),
    threads: new InFlightGate({ limit: 3 }),
    facts,
  };
  return state;
}
