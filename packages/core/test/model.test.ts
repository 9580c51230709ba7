import { describe, expect, it } from 'vitest';
import { accessReport, STATUS_CATEGORIES, TicketSchema, UserSchema } from '../src/model.js';

const ticket = {
  provider: 'jira-cloud',
  id: '10001',
  key: 'HELP-1',
  type: 'incident',
  subject: 'Printer jam',
  status: { category: 'open', native: { id: '1', name: 'Open' } },
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:05:00Z',
  customFields: {},
  raw: { anything: true },
};

describe('model schemas', () => {
  it('accepts a complete ticket and keeps raw untouched', () => {
    const parsed = TicketSchema.parse(ticket);
    expect(parsed.raw).toBe(ticket.raw);
  });

  it('rejects a ticket with a non-ISO date or an unknown category', () => {
    expect(TicketSchema.safeParse({ ...ticket, createdAt: '01/01/2026' }).success).toBe(false);
    expect(TicketSchema.safeParse({ ...ticket, updatedAt: '2026-01-01T12:05:00+02:00' }).success).toBe(false);
    expect(TicketSchema.safeParse({ ...ticket, status: { category: 'pending', native: { name: 'x' } } }).success).toBe(false);
  });

  it('accepts third-party provider ids but not malformed ones', () => {
    expect(UserSchema.safeParse({ provider: 'zendesk', id: '1', name: 'A', active: true, kind: 'agent', raw: {} }).success).toBe(true);
    expect(UserSchema.safeParse({ provider: 'Zen Desk', id: '1', name: 'A', active: true, kind: 'agent', raw: {} }).success).toBe(false);
  });

  it('lists the categories in workflow order', () => {
    expect(STATUS_CATEGORIES).toEqual(['open', 'in_progress', 'waiting_for_user', 'resolved', 'closed', 'unknown']);
  });
});

describe('accessReport', () => {
  it('is ok unless a check fails', () => {
    expect(accessReport('ivanti', [{ id: 'a', title: 'A', status: 'warn', fix: 'x' }]).ok).toBe(true);
    expect(accessReport('ivanti', [{ id: 'a', title: 'A', status: 'fail', fix: 'x' }]).ok).toBe(false);
  });
});
