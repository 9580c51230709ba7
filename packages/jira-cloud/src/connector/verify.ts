/**
 * `verifyAccess()`: the service-account setup of the Jira Service Management access requirements,
 * checked one by one, each with a fix in an administrator's words.
 *
 * | id | checks | when it is not met |
 * |---|---|---|
 * | `credentials` | the email + API token are accepted (`/myself`) | fail |
 * | `timezone` | the account's profile time zone is UTC all year (`America/Danmarkshavn`), and the `timeZone` option, when given, is the profile's | warn (fail when the option differs) |
 * | `project` | the project is visible to the account | fail |
 * | `service-desk` | `serviceDeskId` is the project's desk and `requestTypeId` one of its request types | fail (warn when a service project has no `serviceDeskId`) |
 * | `product-access` | the account has Jira Service Management access (`jira-servicedesk-users`) | warn |
 * | `customers` | the account can see the desk's customers (the Service Desk Team role) | fail |
 * | `transition.resolve` | an "Any status → Resolved" transition the bot can complete | fail |
 * | `transition.in_progress` | an "Any status → In Progress" transition | warn |
 * | `transition.reopen` | a "Reopen" transition from the resolved and closed statuses | warn |
 * | `resolve-screen.assignee` | the Assignee field is on the resolve transition's screen | fail |
 *
 * The service-desk checks are left out for a project that is not a service project. The workflow
 * checks read the transitions available on the most recently updated issue in each status category
 * (Jira offers no workflow API to non-administrators); a category without issues cannot be checked
 * and gives a warning. A check never throws: a failure to check is reported as the check's outcome.
 *
 * @module
 */
import {
  accessReport,
  ApiError,
  AuthenticationError,
  ItsmError,
  NotFoundError,
  PermissionError,
  type AccessCheck,
  type AccessReport,
  type StatusCategory,
} from '@itsm/core';
import { z } from 'zod';
import { offsetAt, zoneFormatter } from '../jql/date.js';
import type { JiraProject } from '../schemas/projects.js';
import { ServiceDeskSchema } from '../schemas/service-desk.js';
import type { Transition } from '../schemas/transitions.js';
import type { Myself } from '../schemas/users.js';
import type { ConnectorContext } from './context.js';
import { idValue } from './query.js';
import { searchPage } from './search.js';
import { PREFERRED_TRANSITION_NAMES } from './transition.js';
import { normaliseName } from './status-map.js';

/** The time zone the service-account setup asks for: UTC all year, no daylight saving time. */
export const RECOMMENDED_TIME_ZONE = 'America/Danmarkshavn';

/** The stable ids of the checks `verifyAccess()` runs, in order. */
export const JIRA_ACCESS_CHECKS = Object.freeze([
  'credentials',
  'timezone',
  'project',
  'service-desk',
  'product-access',
  'customers',
  'transition.resolve',
  'transition.in_progress',
  'transition.reopen',
  'resolve-screen.assignee',
] as const);

/** The id of one check of `verifyAccess()`. */
export type JiraAccessCheckId = (typeof JIRA_ACCESS_CHECKS)[number];

/**
 * Whether a time zone is UTC all year: its offset is zero on the 1st and 15th of every month of
 * `year` (so `UTC`, `Etc/UTC`, `America/Danmarkshavn`, `Atlantic/Reykjavik` are; `Europe/London`,
 * with summer time, is not). An unknown zone is not.
 *
 * @param timeZone - An IANA time zone.
 * @param year - The year to check. Default: the current one.
 * @example
 * ```ts
 * isUtcLikeTimeZone('America/Danmarkshavn'); // true
 * isUtcLikeTimeZone('Europe/London');        // false
 * ```
 */
export function isUtcLikeTimeZone(timeZone: string, year: number = new Date().getUTCFullYear()): boolean {
  try {
    zoneFormatter(timeZone);
  } catch {
    return false;
  }
  for (let month = 0; month < 12; month++) {
    for (const day of [1, 15]) {
      if (offsetAt(Date.UTC(year, month, day, 12), timeZone) !== 0) return false;
    }
  }
  return true;
}

const MyselfAccessSchema = z.looseObject({
  groups: z.looseObject({ items: z.array(z.looseObject({ name: z.string().optional() })).optional() }).optional(),
  applicationRoles: z.looseObject({ items: z.array(z.looseObject({ key: z.string().optional(), name: z.string().optional() })).optional() }).optional(),
});

function describe(error: unknown): string {
  if (error instanceof ItsmError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function check(id: JiraAccessCheckId, title: string, status: AccessCheck['status'], detail?: string, fix?: string): AccessCheck {
  return { id, title, status, ...(detail === undefined ? {} : { detail }), ...(status === 'pass' || fix === undefined ? {} : { fix }) };
}

const TITLES: Readonly<Record<JiraAccessCheckId, string>> = {
  credentials: 'The email address and API token are accepted',
  timezone: "The service account's profile time zone is UTC all year (America/Danmarkshavn)",
  project: 'The project is visible to the service account',
  'service-desk': 'The service desk and request type belong to the project',
  'product-access': 'The service account has Jira Service Management access (jira-servicedesk-users)',
  customers: "The service account can see the service desk's customers (Service Desk Team role)",
  'transition.resolve': 'An "Any status → Resolved" transition is available',
  'transition.in_progress': 'An "Any status → In Progress" transition is available',
  'transition.reopen': 'A "Reopen" transition from resolved and closed tickets is available',
  'resolve-screen.assignee': "The Assignee field is on the resolve transition's screen",
};

const CREDENTIALS_FIX =
  'Log in to https://id.atlassian.com/manage-profile/security/api-tokens as the service account, create an API token, and configure the ' +
  "connector with the service account's email address and that token. A scoped token (the only kind service accounts can create) works only " +
  'through the api.atlassian.com gateway: also set the cloudId option (found at https://<your-site>.atlassian.net/_edge/tenant_info).';

/** A transition sample: the most recently updated issue in a status category, and its transitions. */
interface Sample {
  category: StatusCategory;
  key: string;
  status: string;
  transitions: Transition[];
}

/**
 * Runs every check of the service-account setup; see the module documentation for the list.
 *
 * @param context - The connector's context.
 * @internal
 */
export async function verifyJiraAccess(context: ConnectorContext): Promise<AccessReport> {
  const { client, options } = context;
  const checks: AccessCheck[] = [];
  const skip = (ids: readonly JiraAccessCheckId[], because: string, fix: string) => {
    for (const id of ids) checks.push(check(id, TITLES[id], 'warn', `Not checked: ${because}.`, fix));
  };

  // credentials
  let me: Myself;
  try {
    me = await client.myself();
    if (!me.active) {
      checks.push(check('credentials', TITLES.credentials, 'fail', `The account ${me.displayName} is deactivated.`, 'Reactivate the service account in Atlassian Administration (Directory → Service accounts or Users).'));
      return accessReport('jira-cloud', checks);
    }
    checks.push(check('credentials', TITLES.credentials, 'pass', `Signed in as ${me.displayName} (${me.emailAddress ?? me.accountId}).`));
  } catch (error) {
    const scoped = error instanceof ApiError && /scope/i.test(error.messages.join(' ') + error.message);
    const detail = error instanceof AuthenticationError
      ? `Jira refused the credentials${scoped ? ' (the token\'s scopes do not match this URL)' : ''}: ${error.message}`
      : `Could not sign in: ${describe(error)}`;
    const fix = error instanceof AuthenticationError || error instanceof PermissionError
      ? CREDENTIALS_FIX
      : 'Check that baseUrl is the site URL (https://<your-site>.atlassian.net) or cloudId the site\'s cloud id, and that the site can be reached.';
    checks.push(check('credentials', TITLES.credentials, 'fail', detail, fix));
    skip(JIRA_ACCESS_CHECKS.filter((id) => id !== 'credentials'), 'the credentials did not work', 'Fix the credentials first, then run verifyAccess() again.');
    return accessReport('jira-cloud', checks);
  }

  // timezone
  const used = await client.timeZone().catch(() => me.timeZone);
  if (used !== me.timeZone && !(isUtcLikeTimeZone(used) && isUtcLikeTimeZone(me.timeZone))) {
    checks.push(check(
      'timezone',
      TITLES.timezone,
      'fail',
      `The timeZone option is ${used}, but the service account's profile time zone is ${me.timeZone}. Jira reads JQL dates in the profile's zone, so ticket lists by date and the change feed would be off by the difference and could miss tickets.`,
      `Remove the timeZone option (the connector then reads the zone from the profile), or set it to "${me.timeZone}". Better still, set the profile's time zone to ${RECOMMENDED_TIME_ZONE} and the option to match.`,
    ));
  } else if (me.timeZone === RECOMMENDED_TIME_ZONE || isUtcLikeTimeZone(me.timeZone)) {
    checks.push(check('timezone', TITLES.timezone, 'pass', `The profile time zone is ${me.timeZone}.`));
  } else {
    checks.push(check(
      'timezone',
      TITLES.timezone,
      'warn',
      `The profile time zone is ${me.timeZone}, which is not UTC all year. Jira reads JQL dates in this zone; the connector writes them in it, and searches an hour further back where clocks are set back and a local hour happens twice. A zone that is UTC all year keeps JQL dates unambiguous.`,
      `Set the service account's time zone to ${RECOMMENDED_TIME_ZONE}: log in as the service account, open its Atlassian account preferences (https://id.atlassian.com/manage-profile/account-preferences) and choose the time zone "(GMT+00:00) Danmarkshavn".`,
    ));
  }

  // project
  let project: JiraProject | undefined;
  try {
    project = await client.projects.get(options.projectKey);
    checks.push(check('project', TITLES.project, 'pass', `${project.key}: ${project.name}${project.projectTypeKey ? ` (${project.projectTypeKey})` : ''}.`));
  } catch (error) {
    const hidden = error instanceof NotFoundError || error instanceof PermissionError;
    checks.push(check(
      'project',
      TITLES.project,
      'fail',
      hidden ? `The project ${options.projectKey} does not exist or the service account cannot see it.` : `Could not read the project ${options.projectKey}: ${describe(error)}`,
      hidden
        ? `Check the project key (case-sensitive), and in the project settings of ${options.projectKey} (People) give the service account the Service Desk Team role (for a service project) or a role with the Browse projects permission.`
        : 'Run verifyAccess() again; if it keeps failing, check the site URL and the network.',
    ));
  }

  // service desk checks
  const serviceProject = project?.projectTypeKey === 'service_desk';
  const deskId = options.serviceDeskId;
  if (deskId === undefined) {
    if (serviceProject) {
      checks.push(check(
        'service-desk',
        TITLES['service-desk'],
        'warn',
        `${options.projectKey} is a service project, but no serviceDeskId is configured: tickets are created as plain issues without a request type (customers do not see them on the portal), findByEmail does not search the desk's customers, and the catalog is unavailable.`,
        'Set the serviceDeskId option (the id in GET /rest/servicedeskapi/servicedesk for this project) and requestTypeId (a request type of that desk).',
      ));
    }
  } else {
    await checkServiceDesk(context, checks, deskId, me);
  }

  // workflow checks
  if (project === undefined) {
    skip(['transition.resolve', 'transition.in_progress', 'transition.reopen', 'resolve-screen.assignee'], 'the project is not visible', 'Fix the project check first, then run verifyAccess() again.');
    return accessReport('jira-cloud', checks);
  }
  let samples: Sample[];
  try {
    samples = await transitionSamples(context);
  } catch (error) {
    skip(['transition.resolve', 'transition.in_progress', 'transition.reopen', 'resolve-screen.assignee'], `the workflow could not be read (${describe(error)})`, 'Run verifyAccess() again; if it keeps failing, give the service account the Service Desk Team role in the project.');
    return accessReport('jira-cloud', checks);
  }
  checkWorkflow(context, checks, samples);
  return accessReport('jira-cloud', checks);
}

async function checkServiceDesk(context: ConnectorContext, checks: AccessCheck[], deskId: string, me: Myself): Promise<void> {
  const { client, options } = context;
  const roleFix = `In the project settings of ${options.projectKey} (People → Add people), give the service account the Service Desk Team role, and in Atlassian Administration give it Jira Service Management access (the jira-servicedesk-users group).`;
  // service-desk
  try {
    const desk = await client.request('GET', `/rest/servicedeskapi/servicedesk/${encodeURIComponent(deskId)}`, { schema: ServiceDeskSchema });
    if (desk.projectKey !== options.projectKey) {
      checks.push(check('service-desk', TITLES['service-desk'], 'fail', `Service desk ${deskId} belongs to project ${desk.projectKey}, not ${options.projectKey}.`, `Set serviceDeskId to the desk of ${options.projectKey} (see GET /rest/servicedeskapi/servicedesk), or projectKey to ${desk.projectKey}.`));
    } else if (options.requestTypeId !== undefined) {
      const types = await client.serviceDesk.requestTypes(deskId, { pageSize: 100 }).toArray({ limit: 1000 });
      const type = types.find((candidate) => candidate.id === options.requestTypeId);
      checks.push(type === undefined
        ? check('service-desk', TITLES['service-desk'], 'fail', `Service desk ${deskId} has no request type ${options.requestTypeId} (it has: ${types.map((candidate) => `${candidate.id} ${candidate.name}`).join(', ') || 'none'}).`, 'Set requestTypeId to one of the request types listed, or create the request type in the project settings (Request types).')
        : check('service-desk', TITLES['service-desk'], 'pass', `Desk ${deskId} of ${desk.projectKey}; new requests are "${type.name}".`));
    } else {
      checks.push(check('service-desk', TITLES['service-desk'], 'warn', `Desk ${deskId} of ${desk.projectKey}, but no requestTypeId is configured: tickets are created as plain issues.`, 'Set the requestTypeId option to the request type new requests should get (see catalog.list()).'));
    }
  } catch (error) {
    const hidden = error instanceof NotFoundError || error instanceof PermissionError;
    checks.push(check('service-desk', TITLES['service-desk'], 'fail', hidden ? `Service desk ${deskId} does not exist or the service account cannot use it.` : `Could not read service desk ${deskId}: ${describe(error)}`, hidden ? roleFix : 'Run verifyAccess() again; if it keeps failing, check the serviceDeskId option.'));
  }
  // product-access
  try {
    const access = await client.request('GET', '/rest/api/3/myself', { query: { expand: 'groups,applicationRoles' }, schema: MyselfAccessSchema });
    const groups = (access.groups?.items ?? []).map((group) => group.name ?? '');
    const roles = (access.applicationRoles?.items ?? []).map((role) => role.key ?? '');
    const ok = groups.includes('jira-servicedesk-users') || roles.includes('jira-servicedesk');
    checks.push(ok
      ? check('product-access', TITLES['product-access'], 'pass', `Groups: ${groups.join(', ') || 'none'}.`)
      : check('product-access', TITLES['product-access'], 'warn', `${me.displayName} is not in jira-servicedesk-users and has no Jira Service Management role (groups: ${groups.join(', ') || 'none'}).`, 'In Atlassian Administration (Directory → Service accounts or Users → the account → Product access), give the service account the jira-servicedesk-users role for Jira Service Management.'));
  } catch (error) {
    checks.push(check('product-access', TITLES['product-access'], 'warn', `Could not read the account's groups: ${describe(error)}`, 'In Atlassian Administration, make sure the service account has the jira-servicedesk-users role for Jira Service Management.'));
  }
  // customers
  try {
    const customers = await client.serviceDesk.customers.list(deskId, { pageSize: 1 }).take(1).toArray({ limit: 1 });
    checks.push(check('customers', TITLES.customers, 'pass', customers.length > 0 ? 'The desk\'s customers are visible.' : 'The desk has no customers yet, but the account may see them.'));
  } catch (error) {
    const denied = error instanceof PermissionError || error instanceof NotFoundError;
    checks.push(check('customers', TITLES.customers, denied ? 'fail' : 'warn', denied ? `The service account cannot see the customers of desk ${deskId}: ${describe(error)}` : `Could not list the desk's customers: ${describe(error)}`, denied ? roleFix : 'Run verifyAccess() again; if it keeps failing, check the Service Desk Team role of the service account.'));
  }
}

const SAMPLED: readonly StatusCategory[] = ['open', 'in_progress', 'waiting_for_user', 'resolved', 'closed'];

/** The most recently updated issue in each status category, with its transitions. */
async function transitionSamples(context: ConnectorContext): Promise<Sample[]> {
  const q = await context.client.jqlTag();
  const samples: Sample[] = [];
  for (const category of SAMPLED) {
    const ids = await context.statusIdsIn([category]);
    if (ids.length === 0) continue;
    const query = q`project = ${context.options.projectKey} AND status IN ${ids.map(idValue)} ORDER BY updated DESC`;
    const { issues } = await searchPage(context, query, undefined, { pageSize: 1 });
    const issue = issues[0];
    if (issue === undefined) continue;
    const transitions = await context.client.issues.transitions(issue.key, { expandFields: true });
    samples.push({ category, key: issue.key, status: issue.fields.status?.name ?? 'unknown', transitions });
  }
  return samples;
}

function reaching(context: ConnectorContext, sample: Sample, to: StatusCategory): Transition[] {
  return sample.transitions.filter((transition) => transition.isAvailable !== false && context.statusCategory(transition.to) === to);
}

function bestByName(transitions: Transition[], to: Exclude<StatusCategory, 'unknown'>): Transition | undefined {
  const names = PREFERRED_TRANSITION_NAMES[to].map(normaliseName);
  const rank = (transition: Transition) => {
    const index = names.indexOf(normaliseName(transition.name));
    return index < 0 ? names.length : index;
  };
  return [...transitions].sort((a, b) => rank(a) - rank(b))[0];
}

function checkWorkflow(context: ConnectorContext, checks: AccessCheck[], samples: Sample[]): void {
  const key = context.options.projectKey;
  const from = (categories: readonly StatusCategory[]) => samples.filter((sample) => categories.includes(sample.category));
  const describeSample = (sample: Sample) => `${sample.status} (${sample.key}${sample.transitions.length === 0 ? ', no transition available to the account: it may lack the Transition issues permission' : ''})`;
  const noIssues = `there is no issue in ${key} to inspect in these statuses`;
  const noIssuesFix = `Create a ticket in ${key} (or move one to the statuses named) and run verifyAccess() again.`;

  // transition.resolve
  const resolveFrom = from(['open', 'in_progress', 'waiting_for_user']);
  const resolveFix = `In the workflow of ${key} (Project settings → Workflows → Edit), add a transition from "Any status" to Resolved (or a similar status), so the bot can resolve tickets whatever their status.`;
  const resolveTransitions: Transition[] = [];
  if (resolveFrom.length === 0) {
    checks.push(check('transition.resolve', TITLES['transition.resolve'], 'warn', `Not checked: ${noIssues} (open, in progress, waiting).`, noIssuesFix));
  } else {
    const missing = resolveFrom.filter((sample) => reaching(context, sample, 'resolved').length === 0);
    for (const sample of resolveFrom) resolveTransitions.push(...reaching(context, sample, 'resolved'));
    const required = [...new Set(resolveTransitions.flatMap((transition) =>
      Object.entries(transition.fields ?? {})
        .filter(([id, field]) => field.required && field.hasDefaultValue !== true && !['resolution', 'assignee'].includes(field.key ?? id))
        .map(([id, field]) => `"${transition.name}" requires ${field.name} (${id})`),
    ))];
    if (missing.length > 0) {
      checks.push(check('transition.resolve', TITLES['transition.resolve'], 'fail', `No transition to a resolved status from: ${missing.map(describeSample).join(', ')}.`, resolveFix));
    } else if (required.length > 0) {
      checks.push(check('transition.resolve', TITLES['transition.resolve'], 'fail', `The resolve transition has required fields the bot cannot fill: ${required.join('; ')}.`, 'Give these fields a default value, or make them optional on the resolve transition\'s screen, so the bot can complete the transition.'));
    } else {
      checks.push(check('transition.resolve', TITLES['transition.resolve'], 'pass', `From ${resolveFrom.map((sample) => sample.status).join(', ')}: ${[...new Set(resolveTransitions.map((transition) => `"${transition.name}" → ${transition.to.name}`))].join(', ')}.`));
    }
  }

  // transition.in_progress
  const progressFrom = from(['open', 'waiting_for_user']);
  if (progressFrom.length === 0) {
    checks.push(check('transition.in_progress', TITLES['transition.in_progress'], 'warn', `Not checked: ${noIssues} (open, waiting).`, noIssuesFix));
  } else {
    const missing = progressFrom.filter((sample) => reaching(context, sample, 'in_progress').length === 0);
    checks.push(missing.length === 0
      ? check('transition.in_progress', TITLES['transition.in_progress'], 'pass', `From ${progressFrom.map((sample) => sample.status).join(', ')}.`)
      : check('transition.in_progress', TITLES['transition.in_progress'], 'warn', `No transition to an in-progress status from: ${missing.map(describeSample).join(', ')}; the bot cannot put such tickets back in progress after the requester replies.`, `In the workflow of ${key}, add a transition from "Any status" to In Progress (or a similar status).`));
  }

  // transition.reopen
  const reopenFrom = from(['resolved', 'closed']);
  if (reopenFrom.length === 0) {
    checks.push(check('transition.reopen', TITLES['transition.reopen'], 'warn', `Not checked: ${noIssues} (resolved, closed).`, noIssuesFix));
  } else {
    const missing = reopenFrom.filter((sample) => reaching(context, sample, 'open').length === 0);
    checks.push(missing.length === 0
      ? check('transition.reopen', TITLES['transition.reopen'], 'pass', `From ${reopenFrom.map((sample) => sample.status).join(', ')}.`)
      : check('transition.reopen', TITLES['transition.reopen'], 'warn', `No transition back to an open status (e.g. Reopened) from: ${missing.map(describeSample).join(', ')}; the bot cannot reopen such tickets when the requester still needs help.`, `In the workflow of ${key}, add a "Reopen" transition from the resolved and closed statuses (or from "Any status") to Reopened (or a similar status in the To Do category).`));
  }

  // resolve-screen.assignee
  const resolve = bestByName(resolveTransitions, 'resolved');
  if (resolve === undefined) {
    checks.push(check('resolve-screen.assignee', TITLES['resolve-screen.assignee'], 'warn', 'Not checked: no resolve transition was found.', resolveFix));
  } else if (Object.entries(resolve.fields ?? {}).some(([id, field]) => (field.key ?? id) === 'assignee')) {
    checks.push(check('resolve-screen.assignee', TITLES['resolve-screen.assignee'], 'pass', `"${resolve.name}" has Assignee on its screen.`));
  } else {
    checks.push(check(
      'resolve-screen.assignee',
      TITLES['resolve-screen.assignee'],
      'fail',
      `The "${resolve.name}" transition has ${resolve.hasScreen === false || Object.keys(resolve.fields ?? {}).length === 0 ? 'no screen' : 'no Assignee field on its screen'}, so the bot cannot set itself as the assignee when it resolves a ticket.`,
      `Add the Assignee field to the screen of the "${resolve.name}" transition in the workflow of ${key} (map a screen that has Assignee, plus any other field that must be set on resolution, to the transition: Project settings → Workflows → the transition → Screen).`,
    ));
  }
}
