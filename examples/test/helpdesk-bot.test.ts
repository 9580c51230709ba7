// The demo scenario, end to end, through every connector the demo runs.
import { describe, expect, it } from 'vitest';
import { createMemoryConnector } from '@itsm/core/testing';
import { runHelpdeskBot, type Narrator } from '../helpdesk-bot/scenario.ts';

function recorder(): Narrator & { lines: string[] } {
  const lines: string[] = [];
  return { lines, step: (title) => lines.push(`# ${title}`), detail: (text) => lines.push(text) };
}

describe('helpdesk-bot scenario', () => {
  it('runs the whole bot flow on the in-memory connector', async () => {
    const connector = createMemoryConnector();
    const say = recorder();
    const result = await runHelpdeskBot(connector, 'ann.lee@example.com', say);

    expect(result.raised.status.category).toBe('resolved');
    expect(result.logged.status.category).toBe('resolved');
    expect(result.recent.map((ticket) => ticket.id)).toEqual([result.logged.id, result.raised.id]);
    expect(new Set(result.changed.map((ticket) => ticket.id))).toEqual(new Set([result.raised.id, result.logged.id]));

    const comments = await connector.comments.list(result.raised.id).toArray({ limit: 10 });
    expect(comments.map((comment) => comment.visibility)).toEqual(['public', 'internal', 'public']);
    const attachments = await connector.attachments.list(result.raised.id).toArray({ limit: 10 });
    expect(attachments.map((attachment) => attachment.filename)).toEqual(['chat-transcript.txt']);
    expect(say.lines.filter((line) => line.startsWith('# '))).toHaveLength(10);
  });

  it('stops with a clear error when nobody has the email', async () => {
    await expect(runHelpdeskBot(createMemoryConnector(), 'stranger@example.com', recorder())).rejects.toThrow(
      'nobody has the email stranger@example.com',
    );
  });
});
