/**
 * The seed: deterministic, realistic, and as large as asked; the facts hold.
 */
import { describe, expect, it } from 'vitest';
import { autotaskSimulator, STATUS_COMPLETE, TICKET_STATUSES } from '../../src/autotask/index.js';
import type { AutotaskState } from '../../src/autotask/index.js';
import { Random } from '../../src/random.js';
import { recordJson } from '../../src/autotask/serialize.js';

const until = new Date('2026-01-01T00:00:00Z');

function state(seed: string, tickets?: number): AutotaskState {
  return autotaskSimulator.createState({ provider: 'autotask', seed, random: new Random(`${seed}/autotask`), tickets, seededUntil: until }) as AutotaskState;
}

function snapshot(s: AutotaskState): unknown {
  const { Tickets, TicketNotes, Contacts } = s.tables;
  return {
    facts: s.facts,
    tickets: [...Tickets.rows()].map((ticket) => recordJson(Tickets, ticket)),
    notes: [...TicketNotes.rows()].map((note) => recordJson(TicketNotes, note)),
    contacts: [...Contacts.rows()].map((contact) => recordJson(Contacts, contact)),
  };
}

describe('seed', () => {
  it('gives the same data for the same seed, other data for another', () => {
    expect(snapshot(state('a'))).toEqual(snapshot(state('a')));
    expect(JSON.stringify(snapshot(state('b')))).not.toBe(JSON.stringify(snapshot(state('a'))));
  });

  it('seeds 600 tickets by default, more than one page, across every status, type, queue and priority, dated before seededUntil', () => {
    const s = state('itsm-sandbox');
    const tickets = [...s.tables.Tickets.rows()];
    expect(tickets).toHaveLength(600);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(TICKET_STATUSES.map((entry) => Number(entry.value))));
    expect(new Set(tickets.map((t) => t.ticketType)).size).toBe(5);
    expect(new Set(tickets.map((t) => t.queueID)).size).toBe(6);
    expect(new Set(tickets.map((t) => t.priority)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(tickets.map((t) => t.contactID)).size).toBeGreaterThan(20);
    expect(tickets.every((t) => t.createDate < until.getTime() && t.lastActivityDate <= until.getTime() && t.lastActivityDate >= t.createDate)).toBe(true);
    expect(tickets.filter((t) => t.status === STATUS_COMPLETE).every((t) => t.completedDate !== undefined)).toBe(true);
    expect(tickets.filter((t) => t.status !== STATUS_COMPLETE).every((t) => t.completedDate === undefined)).toBe(true);
    const numbers = tickets.map((t) => t.ticketNumber);
    expect(new Set(numbers).size).toBe(600);
    expect(numbers.every((number) => /^T\d{8}\.\d{4}$/u.test(number))).toBe(true);
  });

  it('has the facts the tests and docs rely on', () => {
    const s = state('itsm-sandbox');
    const { facts, tables } = s;
    const ninetyDaysAgo = until.getTime() - 90 * 86_400_000;
    const mine = [...tables.Tickets.rows()].filter((t) => t.contactID === facts.knownRequester.id);
    expect(mine.some((t) => t.lastActivityDate >= ninetyDaysAgo)).toBe(true);
    expect(mine.some((t) => t.lastActivityDate < ninetyDaysAgo)).toBe(true);
    const byEmail = (email: string) => [...tables.Contacts.rows()].filter((c) => [c.emailAddress, c.emailAddress2, c.emailAddress3].some((address) => address?.toLowerCase() === email.toLowerCase()));
    expect(byEmail(facts.knownRequester.email).map((c) => c.id)).toEqual([facts.knownRequester.id]);
    expect(byEmail(facts.duplicateEmail.email).map((c) => c.id)).toEqual([...facts.duplicateEmail.contactIds]);
    expect(byEmail(facts.aliasContact.alias).map((c) => c.id)).toEqual([facts.aliasContact.id]);
    expect(tables.Contacts.get(facts.inactiveContact.id)?.isActive).toBe(0);
    expect(tables.Resources.get(facts.agent.id)?.isActive).toBe(true);
    expect(tables.Resources.get(facts.inactiveAgent.id)?.isActive).toBe(false);
    expect(tables.Tickets.get(facts.completedTicket.id)?.status).toBe(STATUS_COMPLETE);
    expect(tables.Tickets.get(facts.openTicket.id)?.status).not.toBe(STATUS_COMPLETE);
    expect(tables.TicketAttachments.get(facts.ticketWithAttachment.attachmentId)?.ticketID).toBe(facts.ticketWithAttachment.ticketId);
    expect(tables.TicketNotes.get(facts.ticketWithInternalNote.internalNoteId)?.publish).toBe(2);
    expect(tables.TicketNotes.get(facts.ticketWithInternalNote.publicNoteId)?.publish).toBe(1);
    expect(tables.Companies.get(0)?.companyName).toBe(facts.ownCompany.name);
  });

  it('seeds 10,000 tickets for benchmarks', () => {
    const s = state('bench', 10_000);
    expect(s.tables.Tickets.size).toBe(10_000);
    expect(s.tables.Tickets.ids.at(-1)).toBe(7001 + 9_999);
  });
});
