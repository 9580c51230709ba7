/**
 * Worklogs and the issue fields that add them up, changelogs, bulk create, and the user look-ups
 * `/user/email` and `/user/viewissue/search`.
 */
import { describe, expect, it } from 'vitest';
import { doc } from './support/http.js';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 30 });

const helpIssue = () => {
  const issue = [...ctx.state.issues.values()].find((candidate) => candidate.key.startsWith('HELP-'));
  if (issue === undefined) throw new Error('no HELP issue');
  return issue;
};

interface WorklogJson {
  id: string;
  issueId: string;
  timeSpent: string;
  timeSpentSeconds: number;
  started: string;
  comment?: unknown;
  author: { accountId: string };
}

describe('worklogs', () => {
  it('logs time from a duration, adds it up on the issue, updates and deletes it', async () => {
    const issue = helpIssue();
    const base = `/rest/api/3/issue/${issue.key}/worklog`;
    expect((await ctx.call('GET', base)).body()).toEqual({ startAt: 0, maxResults: 5000, total: 0, worklogs: [] });

    const created = await ctx.call('POST', base, { json: { timeSpent: '1h 30m', comment: doc('Reset the VPN profile'), started: '2026-01-05T09:30:00.000+0000' } });
    expect(created.status).toBe(201);
    const worklog = created.body<WorklogJson>();
    expect(worklog).toMatchObject({ timeSpent: '1h 30m', timeSpentSeconds: 5400, issueId: String(issue.id), author: { accountId: ctx.state.facts.serviceAccount.accountId } });
    expect(Date.parse(worklog.started.replace(/([+-]\d{2})(\d{2})$/u, '$1:$2'))).toBe(Date.parse('2026-01-05T09:30:00Z'));

    const fields = async () =>
      (await ctx.call('GET', `/rest/api/3/issue/${issue.key}?fields=timetracking,timespent,worklog`)).body<{
        fields: { timetracking: { timeSpentSeconds?: number; timeSpent?: string }; timespent: number | null; worklog: { total: number } };
      }>().fields;
    expect(await fields()).toMatchObject({ timetracking: { timeSpent: '1h 30m', timeSpentSeconds: 5400 }, timespent: 5400, worklog: { total: 1 } });

    const updated = await ctx.call('PUT', `${base}/${worklog.id}`, { json: { timeSpentSeconds: 7200 } });
    expect(updated.body<WorklogJson>()).toMatchObject({ timeSpent: '2h', timeSpentSeconds: 7200 });
    expect((await fields()).timetracking.timeSpentSeconds).toBe(7200);
    expect((await ctx.call('GET', `${base}/${worklog.id}`)).body<WorklogJson>().comment).toEqual(doc('Reset the VPN profile'));

    await ctx.call('POST', base, { json: { timeSpentSeconds: 900 } });
    expect((await ctx.call('GET', `${base}?maxResults=1`)).body()).toMatchObject({ maxResults: 1, total: 2, worklogs: [{ id: worklog.id }] });
    expect((await ctx.call('GET', `${base}?startedAfter=${Date.parse('2026-01-05T10:00:00Z')}`)).body<{ total: number }>().total).toBe(1);
    const byIds = (await ctx.call('POST', '/rest/api/3/worklog/list', { json: { ids: [Number(worklog.id), 1] } })).body<WorklogJson[]>();
    expect(byIds.map((found) => found.id)).toEqual([worklog.id]);

    expect((await ctx.call('DELETE', `${base}/${worklog.id}`)).status).toBe(204);
    expect((await ctx.call('GET', `${base}/${worklog.id}`)).status).toBe(404);
    expect((await fields()).timetracking.timeSpentSeconds).toBe(900);
  });

  it('records every change of time spent in the changelog, as Jira does', async () => {
    const issue = helpIssue();
    const before = issue.changelog.length;
    const worklog = (await ctx.call('POST', `/rest/api/3/issue/${issue.key}/worklog`, { json: { timeSpent: '2d' } })).body<WorklogJson>();
    expect(worklog.timeSpentSeconds).toBe(2 * 8 * 3600);
    const history = issue.changelog.at(-1);
    expect(issue.changelog).toHaveLength(before + 1);
    expect(history?.items.map((item) => [item.field, item.to])).toEqual([['timespent', '57600'], ['WorklogId', worklog.id]]);
  });

  it('refuses what Jira refuses: no time, a duration it cannot read, a bad start, an estimate mode without its value', async () => {
    const base = `/rest/api/3/issue/${helpIssue().key}/worklog`;
    expect((await ctx.call('POST', base, { json: {} })).body()).toEqual({ errorMessages: [], errors: { timeLogged: 'You must indicate the time spent working.' } });
    expect((await ctx.call('POST', base, { json: { timeSpent: 'not a duration' } })).status).toBe(400);
    expect((await ctx.call('POST', base, { json: { timeSpent: '30m 1h' } })).status).toBe(400);
    expect((await ctx.call('POST', base, { json: { timeSpent: '1h', started: 'yesterday' } })).status).toBe(400);
    expect((await ctx.call('POST', base, { json: { timeSpent: '1h', comment: 'plain text' } })).status).toBe(400);
    expect((await ctx.call('POST', `${base}?adjustEstimate=new`, { json: { timeSpent: '1h' } })).status).toBe(400);
    expect((await ctx.call('POST', `${base}?adjustEstimate=manual&reduceBy=1h`, { json: { timeSpent: '1h' } })).status).toBe(201);
    expect((await ctx.call('GET', '/rest/api/3/issue/HELP-99999/worklog')).status).toBe(404);
    const ops = [...ctx.state.issues.values()].find((candidate) => candidate.key.startsWith('ITOPS-'));
    expect((await ctx.call('POST', `/rest/api/3/issue/${ops?.key}/worklog`, { json: { timeSpent: '1h' }, auth: ctx.limited })).status).toBe(400);
  });
});

describe('changelogs', () => {
  it('pages an issue\'s changelog, oldest first, and fetches entries by id', async () => {
    const issue = helpIssue();
    await ctx.call('PUT', `/rest/api/3/issue/${issue.key}`, { json: { fields: { summary: 'First new summary' } } });
    await ctx.call('PUT', `/rest/api/3/issue/${issue.key}`, { json: { fields: { summary: 'Second new summary' } } });
    const all = (await ctx.call('GET', `/rest/api/3/issue/${issue.key}/changelog`)).body<{ values: { id: string; items: { field: string; toString?: string }[] }[]; total: number; isLast: boolean }>();
    expect(all.total).toBe(issue.changelog.length);
    expect(all.isLast).toBe(true);
    expect(all.values.at(-1)?.items).toContainEqual(expect.objectContaining({ field: 'summary', toString: 'Second new summary' }));
    const last = (await ctx.call('GET', `/rest/api/3/issue/${issue.key}/changelog?startAt=${all.total - 1}&maxResults=1`)).body<{ values: { id: string }[]; startAt: number }>();
    expect(last).toMatchObject({ startAt: all.total - 1, values: [{ id: all.values.at(-1)?.id }] });
    const byIds = await ctx.call('POST', `/rest/api/3/issue/${issue.key}/changelog/list`, { json: { changelogIds: [Number(all.values[0]?.id)] } });
    expect(byIds.body<{ histories: { id: string }[] }>().histories.map((history) => history.id)).toEqual([all.values[0]?.id]);
    expect((await ctx.call('POST', `/rest/api/3/issue/${issue.key}/changelog/list`, { json: { changelogIds: [] } })).status).toBe(400);
    const expanded = (await ctx.call('GET', `/rest/api/3/issue/${issue.key}?expand=changelog&fields=summary`)).body<{ changelog: { total: number } }>();
    expect(expanded.changelog.total).toBe(all.total);
  });
});

describe('POST /rest/api/3/issue/bulk', () => {
  const fields = (summary: string) => ({ fields: { project: { key: 'ITOPS' }, issuetype: { name: 'Task' }, summary } });

  it('creates several issues (201) and reports the ones that fail by position', async () => {
    const reply = await ctx.call('POST', '/rest/api/3/issue/bulk', { json: { issueUpdates: [fields('Patch the VPN gateway'), { fields: { project: { key: 'ITOPS' } } }, fields('Rotate the certificates')] } });
    expect(reply.status).toBe(201);
    const body = reply.body<{ issues: { key: string }[]; errors: { failedElementNumber: number; status: number; elementErrors: { errors: Record<string, string> } }[] }>();
    expect(body.issues.map((issue) => ctx.state.issues.get(Number((ctx.state.issueKeys.get(issue.key) ?? 0)))?.summary)).toEqual(['Patch the VPN gateway', 'Rotate the certificates']);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ failedElementNumber: 1, status: 400, elementErrors: { errors: { summary: 'You must specify a summary of the issue.' } } });
  });

  it('answers 400 when every issue fails, and refuses more than 50', async () => {
    const failed = await ctx.call('POST', '/rest/api/3/issue/bulk', { json: { issueUpdates: [{ fields: {} }] } });
    expect(failed.status).toBe(400);
    expect(failed.body<{ issues: unknown[] }>().issues).toEqual([]);
    const tooMany = await ctx.call('POST', '/rest/api/3/issue/bulk', { json: { issueUpdates: Array.from({ length: 51 }, (_, index) => fields(`Task ${index}`)) } });
    expect(tooMany.status).toBe(400);
    expect((await ctx.call('POST', '/rest/api/3/issue/bulk', { json: { issueUpdates: 'x' } })).status).toBe(400);
  });
});

describe('user look-ups', () => {
  it('refuses /user/email to an API-token caller with 400, as Jira Cloud does; answers when the site approves the app', async () => {
    const { accountId, email } = ctx.state.facts.hiddenEmailUser;
    const refused = await ctx.call('GET', `/rest/api/3/user/email?accountId=${accountId}`);
    expect(refused.status).toBe(400);
    ctx.state.settings.userEmailApiApproved = true;
    expect((await ctx.call('GET', `/rest/api/3/user/email?accountId=${accountId}`)).body()).toEqual({ accountId, email });
    expect((await ctx.call('GET', '/rest/api/3/user/email?accountId=nobody')).status).toBe(404);
  });

  it('finds who can see an issue or browse a project (/user/viewissue/search), needing both a who and a where', async () => {
    const issue = helpIssue();
    const reporter = ctx.state.users.get(issue.reporterId ?? '');
    const byAccount = await ctx.call('GET', `/rest/api/3/user/viewissue/search?issueKey=${issue.key}&accountId=${reporter?.accountId}`);
    expect(byAccount.body<{ accountId: string }[]>().map((user) => user.accountId)).toEqual([reporter?.accountId]);
    const stranger = [...ctx.state.users.values()].find((user) => user.kind === 'customer' && user.accountId !== issue.reporterId);
    expect((await ctx.call('GET', `/rest/api/3/user/viewissue/search?issueKey=${issue.key}&accountId=${stranger?.accountId}`)).body()).toEqual([]);
    const agent = ctx.state.facts.agent;
    const byQuery = (await ctx.call('GET', `/rest/api/3/user/viewissue/search?projectKey=ITOPS&query=${encodeURIComponent(agent.displayName)}`)).body<{ accountId: string }[]>();
    expect(byQuery.map((user) => user.accountId)).toContain(agent.accountId);
    expect((await ctx.call('GET', '/rest/api/3/user/viewissue/search?projectKey=ITOPS')).status).toBe(400);
    expect((await ctx.call('GET', `/rest/api/3/user/viewissue/search?accountId=${agent.accountId}`)).status).toBe(400);
    expect((await ctx.call('GET', `/rest/api/3/user/viewissue/search?projectKey=itops&accountId=${agent.accountId}`)).status).toBe(404);
  });
});
