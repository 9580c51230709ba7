import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox.js';
import { jira } from './support/http.js';

interface IssueJson {
  id: string;
  key: string;
  fields: { reporter: { accountId: string; emailAddress?: string }; status: { statusCategory: { key: string } }; project: { key: string } };
}

describe('the Jira sample', () => {
  it('names a findable requester, one of their open HELP tickets, and an agent of the desk', async () => {
    await using sb = await startSandbox({ providers: ['jira-cloud'] });
    const sample = sb.sample('jira-cloud');
    const call = jira(sb);

    const users = (await call('GET', `/rest/api/3/user/search?query=${encodeURIComponent(sample.requesterEmail)}`)).body<{ accountId: string; displayName: string }[]>();
    expect(users).toHaveLength(1);
    expect(users[0]?.displayName).toBe(sample.requesterName);

    const issue = (await call('GET', `/rest/api/3/issue/${sample.ticketKey}?fields=reporter,status,project`)).body<IssueJson>();
    expect(issue).toMatchObject({ id: sample.ticketId, key: sample.ticketKey, fields: { project: { key: 'HELP' }, reporter: { accountId: users[0]?.accountId } } });
    expect(issue.fields.status.statusCategory.key).not.toBe('done');

    const { facts } = sb.state('jira-cloud');
    expect(sample).toMatchObject({ requesterEmail: facts.knownRequester.email, ticketKey: facts.requesterTicket, agentEmail: facts.agent.email });
    const agents = (await call('GET', `/rest/api/3/user/assignable/search?project=HELP&query=${encodeURIComponent(sample.agentEmail)}`)).body<unknown[]>();
    expect(agents).toHaveLength(1);
  });

  it('is the same for a seed, and exists however small the seed', async () => {
    await using a = await startSandbox({ providers: ['jira-cloud'], seed: 'same' });
    await using b = await startSandbox({ providers: ['jira-cloud'], seed: 'same' });
    expect(b.sample('jira-cloud')).toEqual(a.sample('jira-cloud'));
    for (const tickets of [1, 2, 5]) {
      await using tiny = await startSandbox({ providers: ['jira-cloud'], tickets });
      const sample = tiny.sample('jira-cloud');
      const issue = tiny.state('jira-cloud').issues.get(Number(sample.ticketId));
      expect(issue?.key, `tickets: ${tickets}`).toBe(sample.ticketKey);
      expect(issue?.reporterId).toBe(tiny.state('jira-cloud').facts.knownRequester.accountId);
    }
  });

  it('says how to get it back when a test deleted the sample ticket', async () => {
    await using sb = await startSandbox({ providers: ['jira-cloud'], tickets: 20 });
    const { ticketKey } = sb.sample('jira-cloud');
    expect((await jira(sb)('DELETE', `/rest/api/3/issue/${ticketKey}`)).status).toBe(204);
    expect(() => sb.sample('jira-cloud')).toThrow(`The sample ticket ${ticketKey} no longer exists (deleted by a test?); sandbox.reset() brings it back.`);
    await sb.reset();
    expect(sb.sample('jira-cloud').ticketKey).toBe(ticketKey);
  });
});
