import { describe, expect, it } from 'vitest';
import { doc } from './support/http.js';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 60 });

interface Transition {
  id: string;
  name: string;
  isGlobal: boolean;
  hasScreen: boolean;
  to: { name: string; statusCategory: { key: string } };
  fields?: Record<string, { required: boolean; operations: string[]; allowedValues?: { name: string }[] }>;
}

async function newIssue(project: 'HELP' | 'ITOPS'): Promise<string> {
  const fields = project === 'HELP' ? { issuetype: { name: 'Service Request' } } : { issuetype: { name: 'Task' } };
  const reply = await ctx.call('POST', '/rest/api/3/issue', { json: { fields: { project: { key: project }, summary: 'Transition me', ...fields } } });
  return reply.body<{ key: string }>().key;
}

async function transitions(key: string, expand = false): Promise<Transition[]> {
  const reply = await ctx.call('GET', `/rest/api/3/issue/${key}/transitions${expand ? '?expand=transitions.fields' : ''}`);
  expect(reply.status).toBe(200);
  return reply.body<{ transitions: Transition[] }>().transitions;
}

async function status(key: string): Promise<{ status: string; resolution: string | null }> {
  const issue = (await ctx.call('GET', `/rest/api/3/issue/${key}?fields=status,resolution`)).body<{ fields: { status: { name: string }; resolution: { name: string } | null } }>();
  return { status: issue.fields.status.name, resolution: issue.fields.resolution?.name ?? null };
}

describe('service desk workflow (HELP)', () => {
  it('offers In Progress and Resolve from any status, and a Resolve screen with Assignee and Resolution', async () => {
    const key = await newIssue('HELP');
    const list = await transitions(key, true);
    expect(list.map((transition) => transition.name)).toEqual(['Respond to customer', 'In Progress', 'Escalate', 'Pending', 'Resolve', 'Cancel request']);
    const resolve = list.find((transition) => transition.name === 'Resolve');
    expect(resolve).toMatchObject({ isGlobal: true, hasScreen: true, to: { name: 'Resolved', statusCategory: { key: 'done' } } });
    expect(Object.keys(resolve?.fields ?? {})).toEqual(['assignee', 'resolution']);
    expect(resolve?.fields?.resolution).toMatchObject({ required: true, operations: ['set'] });
    expect(resolve?.fields?.resolution?.allowedValues?.map((value) => value.name)).toContain('Done');
    expect(resolve?.fields?.assignee).toMatchObject({ required: false, operations: ['set'] });
    expect((await transitions(key)).every((transition) => transition.fields === undefined)).toBe(true);
  });

  it('resolves with screen fields (204), needs the resolution, and reopens clearing it', async () => {
    const key = await newIssue('HELP');
    const missing = await ctx.call('POST', `/rest/api/3/issue/${key}/transitions`, { json: { transition: { id: '61' } } });
    expect(missing.status).toBe(400);
    expect(missing.body<{ errors: Record<string, string> }>().errors).toHaveProperty('resolution');
    const agent = ctx.state.facts.serviceAccount.accountId;
    const done = await ctx.call('POST', `/rest/api/3/issue/${key}/transitions`, {
      json: { transition: { id: '61' }, fields: { resolution: { name: 'Done' }, assignee: { accountId: agent } }, update: { comment: [{ add: { body: doc('Resolved by the bot') } }] } },
    });
    expect(done.status).toBe(204);
    expect(await status(key)).toEqual({ status: 'Resolved', resolution: 'Done' });
    const names = (await transitions(key)).map((transition) => transition.name);
    expect(names).toContain('Reopen');
    expect(names).not.toContain('Resolve');
    const reopen = (await transitions(key)).find((transition) => transition.name === 'Reopen');
    expect((await ctx.call('POST', `/rest/api/3/issue/${key}/transitions`, { json: { transition: { id: reopen?.id } } })).status).toBe(204);
    expect(await status(key)).toEqual({ status: 'Reopened', resolution: null });
  });

  it('answers 400 for a transition not available from the current status, and for a field off the screen', async () => {
    const key = await newIssue('HELP');
    const close = await ctx.call('POST', `/rest/api/3/issue/${key}/transitions`, { json: { transition: { id: '71' } } });
    expect(close.status).toBe(400);
    const offScreen = await ctx.call('POST', `/rest/api/3/issue/${key}/transitions`, { json: { transition: { id: '31' }, fields: { summary: 'x' } } });
    expect(offScreen.body<{ errors: Record<string, string> }>().errors).toEqual({ summary: "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown." });
    expect(await status(key)).toEqual({ status: 'Waiting for support', resolution: null });
  });
});

describe('software workflow (ITOPS)', () => {
  it('has its own transitions; Done sets the resolution and leaving Done clears it', async () => {
    const key = await newIssue('ITOPS');
    const list = await transitions(key, true);
    expect(list.map((transition) => [transition.id, transition.name])).toEqual([['21', 'In Progress'], ['31', 'In Review'], ['41', 'Done']]);
    expect(list.every((transition) => !transition.hasScreen)).toBe(true);
    await ctx.call('POST', `/rest/api/3/issue/${key}/transitions`, { json: { transition: { id: '41' } } });
    expect(await status(key)).toEqual({ status: 'Done', resolution: 'Done' });
    await ctx.call('POST', `/rest/api/3/issue/${key}/transitions`, { json: { transition: { id: '21' } } });
    expect(await status(key)).toEqual({ status: 'In Progress', resolution: null });
  });

  it('lists no transitions for an account that can only browse, and refuses its transition with 400 (the spec\'s status)', async () => {
    const reply = await ctx.call('GET', '/rest/api/3/issue/ITOPS-1/transitions', { auth: ctx.limited });
    expect(reply.body()).toEqual({ expand: 'transitions', transitions: [] });
    const post = await ctx.call('POST', '/rest/api/3/issue/ITOPS-1/transitions', { auth: ctx.limited, json: { transition: { id: '21' } } });
    expect(post.status).toBe(400);
    expect(post.body<{ errorMessages: string[] }>().errorMessages).toHaveLength(1);
  });
});
