/**
 * A stored cursor outlives the sandbox it came from: the same seed is the same site (the same cloud
 * id), whatever port it runs on, so a bot restarted against a restarted sandbox resumes its feed. A
 * sandbox with another seed is another site, and refuses the cursor, saying what to do.
 */
import { InputError } from '@itsm/core';
import { startSandbox } from '@itsm/sandbox';
import { describe, expect, it } from 'vitest';
import { createJiraConnector } from '../../src/index.js';

const SEEDED_UNTIL = '2026-01-01T00:00:00Z';

describe('a stored change-feed cursor', { timeout: 30_000 }, () => {
  it('resumes on the same sandbox restarted on another port, and is refused by another seed', async () => {
    let cursor: string;
    let url: string;
    {
      await using sb = await startSandbox({ providers: ['jira-cloud'], seed: 'restart', seededUntil: SEEDED_UNTIL, tickets: 30 });
      url = sb.url('jira-cloud');
      const jira = createJiraConnector(sb.connectorOptions('jira-cloud'));
      ({ cursor } = await jira.tickets.changes({ since: new Date(Date.parse(SEEDED_UNTIL) - 86_400_000) }));
    }

    await using again = await startSandbox({ providers: ['jira-cloud'], seed: 'restart', seededUntil: SEEDED_UNTIL, tickets: 30 });
    expect(again.url('jira-cloud')).not.toBe(url); // another origin, the same site
    const jira = createJiraConnector(again.connectorOptions('jira-cloud'));
    const raised = await jira.tickets.create({ subject: 'Raised after the restart', requester: again.sample('jira-cloud').requesterEmail });
    const resumed = await jira.tickets.changes({ cursor });
    expect(resumed.tickets.map((ticket) => ticket.id)).toContain(raised.id);

    await using other = await startSandbox({ providers: ['jira-cloud'], seed: 'another site', seededUntil: SEEDED_UNTIL, tickets: 30 });
    const error = await createJiraConnector(other.connectorOptions('jira-cloud'))
      .tickets.changes({ cursor })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ provider: 'jira-cloud', field: 'cursor' });
    expect((error as Error).message).toMatch(/belongs to another change feed.*Start again without it: changes\(\{ since \}\)/s);
  });
});
