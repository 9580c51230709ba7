import { BudgetExceededError, InputError, ResponseShapeError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_BYTES_PER_WINDOW, MAX_ATTACHMENT_BYTES } from '../../src/index.js';
import { api, failure, fixedClient, page, useNock } from './support.js';

useNock();

describe('ticket attachments', () => {
  it('uploads the content as Base64 under the ticket, and downloads the same bytes', async () => {
    const content = new TextEncoder().encode('[09:14] my VPN keeps dropping\n');
    const upload = api('POST', '/Tickets/7/Attachments', [200, { itemId: 31 }]);
    api('GET', '/Tickets/7/Attachments/31', [200, { items: [{ id: 31, ticketID: 7, fullPath: 'chat.txt', data: Buffer.from(content).toString('base64') }] }]);
    const autotask = fixedClient();
    expect(await autotask.tickets.attachments(7).upload({ filename: 'chat.txt', content, publish: 1, contentType: 'text/plain' })).toEqual({ itemId: 31 });
    expect(upload[0]?.json()).toEqual({
      id: 0,
      attachmentType: 'FILE_ATTACHMENT',
      fullPath: 'chat.txt',
      title: 'chat.txt',
      publish: 1,
      data: Buffer.from(content).toString('base64'),
      contentType: 'text/plain',
    });
    expect(await autotask.ticketAttachments.download(7, 31)).toEqual(content);
  });

  it('lists a ticket\'s attachments with a query on ticketID', async () => {
    const calls = api('POST', '/TicketAttachments/query', [200, page([{ id: 31, ticketID: 7, data: null }])]);
    expect((await fixedClient().tickets.attachments(7).list().toArray({ limit: 10 })).map((attachment) => attachment.id)).toEqual([31]);
    expect(calls[0]?.json()).toEqual({ filter: [{ op: 'eq', field: 'ticketID', value: 7 }] });
  });

  it('reads { "item": ... } too, and says when the content is missing', async () => {
    api('GET', '/Tickets/7/Attachments/31', [200, { item: { id: 31, data: null } }]);
    expect(await failure(fixedClient().ticketAttachments.download(7, 31))).toBeInstanceOf(ResponseShapeError);
  });

  it('refuses a file over 6 MiB before sending it', async () => {
    const error = await failure(fixedClient().ticketAttachments.upload(7, { filename: 'big.bin', content: new Uint8Array(MAX_ATTACHMENT_BYTES + 1), publish: 1 }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'file.content' });
    expect((error as Error).message).toMatch(/at most 6291456 bytes/);
  });

  it('refuses an upload past 10,000,000 bytes in 5 minutes per database, saying when it frees up', async () => {
    let now = 1_000_000;
    const chunk = new Uint8Array(MAX_ATTACHMENT_BYTES - 1_000_000);
    const uploads = api('POST', '/Tickets/7/Attachments', [200, { itemId: 1 }]);
    const autotask = fixedClient({ username: 'window-test@acme.example' });
    // A fresh resource with its own clock: the window is per database, kept in this process.
    const { TicketAttachmentsResource } = await import('../../src/resources/ticket-attachments.js');
    const attachments = new TicketAttachmentsResource((autotask.ticketAttachments as unknown as { context: never }).context, () => now);
    await attachments.upload(7, { filename: 'a.bin', content: chunk, publish: 1 });
    now += 60_000;
    const error = (await failure(attachments.upload(7, { filename: 'b.bin', content: chunk, publish: 1 }))) as BudgetExceededError;
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ limit: ATTACHMENT_BYTES_PER_WINDOW, used: chunk.byteLength, retryAfterMs: 240_000, outcome: 'not_applied' });
    expect(uploads).toHaveLength(1);
    now += 240_000;
    api('POST', '/Tickets/7/Attachments', [200, { itemId: 2 }]);
    expect(await attachments.upload(7, { filename: 'b.bin', content: chunk, publish: 1 })).toEqual({ itemId: 2 });
  });

  it('checks the file before any request', async () => {
    const attachments = fixedClient().ticketAttachments;
    await expect(attachments.upload(7, { filename: 'a/b.txt', content: 'x', publish: 1 })).rejects.toMatchObject({ field: 'file.filename' });
    await expect(attachments.upload(7, { filename: 'a.txt', content: 'x' } as never)).rejects.toMatchObject({ field: 'file.publish' });
    await expect(attachments.upload(7, { filename: 'a.txt', content: 42, publish: 1 } as never)).rejects.toMatchObject({ field: 'file.content' });
    await expect(attachments.upload(7, { filename: 'a.txt', content: 'x', publish: 1, public: true } as never)).rejects.toMatchObject({ field: 'file.public' });
  });
});
