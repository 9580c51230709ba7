/**
 * Picking the transition to a category and filling its screen: pure `planTransition`, and the
 * connector's `transition()` against a mocked site (no-op, screen values, comment, unreachable).
 */
import { InputError, UnsupportedError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { TransitionSchema, createJiraConnector, createStatusMapper, planTransition, type Transition, type TransitionContext } from '../../src/index.js';
import { API_TOKEN, CATEGORY, EMAIL, SITE, failure, issueBody, route, useNock } from '../client/support.js';

useNock();

const S = {
  support: { id: '10001', name: 'Waiting for support', statusCategory: CATEGORY.new },
  customer: { id: '10002', name: 'Waiting for customer', statusCategory: CATEGORY.indeterminate },
  progress: { id: '3', name: 'In Progress', statusCategory: CATEGORY.indeterminate },
  pending: { id: '10004', name: 'Pending', statusCategory: CATEGORY.indeterminate },
  reopened: { id: '4', name: 'Reopened', statusCategory: CATEGORY.new },
  resolved: { id: '5', name: 'Resolved', statusCategory: CATEGORY.done },
  closed: { id: '6', name: 'Closed', statusCategory: CATEGORY.done },
  canceled: { id: '10005', name: 'Canceled', statusCategory: CATEGORY.done },
};

const RESOLUTION_FIELD = {
  required: true,
  name: 'Resolution',
  key: 'resolution',
  operations: ['set'],
  allowedValues: [
    { id: '10001', name: "Won't Do" },
    { id: '10000', name: 'Done' },
    { id: '10002', name: 'Duplicate' },
  ],
};
const ASSIGNEE_FIELD = { required: false, name: 'Assignee', key: 'assignee', operations: ['set'] };

function t(id: string, name: string, to: (typeof S)[keyof typeof S], fields: Record<string, unknown> = {}): Transition {
  return TransitionSchema.parse({ id, name, to, hasScreen: Object.keys(fields).length > 0, isAvailable: true, fields });
}

const WORKFLOW = [
  t('11', 'Respond to customer', S.customer),
  t('31', 'In Progress', S.progress),
  t('51', 'Pending', S.pending),
  t('61', 'Resolve', S.resolved, { assignee: ASSIGNEE_FIELD, resolution: RESOLUTION_FIELD }),
  t('91', 'Cancel request', S.canceled),
];

const context: TransitionContext = {
  issueKey: 'HELP-7',
  current: S.progress,
  assigned: false,
  statusCategory: createStatusMapper(),
  defaultResolution: 'Done',
  assigneeAccountId: 'bot-account',
};

describe('planTransition', () => {
  it('picks the transition whose target maps to the category, preferring the names of the setup', () => {
    expect(planTransition(WORKFLOW, 'waiting_for_user', context).transition.id).toBe('11');
    expect(planTransition([...WORKFLOW].reverse(), 'waiting_for_user', context).transition.id).toBe('11');
    expect(planTransition(WORKFLOW, 'closed', context).transition.id).toBe('91');
    expect(planTransition([t('81', 'Reopen', S.reopened), t('101', 'Back to waiting for support', S.support)], 'open', context).transition.id).toBe('81');
  });

  it('fills the resolution by id and assigns an unassigned issue to the bot', () => {
    const plan = planTransition(WORKFLOW, 'resolved', context);
    expect(plan.transition.name).toBe('Resolve');
    expect(plan.fields).toEqual({ resolution: { id: '10000' }, assignee: { accountId: 'bot-account' } });
  });

  it('keeps the assignee of an assigned issue, and takes the resolution asked for', () => {
    const plan = planTransition(WORKFLOW, 'resolved', { ...context, assigned: true, resolution: 'duplicate' });
    expect(plan.fields).toEqual({ resolution: { id: '10002' } });
  });

  it('falls back to the first resolution offered when the default is not, but refuses an unknown one asked for', () => {
    const offered = [t('61', 'Resolve', S.resolved, { resolution: { ...RESOLUTION_FIELD, allowedValues: [{ id: '7', name: 'Fixed' }, { id: '8', name: 'Obsolete' }] } })];
    expect(planTransition(offered, 'resolved', { ...context, assigned: true }).fields).toEqual({ resolution: { id: '7' } });
    const error = (() => {
      try {
        planTransition(offered, 'resolved', { ...context, resolution: 'Done' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('options.resolution');
    expect((error as InputError).message).toContain('Fixed, Obsolete');
  });

  it('refuses a resolution asked for that the transition cannot set, instead of dropping it', () => {
    for (const [transitions, to] of [[WORKFLOW, 'waiting_for_user'], [[t('63', 'Done', S.resolved)], 'resolved']] as const) {
      const error = (() => {
        try {
          planTransition(transitions, to, { ...context, resolution: 'Duplicate' });
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error, to).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('options.resolution');
    }
    expect(planTransition([t('63', 'Done', S.resolved)], 'resolved', context).fields).toEqual({});
  });

  it('does not fill an optional resolution on a transition that does not end the work', () => {
    const reopen = [t('81', 'Reopen', S.reopened, { resolution: { ...RESOLUTION_FIELD, required: false }, assignee: ASSIGNEE_FIELD })];
    expect(planTransition(reopen, 'open', { ...context, current: S.resolved }).fields).toEqual({});
  });

  it('skips a transition with a required field it cannot fill when another one fits', () => {
    const blocked = t('62', 'Resolve', S.resolved, { customfield_10500: { required: true, name: 'Root cause' } });
    const plain = t('63', 'Done', S.resolved);
    expect(planTransition([blocked, plain], 'resolved', context).transition.id).toBe('63');
  });

  it('names the field when every transition requires one it cannot fill', () => {
    const blocked = t('62', 'Resolve', S.resolved, { customfield_10500: { required: true, name: 'Root cause' }, resolution: RESOLUTION_FIELD });
    expect(() => planTransition([blocked], 'resolved', context)).toThrow(/"Resolve" requires Root cause \(customfield_10500\)/);
    const defaulted = t('62', 'Resolve', S.resolved, { customfield_10500: { required: true, name: 'Root cause', hasDefaultValue: true } });
    expect(planTransition([defaulted], 'resolved', context).transition.id).toBe('62');
  });

  it('throws UnsupportedError naming the current status and the target when nothing reaches it', () => {
    let error: unknown;
    try {
      planTransition([t('31', 'In Progress', S.progress), t('unavailable', 'Resolve', S.resolved)].map((transition) => transition.id === 'unavailable' ? { ...transition, isAvailable: false } : transition), 'resolved', context);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsupportedError);
    expect((error as UnsupportedError).capability).toBe('transition');
    expect((error as Error).message).toContain('HELP-7 is in "In Progress" (in_progress)');
    expect((error as Error).message).toContain('category resolved');
  });

  it('follows statusMap: a status mapped elsewhere is no longer a target', () => {
    const mapped = { ...context, statusCategory: createStatusMapper({ Pending: 'in_progress', 'Waiting for customer': 'in_progress' }) };
    expect(() => planTransition(WORKFLOW, 'waiting_for_user', mapped)).toThrow(UnsupportedError);
  });
});

describe('tickets.transition', () => {
  const jira = () =>
    createJiraConnector({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, timeZone: 'UTC', retryDelay: { baseMs: 1, maxMs: 2 }, projectKey: 'HELP' });
  const full = (status: (typeof S)[keyof typeof S], extra: Record<string, unknown> = {}) =>
    issueBody('HELP-7', '10007', { status, created: '2026-01-01T00:00:00.000+0000', updated: '2026-01-02T00:00:00.000+0000', assignee: null, ...extra });

  it('is a no-op when the ticket is already in the category', async () => {
    route('GET', '/rest/api/3/issue/HELP-7', [200, full(S.pending)]);
    route('GET', '/rest/api/3/issue/10007', [200, full(S.pending)]);
    const ticket = await jira().tickets.transition('HELP-7', 'waiting_for_user');
    expect(ticket.status).toEqual({ category: 'waiting_for_user', native: { id: '10004', name: 'Pending' } });
  });

  it('performs the chosen transition with its screen values, then adds the comment as asked', async () => {
    route('GET', '/rest/api/3/issue/HELP-7', [200, full(S.progress)]);
    route('GET', '/rest/api/3/issue/10007', [200, full(S.resolved, { assignee: { accountId: 'bot-account', displayName: 'Bot' } })]);
    route('GET', '/rest/api/3/issue/10007/transitions', [200, { transitions: WORKFLOW }]);
    route('GET', '/rest/api/3/myself', [200, { accountId: 'bot-account', displayName: 'Bot', active: true, timeZone: 'America/Danmarkshavn' }]);
    const perform = route('POST', '/rest/api/3/issue/10007/transitions', [204]);
    route('GET', '/rest/api/3/project/HELP', [200, { id: '10000', key: 'HELP', name: 'Help', projectTypeKey: 'service_desk' }]);
    const comment = route('POST', '/rest/api/3/issue/10007/comment', [201, { id: '1', body: { type: 'doc', version: 1, content: [] }, created: '2026-01-02T00:00:00.000+0000', jsdPublic: false }]);
    const ticket = await jira().tickets.transition('HELP-7', 'resolved', { comment: 'Fixed the timeout.', commentVisibility: 'internal', resolution: "Won't do" });
    expect(perform[0]?.json()).toEqual({ transition: { id: '61' }, fields: { resolution: { id: '10001' }, assignee: { accountId: 'bot-account' } } });
    expect(comment[0]?.json()).toMatchObject({
      properties: [{ key: 'itsm.idempotency', value: { key: expect.stringMatching(/^itsm-/) } }, { key: 'sd.public.comment', value: { internal: true } }],
    });
    expect(ticket.status.category).toBe('resolved');
    expect(ticket.assignee?.id).toBe('bot-account');
  });

  it('refuses an internal transition comment outside a service project before moving anything', async () => {
    route('GET', '/rest/api/3/project/HELP', [200, { id: '10000', key: 'HELP', name: 'Help', projectTypeKey: 'software' }]);
    const error = await failure(jira().tickets.transition('HELP-7', 'resolved', { comment: 'x', commentVisibility: 'internal' }));
    expect(error).toBeInstanceOf(UnsupportedError);
  });

  it('rejects an unknown category or option before any request', async () => {
    expect(((await failure(jira().tickets.transition('HELP-7', 'unknown' as never))) as InputError).field).toBe('to');
    expect(((await failure(jira().tickets.transition('HELP-7', 'resolved', { resolutoin: 'Done' } as never))) as InputError).field).toBe('options.resolutoin');
  });
});
