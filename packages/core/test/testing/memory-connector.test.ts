import { describe, expect, it } from 'vitest';
import { AmbiguousMatchError, InputError, NotFoundError, UnsupportedError } from '../../src/errors.js';
import { createMemoryConnector } from '../../src/testing/memory-connector.js';

describe('createMemoryConnector', () => {
  it('names the requester field when nobody has the email', async () => {
    const connector = createMemoryConnector();
    await expect(connector.tickets.create({ subject: 'x', requester: 'nobody@example.com' })).rejects.toMatchObject({
      name: 'InputError',
      field: 'input.requester',
    });
  });

  it('refuses an ambiguous requester instead of picking one', async () => {
    const connector = createMemoryConnector();
    await expect(connector.tickets.create({ subject: 'x', requester: 'frontdesk@example.com' })).rejects.toBeInstanceOf(
      AmbiguousMatchError,
    );
  });

  it('gives each write a distinct, increasing updatedAt even on a frozen clock', async () => {
    const frozen = new Date('2026-01-01T00:00:00Z');
    const connector = createMemoryConnector({ now: () => frozen });
    const ticket = await connector.tickets.create({ subject: 'a' });
    const updated = await connector.tickets.update(ticket.id, { subject: 'b' });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(ticket.updatedAt));
  });

  it('pages lists in the configured page size', async () => {
    const connector = createMemoryConnector({ pageSize: 2 });
    for (let i = 0; i < 5; i++) await connector.tickets.create({ subject: `t${i}` });
    const sizes: number[] = [];
    for await (const page of connector.tickets.list().pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('orders lists by update, newest first unless asked otherwise', async () => {
    const connector = createMemoryConnector();
    const first = await connector.tickets.create({ subject: 'first' });
    const second = await connector.tickets.create({ subject: 'second' });
    await connector.tickets.update(first.id, { subject: 'first, touched' });
    const newest = await connector.tickets.list().toArray({ limit: 10 });
    expect(newest.map((t) => t.id)).toEqual([first.id, second.id]);
    const oldest = await connector.tickets.list({ order: 'updated_asc' }).toArray({ limit: 10 });
    expect(oldest.map((t) => t.id)).toEqual([second.id, first.id]);
  });

  it('pages a snapshot, so updates while paging neither drop nor repeat a ticket', async () => {
    const connector = createMemoryConnector({ pageSize: 2 });
    const created = [];
    for (let i = 0; i < 6; i++) created.push(await connector.tickets.create({ subject: `t${i}` }));
    const seen: string[] = [];
    for await (const ticket of connector.tickets.list()) {
      seen.push(ticket.id);
      // Touching the oldest ticket moves it to the front of a live, newest-first list.
      if (seen.length === 1) await connector.tickets.update(created[0]!.id, { subject: 'touched' });
    }
    expect(seen.sort()).toEqual(created.map((ticket) => ticket.id).sort());
  });

  it('returns copies, so callers cannot change the store by accident', async () => {
    const connector = createMemoryConnector();
    const ticket = await connector.tickets.create({ subject: 'original' });
    ticket.subject = 'mutated';
    expect((await connector.tickets.get(ticket.id)).subject).toBe('original');
  });

  it('reports unknown attachments and users as NotFoundError and switched-off capabilities as UnsupportedError', async () => {
    const connector = createMemoryConnector({ capabilities: { catalog: false } });
    const ticket = await connector.tickets.create({ subject: 'x' });
    await expect(connector.attachments.download(ticket.id, '42')).rejects.toBeInstanceOf(NotFoundError);
    await expect(connector.users.get('nobody')).rejects.toBeInstanceOf(NotFoundError);
    await expect(connector.catalog.list().toArray({ limit: 1 })).rejects.toBeInstanceOf(UnsupportedError);
    await expect(connector.tickets.transition(ticket.id, 'unknown')).rejects.toBeInstanceOf(InputError);
  });

  it('refuses an internal comment with a transition when internal comments are off, before changing anything', async () => {
    const connector = createMemoryConnector({ capabilities: { internalComments: false } });
    const ticket = await connector.tickets.create({ subject: 'x' });
    await expect(
      connector.tickets.transition(ticket.id, 'resolved', { comment: 'Fixed', commentVisibility: 'internal' }),
    ).rejects.toBeInstanceOf(UnsupportedError);
    expect((await connector.tickets.get(ticket.id)).status.category).toBe('open');
    expect(await connector.comments.list(ticket.id).toArray({ limit: 10 })).toEqual([]);
  });

  it('warns in verifyAccess when it has no active users', async () => {
    const report = await createMemoryConnector({ users: [{ name: 'Old', active: false }] }).verifyAccess();
    expect(report.ok).toBe(true);
    expect(report.checks.find((check) => check.id === 'users')?.status).toBe('warn');
  });

  it('keeps idempotency keys: the same key returns the first ticket, a lost answer is found again', async () => {
    const connector = createMemoryConnector();
    const first = await connector.tickets.create({ subject: 'VPN down' }, { idempotencyKey: 'chat-1' });
    expect(await connector.tickets.create({ subject: 'VPN down again' }, { idempotencyKey: 'chat-1' })).toMatchObject({ id: first.id, subject: 'VPN down' });
    connector.faults.loseNextAnswer('tickets.create');
    const recovered = await connector.tickets.create({ subject: 'Printer jam' });
    expect(recovered.subject).toBe('Printer jam');
    expect((await connector.tickets.list().toArray({ limit: 10 })).map((ticket) => ticket.subject).sort()).toEqual(['Printer jam', 'VPN down']);
    expect(recovered.raw).toMatchObject({ idempotencyKey: expect.stringMatching(/^itsm-/) });
  });

  it('says the outcome is unknown where keys are kept after the write, and refuses keys where there are none', async () => {
    const later = createMemoryConnector({ capabilities: { createIdempotency: 'after-write', commentIdempotency: 'none' } });
    later.faults.loseNextAnswer('tickets.create');
    await expect(later.tickets.create({ subject: 'VPN down' }, { idempotencyKey: 'chat-2' })).rejects.toMatchObject({
      name: 'OutcomeUnknownError',
      idempotencyKey: 'chat-2',
      outcome: 'unknown',
    });
    const ticket = (await later.tickets.list().toArray({ limit: 10 }))[0]!;
    await expect(later.comments.add(ticket.id, { body: 'x' }, { idempotencyKey: 'c-1' })).rejects.toBeInstanceOf(UnsupportedError);
    later.faults.loseNextAnswer('comments.add');
    later.faults.clear();
    await expect(later.comments.add(ticket.id, { body: 'kept' })).resolves.toMatchObject({ body: 'kept' });
  });

  it('counts the operations that reach the store, and bad input reaches none', async () => {
    const connector = createMemoryConnector({ limits: { subject: 10 } });
    const before = connector.requests;
    await expect(connector.tickets.get('HELP\r\n1')).rejects.toBeInstanceOf(InputError);
    await expect(connector.tickets.create({ subject: 'x'.repeat(11) })).rejects.toMatchObject({ field: 'input.subject', provider: 'memory' });
    expect(connector.requests).toBe(before);
    await connector.tickets.create({ subject: 'x'.repeat(10) });
    expect(connector.requests).toBeGreaterThan(before);
    expect(connector.limits).toMatchObject({ subject: 10, comment: 32_767 });
  });
});

