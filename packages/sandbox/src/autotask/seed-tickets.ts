/**
 * The seeded tickets: `count` of them (600 by default: more than one page of 500), created over the
 * year before `seededUntil` (half in the last 90 days), ids and ticket numbers in creation order,
 * across every status, priority, queue, source, type and issue type, raised by the customers' active
 * contacts (a known requester has tickets both within the last 90 days and before), mostly assigned to
 * agents, with public and internal notes (some written by the requester) and text attachments.
 * Completed tickets carry their completion and resolution dates; `lastActivityDate` is the last note,
 * or the completion.
 *
 * @module
 */
import { helpdeskComment, helpdeskIssue, type HelpdeskTopic, type Person } from '../data.js';
import type { Random } from '../random.js';
import { PERSON_TYPE, PUBLISH_ALL, PUBLISH_INTERNAL, STATUS_COMPLETE, STATUS_NEW, TICKET_QUEUES, TICKET_STATUSES } from './picklists.js';
import type { SeededPeople } from './seed-people.js';
import type { SeededData, Contact, Resource, Ticket, TicketAttachment, TicketNote } from './store.js';
import type { FieldValue } from './table.js';
import { dueDates, nextTicketNumber } from './ticket-rules.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Issue type and sub-issue type by helpdesk topic. */
const ISSUE_BY_TOPIC: Readonly<Record<HelpdeskTopic, readonly [number, number]>> = {
  password_reset: [4, 401],
  account_lockout: [4, 402],
  vpn: [3, 301],
  laptop: [1, 101],
  printer: [1, 102],
  access_request: [4, 403],
  email: [5, 501],
  software: [2, 201],
  mobile: [1, 104],
  network: [3, 302],
  hardware: [1, 103],
  onboarding: [4, 404],
  offboarding: [4, 405],
};

const STATUS_VALUES = TICKET_STATUSES.map((entry) => Number(entry.value));
const OPEN_STATUSES = STATUS_VALUES.filter((status) => status !== STATUS_COMPLETE);
const QUEUE_WEIGHTS = [
  { value: Number(TICKET_QUEUES[0]?.value), weight: 50 },
  { value: Number(TICKET_QUEUES[1]?.value), weight: 20 },
  { value: 5, weight: 12 },
  { value: 8, weight: 8 },
  { value: 6, weight: 5 },
  { value: 29683354, weight: 5 },
];
const PRIORITY_WEIGHTS = [
  { value: 4, weight: 5 },
  { value: 1, weight: 20 },
  { value: 2, weight: 55 },
  { value: 3, weight: 20 },
];
const SOURCE_WEIGHTS = [
  { value: 4, weight: 40 },
  { value: 2, weight: 25 },
  { value: -1, weight: 15 },
  { value: 6, weight: 8 },
  { value: 3, weight: 4 },
  { value: 1, weight: 3 },
  { value: 11, weight: 3 },
  { value: -2, weight: 2 },
];
const ATTACHMENT_FILES = ['vpn-client.log', 'error-message.txt', 'printer-status.txt', 'export.csv', 'event-viewer.log'] as const;

/** What the ticket seed tells the facts. */
export interface SeededTickets {
  readonly knownRequester: Contact;
  readonly completedTicket: Ticket;
  readonly openTicket: Ticket;
  readonly ticketWithAttachment: { readonly ticketId: number; readonly attachmentId: number };
  readonly ticketWithInternalNote: { readonly ticketId: number; readonly publicNoteId: number; readonly internalNoteId: number };
}

function personOf(contact: Contact): Person {
  const name = `${contact.firstName} ${contact.lastName}`;
  return { firstName: contact.firstName, lastName: contact.lastName, name, email: contact.emailAddress ?? '' };
}

/**
 * The set fields of a record (sparse: unset ones are absent). Built in one go: V8 keeps such an
 * object's fields in a compact layout, while one given ~35 fields by name one after the other falls
 * back to a hash table — far more memory, and collector time, for a 100,000-ticket seed.
 */
function plain(fields: Record<string, FieldValue | undefined>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, FieldValue] => entry[1] !== undefined && entry[1] !== null));
}

interface Writer {
  note(ticket: Ticket, at: number, publish: number, author: { resource?: Resource; contact?: Contact }, text: string): TicketNote;
  attachment(ticket: Ticket, at: number, agent: Resource | undefined, contact: Contact | undefined): TicketAttachment;
}

function writer(state: SeededData, random: Random): Writer {
  const { TicketNotes, TicketAttachments } = state.tables;
  let noteId = 30770001;
  let attachmentId = 232480001;
  return {
    note(ticket, at, publish, author, text) {
      const note = TicketNotes.insert(
        plain({
          id: noteId,
          ticketID: ticket.id,
          title: publish === PUBLISH_ALL ? 'Update' : 'Internal note',
          description: text,
          noteType: author.contact === undefined ? random.pick([1, 3, 3, 3]) : 3,
          publish,
          createDateTime: at,
          lastActivityDate: at,
          creatorResourceID: author.resource?.id,
          createdByContactID: author.contact?.id,
        }) as unknown as TicketNote,
      );
      noteId += 1;
      return note;
    },
    attachment(ticket, at, agent, contact) {
      const fileName = random.pick(ATTACHMENT_FILES);
      const text = `${ticket.ticketNumber} ${ticket.title}\n${fileName} captured ${new Date(at).toISOString()}\n${'line of diagnostic output\n'.repeat(random.int(2, 12))}`;
      const content = new TextEncoder().encode(text);
      const record = TicketAttachments.insert(
        plain({
          id: attachmentId,
          ticketID: ticket.id,
          parentID: ticket.id,
          parentType: 4,
          title: fileName.replace(/[-.]/gu, ' ').replace(/ (log|txt|csv)$/u, ''),
          fullPath: fileName,
          attachmentType: 'FILE_ATTACHMENT',
          publish: PUBLISH_ALL,
          attachDate: at,
          fileSize: content.byteLength,
          contentType: fileName.endsWith('.csv') ? 'text/csv' : 'text/plain',
          creatorType: contact === undefined ? PERSON_TYPE.resource : PERSON_TYPE.contact,
          attachedByResourceID: contact === undefined ? agent?.id : undefined,
          attachedByContactID: contact?.id,
          isTaskAttachment: false,
        }) as unknown as TicketAttachment,
      );
      state.attachmentData.set(record.id, content);
      attachmentId += 1;
      return record;
    },
  };
}

/** Seeds the tickets, their notes and attachments. */
export function seedTickets(state: SeededData, random: Random, people: SeededPeople, count: number): SeededTickets {
  const until = state.seededUntil.getTime();
  const table = state.tables.Tickets;
  const write = writer(state, random.fork('children'));
  const requesters = [...people.contactsByCompany.values()].flat();
  const known = requesters.find((contact) => contact.id !== people.alias.id && !people.duplicate.contactIds.includes(contact.id)) as Contact;

  // Creation instants, ascending: half in the last 90 days, half in the 275 days before.
  const created = Array.from({ length: count }, () => (random.chance(0.5) ? until - random.int(60, 90 * 24 * 60) * MINUTE : until - random.int(90 * 24 * 60, 365 * 24 * 60) * MINUTE)).sort((a, b) => a - b);
  const knownEvery = Math.max(2, Math.floor(count / Math.max(8, Math.round(count * 0.03))));

  created.forEach((createdAt, index) => {
    const requester = index % knownEvery === 0 ? known : random.pick(requesters);
    const issue = helpdeskIssue(random, { requester: personOf(requester) });
    const age = until - createdAt;
    const status =
      index < STATUS_VALUES.length
        ? (STATUS_VALUES[index] as number)
        : random.chance(age > 30 * DAY ? 0.9 : age > 3 * DAY ? 0.45 : 0.15)
          ? STATUS_COMPLETE
          : random.weighted(OPEN_STATUSES.map((value) => ({ value, weight: value === STATUS_NEW ? 3 : value === 8 ? 4 : 1 })));
    const priority = age > 300 * DAY && random.chance(0.05) ? 5 : random.weighted(PRIORITY_WEIGHTS);
    const queueID = random.weighted(QUEUE_WEIGHTS);
    const [issueType, subIssueType] = ISSUE_BY_TOPIC[issue.topic];
    const ticketType = queueID === 8 ? 5 : random.chance(0.03) ? 3 : random.chance(0.03) ? 4 : issue.kind === 'incident' ? 2 : 1;
    const agent = status === STATUS_NEW || random.chance(0.08) ? undefined : random.pick(people.agents);
    const firstResponse = status === STATUS_NEW ? undefined : createdAt + random.int(5, 240) * MINUTE;
    let completedAt: number | undefined;
    if (status === STATUS_COMPLETE) completedAt = Math.min(until - MINUTE, createdAt + random.int(20, 14 * 24 * 60) * MINUTE);
    const activityEnd = completedAt ?? Math.min(until - MINUTE, createdAt + random.int(10, Math.max(11, Math.floor(age / MINUTE))) * MINUTE);
    const source = random.weighted(SOURCE_WEIGHTS);
    const ticket = table.insert(
      plain({
        id: 7001 + index,
        ticketNumber: nextTicketNumber(state, createdAt),
        title: issue.subject,
        description: issue.description,
        status,
        priority,
        queueID,
        source,
        ticketType,
        ticketCategory: ticketType === 5 ? 2 : 3,
        issueType,
        subIssueType,
        companyID: requester.companyID,
        contactID: requester.id,
        assignedResourceID: agent?.id,
        assignedResourceRoleID: agent?.defaultServiceDeskRoleID,
        createDate: createdAt,
        creatorType: source === -1 ? PERSON_TYPE.contact : PERSON_TYPE.resource,
        creatorResourceID: source === -1 ? undefined : (agent ?? people.agents[0])?.id,
        createdByContactID: source === -1 ? requester.id : undefined,
        ...dueDates(createdAt, priority),
        firstResponseDateTime: firstResponse,
        firstResponseInitiatingResourceID: firstResponse === undefined ? undefined : agent?.id,
        firstResponseAssignedResourceID: firstResponse === undefined ? undefined : agent?.id,
        completedDate: completedAt,
        completedByResourceID: completedAt === undefined ? undefined : (agent ?? people.agents[0])?.id,
        resolvedDateTime: completedAt,
        resolution: completedAt === undefined ? undefined : helpdeskComment(random, 'agent'),
        serviceLevelAgreementHasBeenMet: completedAt === undefined ? undefined : completedAt <= dueDates(createdAt, priority).dueDateTime,
        lastActivityDate: activityEnd,
        lastTrackedModificationDateTime: activityEnd,
        lastActivityResourceID: agent?.id,
        lastActivityPersonType: PERSON_TYPE.resource,
        isVisibleToComanaged: false,
        isAssignedToComanaged: false,
      }) as unknown as Ticket,
    );
    if (completedAt !== undefined && random.chance(0.5)) table.setUdf(ticket.id, 'Root Cause', random.pick(['1', '2', '3', '4']));
    if (random.chance(0.05)) table.setUdf(ticket.id, 'External Reference', `REF-${random.int(10000, 99999)}`);

    // Notes between creation and the last activity, the last one at the last activity.
    const notes = status === STATUS_NEW ? random.int(0, 1) : random.int(0, 4);
    for (let n = 0; n < notes; n += 1) {
      const at = n === notes - 1 ? activityEnd : createdAt + Math.floor(((activityEnd - createdAt) * (n + 1)) / (notes + 1));
      const fromRequester = agent === undefined || random.chance(0.3);
      if (fromRequester) write.note(ticket, at, PUBLISH_ALL, { contact: requester }, helpdeskComment(random, 'requester'));
      else write.note(ticket, at, random.chance(0.4) ? PUBLISH_INTERNAL : PUBLISH_ALL, { resource: agent }, helpdeskComment(random, 'agent'));
    }
    if (random.chance(0.12)) write.attachment(ticket, createdAt + MINUTE, agent, random.chance(0.5) ? requester : undefined);
  });

  const knownTickets = table.idsWhere('contactID', [known.id]).map((id) => table.get(id) as Ticket);
  const openTicket = knownTickets.findLast((ticket) => ticket.status !== STATUS_COMPLETE) ?? (knownTickets.at(-1) as Ticket);
  const completedTicket = knownTickets.find((ticket) => ticket.status === STATUS_COMPLETE) ?? ([...table.rows()].find((ticket) => ticket.status === STATUS_COMPLETE) as Ticket);
  const agent = people.agents[0] as Resource;
  const at = openTicket.lastActivityDate;
  const publicNote = write.note(openTicket, at, PUBLISH_ALL, { resource: agent }, 'We are looking into it and will update you shortly.');
  const internalNote = write.note(openTicket, at, PUBLISH_INTERNAL, { resource: agent }, 'Checked the logs: the issue started after the last update. Escalate if it recurs.');
  const attachment = write.attachment(openTicket, openTicket.createDate + HOUR, agent, undefined);
  return {
    knownRequester: known,
    completedTicket,
    openTicket,
    ticketWithAttachment: { ticketId: openTicket.id, attachmentId: attachment.id },
    ticketWithInternalNote: { ticketId: openTicket.id, publicNoteId: publicNote.id, internalNoteId: internalNote.id },
  };
}
