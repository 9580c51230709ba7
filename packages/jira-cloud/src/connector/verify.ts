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
 * and gives a warning. When the credentials fail (or the account is deactivated), every other check
 * is reported as not checked; when the project is not visible, so are the workflow checks. A check
 * never throws: a failure to check is reported as the check's outcome. The checks run on the core
 * `runAccessChecks`.
 *
 * @module
 */
import {
  ApiError,
  AuthenticationError,
  NotFoundError,
  PermissionError,
  type AccessReport,
  type StatusCategory,
} from '@itsm/core';
import {
  errorSummary,
  normaliseName,
  runAccessChecks,
  type AccessCheckDefinition,
  type AccessCheckOutcome,
  type AccessCheckResult,
} from '@itsm/core/provider';
import { JIRA_CLOUD } from '../provider.js';
import type { JiraProject } from '../schemas/projects.js';
import type { Transition } from '../schemas/transitions.js';
import type { Myself } from '../schemas/users.js';
import { isUtcLikeTimeZone, RECOMMENDED_TIME_ZONE, type JiraAccessCheckId } from './access-checks.js';
import type { ConnectorContext } from './context.js';
import { idValue } from './query.js';
import { searchIssues } from './search.js';
import { PREFERRED_TRANSITION_NAMES } from './transition.js';

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

/** The checks of the workflow, which read the same samples. */
const WORKFLOW_CHECKS = ['transition.resolve', 'transition.in_progress', 'transition.reopen', 'resolve-screen.assignee'] as const;

/** The id of a workflow check. */
type WorkflowCheckId = (typeof WORKFLOW_CHECKS)[number];

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
  const deskId = options.serviceDeskId;
  const roleFix = `In the project settings of ${options.projectKey} (People → Add people), give the service account the Service Desk Team role, and in Atlassian Administration give it Jira Service Management access (the jira-servicedesk-users group).`;
  // What later checks read of earlier ones.
  let me: Myself | undefined;
  let project: JiraProject | undefined;
  let workflow: Promise<Record<WorkflowCheckId, AccessCheckOutcome>> | undefined;
  const account = () => me as Myself; // set by the credentials check every other check needs

  const workflowCheck = (id: WorkflowCheckId): AccessCheckDefinition<JiraAccessCheckId> => ({
    id,
    title: TITLES[id],
    needs: ['credentials', 'project'],
    run: async () => (await (workflow ??= workflowResults(context)))[id],
  });

  const checks: AccessCheckDefinition<JiraAccessCheckId>[] = [
    {
      id: 'credentials',
      title: TITLES.credentials,
      blocks: { because: 'the credentials did not work', fix: 'Fix the credentials first, then run verifyAccess() again.' },
      async run() {
        try {
          me = await client.myself();
        } catch (error) {
          return credentialsFailure(error);
        }
        if (!me.active) {
          return { status: 'fail', detail: `The account ${me.displayName} is deactivated.`, fix: 'Reactivate the service account in Atlassian Administration (Directory → Service accounts or Users).' };
        }
        return { status: 'pass', detail: `Signed in as ${me.displayName} (${me.emailAddress ?? me.accountId}).` };
      },
    },
    {
      id: 'timezone',
      title: TITLES.timezone,
      needs: ['credentials'],
      async run() {
        const profile = account().timeZone;
        const used = await client.timeZone().catch(() => profile);
        return timeZoneResult(used, profile);
      },
    },
    {
      id: 'project',
      title: TITLES.project,
      needs: ['credentials'],
      blocks: { because: 'the project is not visible', fix: 'Fix the project check first, then run verifyAccess() again.' },
      async run() {
        try {
          project = await client.projects.get(options.projectKey);
          return { status: 'pass', detail: `${project.key}: ${project.name}${project.projectTypeKey ? ` (${project.projectTypeKey})` : ''}.` };
        } catch (error) {
          const hidden = error instanceof NotFoundError || error instanceof PermissionError;
          return {
            status: 'fail',
            detail: hidden ? `The project ${options.projectKey} does not exist or the service account cannot see it.` : `Could not read the project ${options.projectKey}: ${errorSummary(error)}`,
            fix: hidden
              ? `Check the project key (case-sensitive), and in the project settings of ${options.projectKey} (People) give the service account the Service Desk Team role (for a service project) or a role with the Browse projects permission.`
              : 'Run verifyAccess() again; if it keeps failing, check the site URL and the network.',
          };
        }
      },
    },
    {
      id: 'service-desk',
      title: TITLES['service-desk'],
      needs: ['credentials'],
      run: () => {
        if (deskId !== undefined) return serviceDeskResult(context, deskId, roleFix);
        if (project?.projectTypeKey !== 'service_desk') return undefined;
        return {
          status: 'warn',
          detail: `${options.projectKey} is a service project, but no serviceDeskId is configured: tickets are created as plain issues without a request type (customers do not see them on the portal), findByEmail does not search the desk's customers, and the catalog is unavailable.`,
          fix: 'Set the serviceDeskId option (the id in GET /rest/servicedeskapi/servicedesk for this project) and requestTypeId (a request type of that desk).',
        };
      },
    },
    {
      id: 'product-access',
      title: TITLES['product-access'],
      needs: ['credentials'],
      run: () => (deskId === undefined ? undefined : productAccessResult(context, account())),
    },
    {
      id: 'customers',
      title: TITLES.customers,
      needs: ['credentials'],
      run: () => (deskId === undefined ? undefined : customersResult(context, deskId, roleFix)),
    },
    ...WORKFLOW_CHECKS.map(workflowCheck),
  ];
  return runAccessChecks(JIRA_CLOUD, checks);
}

/** The credentials check when `myself` failed: why, and what to do about it. */
function credentialsFailure(error: unknown): AccessCheckResult {
  const scoped = error instanceof ApiError && /scope/i.test(error.messages.join(' ') + error.message);
  const detail = error instanceof AuthenticationError
    ? `Jira refused the credentials${scoped ? ' (the token\'s scopes do not match this URL)' : ''}: ${error.message}`
    : `Could not sign in: ${errorSummary(error)}`;
  const fix = error instanceof AuthenticationError || error instanceof PermissionError
    ? CREDENTIALS_FIX
    : 'Check that baseUrl is the site URL (https://<your-site>.atlassian.net) or cloudId the site\'s cloud id, and that the site can be reached.';
  return { status: 'fail', detail, fix };
}

/** The time zone check: the zone in use is the profile's, and UTC all year. */
function timeZoneResult(used: string, profile: string): AccessCheckResult {
  if (used !== profile && !(isUtcLikeTimeZone(used) && isUtcLikeTimeZone(profile))) {
    return {
      status: 'fail',
      detail: `The timeZone option is ${used}, but the service account's profile time zone is ${profile}. Jira reads JQL dates in the profile's zone, so ticket lists by date and the change feed would be off by the difference and could miss tickets.`,
      fix: `Remove the timeZone option (the connector then reads the zone from the profile), or set it to "${profile}". Better still, set the profile's time zone to ${RECOMMENDED_TIME_ZONE} and the option to match.`,
    };
  }
  if (profile === RECOMMENDED_TIME_ZONE || isUtcLikeTimeZone(profile)) return { status: 'pass', detail: `The profile time zone is ${profile}.` };
  return {
    status: 'warn',
    detail: `The profile time zone is ${profile}, which is not UTC all year. Jira reads JQL dates in this zone; the connector writes them in it, and searches an hour further back where clocks are set back and a local hour happens twice. A zone that is UTC all year keeps JQL dates unambiguous.`,
    fix: `Set the service account's time zone to ${RECOMMENDED_TIME_ZONE}: log in as the service account, open its Atlassian account preferences (https://id.atlassian.com/manage-profile/account-preferences) and choose the time zone "(GMT+00:00) Danmarkshavn".`,
  };
}

/** The service desk check: the desk is the project's, and the request type one of its own. */
async function serviceDeskResult(context: ConnectorContext, deskId: string, roleFix: string): Promise<AccessCheckResult> {
  const { client, options } = context;
  try {
    const desk = await client.serviceDesk.desk(deskId);
    if (desk.projectKey !== options.projectKey) {
      return { status: 'fail', detail: `Service desk ${deskId} belongs to project ${desk.projectKey}, not ${options.projectKey}.`, fix: `Set serviceDeskId to the desk of ${options.projectKey} (see GET /rest/servicedeskapi/servicedesk), or projectKey to ${desk.projectKey}.` };
    }
    if (options.requestTypeId === undefined) {
      return { status: 'warn', detail: `Desk ${deskId} of ${desk.projectKey}, but no requestTypeId is configured: tickets are created as plain issues.`, fix: 'Set the requestTypeId option to the request type new requests should get (see catalog.list()).' };
    }
    const types = await client.serviceDesk.requestTypes(deskId, { pageSize: 100 }).toArray({ limit: 1000 });
    const type = types.find((candidate) => candidate.id === options.requestTypeId);
    return type === undefined
      ? { status: 'fail', detail: `Service desk ${deskId} has no request type ${options.requestTypeId} (it has: ${types.map((candidate) => `${candidate.id} ${candidate.name}`).join(', ') || 'none'}).`, fix: 'Set requestTypeId to one of the request types listed, or create the request type in the project settings (Request types).' }
      : { status: 'pass', detail: `Desk ${deskId} of ${desk.projectKey}; new requests are "${type.name}".` };
  } catch (error) {
    const hidden = error instanceof NotFoundError || error instanceof PermissionError;
    return {
      status: 'fail',
      detail: hidden ? `Service desk ${deskId} does not exist or the service account cannot use it.` : `Could not read service desk ${deskId}: ${errorSummary(error)}`,
      fix: hidden ? roleFix : 'Run verifyAccess() again; if it keeps failing, check the serviceDeskId option.',
    };
  }
}

/** The product access check: the account is in jira-servicedesk-users or has the JSM role. */
async function productAccessResult(context: ConnectorContext, me: Myself): Promise<AccessCheckResult> {
  try {
    const access = await context.client.myself({ expand: ['groups', 'applicationRoles'] });
    const groups = (access.groups?.items ?? []).map((group) => group.name ?? '');
    const roles = (access.applicationRoles?.items ?? []).map((role) => role.key ?? '');
    const ok = groups.includes('jira-servicedesk-users') || roles.includes('jira-servicedesk');
    return ok
      ? { status: 'pass', detail: `Groups: ${groups.join(', ') || 'none'}.` }
      : { status: 'warn', detail: `${me.displayName} is not in jira-servicedesk-users and has no Jira Service Management role (groups: ${groups.join(', ') || 'none'}).`, fix: 'In Atlassian Administration (Directory → Service accounts or Users → the account → Product access), give the service account the jira-servicedesk-users role for Jira Service Management.' };
  } catch (error) {
    return { status: 'warn', detail: `Could not read the account's groups: ${errorSummary(error)}`, fix: 'In Atlassian Administration, make sure the service account has the jira-servicedesk-users role for Jira Service Management.' };
  }
}

/** The customers check: the account can list the desk's customers. */
async function customersResult(context: ConnectorContext, deskId: string, roleFix: string): Promise<AccessCheckResult> {
  try {
    const customers = await context.client.serviceDesk.customers.list(deskId, { pageSize: 1 }).take(1).toArray({ limit: 1 });
    return { status: 'pass', detail: customers.length > 0 ? 'The desk\'s customers are visible.' : 'The desk has no customers yet, but the account may see them.' };
  } catch (error) {
    const denied = error instanceof PermissionError || error instanceof NotFoundError;
    return {
      status: denied ? 'fail' : 'warn',
      detail: denied ? `The service account cannot see the customers of desk ${deskId}: ${errorSummary(error)}` : `Could not list the desk's customers: ${errorSummary(error)}`,
      fix: denied ? roleFix : 'Run verifyAccess() again; if it keeps failing, check the Service Desk Team role of the service account.',
    };
  }
}

/** The four workflow checks, from the transitions of one sample issue per status category. */
async function workflowResults(context: ConnectorContext): Promise<Record<WorkflowCheckId, AccessCheckOutcome>> {
  let samples: Sample[];
  try {
    samples = await transitionSamples(context);
  } catch (error) {
    const skip = { skip: `the workflow could not be read (${errorSummary(error)})`, fix: 'Run verifyAccess() again; if it keeps failing, give the service account the Service Desk Team role in the project.' };
    return Object.fromEntries(WORKFLOW_CHECKS.map((id) => [id, skip])) as Record<WorkflowCheckId, AccessCheckOutcome>;
  }
  return checkWorkflow(context, samples);
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
    const [issue] = await searchIssues(context, query, 1).take(1).toArray({ limit: 1 });
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

function checkWorkflow(context: ConnectorContext, samples: Sample[]): Record<WorkflowCheckId, AccessCheckOutcome> {
  const results = {} as Record<WorkflowCheckId, AccessCheckOutcome>;
  const record = (id: WorkflowCheckId, status: AccessCheckResult['status'], detail: string, fix?: string) => {
    results[id] = { status, detail, ...(fix === undefined ? {} : { fix }) };
  };
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
    record('transition.resolve', 'warn', `Not checked: ${noIssues} (open, in progress, waiting).`, noIssuesFix);
  } else {
    const missing = resolveFrom.filter((sample) => reaching(context, sample, 'resolved').length === 0);
    for (const sample of resolveFrom) resolveTransitions.push(...reaching(context, sample, 'resolved'));
    const required = [...new Set(resolveTransitions.flatMap((transition) =>
      Object.entries(transition.fields ?? {})
        .filter(([id, field]) => field.required && field.hasDefaultValue !== true && !['resolution', 'assignee'].includes(field.key ?? id))
        .map(([id, field]) => `"${transition.name}" requires ${field.name} (${id})`),
    ))];
    if (missing.length > 0) {
      record('transition.resolve', 'fail', `No transition to a resolved status from: ${missing.map(describeSample).join(', ')}.`, resolveFix);
    } else if (required.length > 0) {
      record('transition.resolve', 'fail', `The resolve transition has required fields the bot cannot fill: ${required.join('; ')}.`, 'Give these fields a default value, or make them optional on the resolve transition\'s screen, so the bot can complete the transition.');
    } else {
      record('transition.resolve', 'pass', `From ${resolveFrom.map((sample) => sample.status).join(', ')}: ${[...new Set(resolveTransitions.map((transition) => `"${transition.name}" → ${transition.to.name}`))].join(', ')}.`);
    }
  }

  // transition.in_progress
  const progressFrom = from(['open', 'waiting_for_user']);
  if (progressFrom.length === 0) {
    record('transition.in_progress', 'warn', `Not checked: ${noIssues} (open, waiting).`, noIssuesFix);
  } else {
    const missing = progressFrom.filter((sample) => reaching(context, sample, 'in_progress').length === 0);
    if (missing.length === 0) record('transition.in_progress', 'pass', `From ${progressFrom.map((sample) => sample.status).join(', ')}.`);
    else record('transition.in_progress', 'warn', `No transition to an in-progress status from: ${missing.map(describeSample).join(', ')}; the bot cannot put such tickets back in progress after the requester replies.`, `In the workflow of ${key}, add a transition from "Any status" to In Progress (or a similar status).`);
  }

  // transition.reopen
  const reopenFrom = from(['resolved', 'closed']);
  if (reopenFrom.length === 0) {
    record('transition.reopen', 'warn', `Not checked: ${noIssues} (resolved, closed).`, noIssuesFix);
  } else {
    const missing = reopenFrom.filter((sample) => reaching(context, sample, 'open').length === 0);
    if (missing.length === 0) record('transition.reopen', 'pass', `From ${reopenFrom.map((sample) => sample.status).join(', ')}.`);
    else record('transition.reopen', 'warn', `No transition back to an open status (e.g. Reopened) from: ${missing.map(describeSample).join(', ')}; the bot cannot reopen such tickets when the requester still needs help.`, `In the workflow of ${key}, add a "Reopen" transition from the resolved and closed statuses (or from "Any status") to Reopened (or a similar status in the To Do category).`);
  }

  // resolve-screen.assignee
  const resolve = bestByName(resolveTransitions, 'resolved');
  if (resolve === undefined) {
    record('resolve-screen.assignee', 'warn', 'Not checked: no resolve transition was found.', resolveFix);
  } else if (Object.entries(resolve.fields ?? {}).some(([id, field]) => (field.key ?? id) === 'assignee')) {
    record('resolve-screen.assignee', 'pass', `"${resolve.name}" has Assignee on its screen.`);
  } else {
    record('resolve-screen.assignee', 'fail',
      `The "${resolve.name}" transition has ${resolve.hasScreen === false || Object.keys(resolve.fields ?? {}).length === 0 ? 'no screen' : 'no Assignee field on its screen'}, so the bot cannot set itself as the assignee when it resolves a ticket.`,
      `Add the Assignee field to the screen of the "${resolve.name}" transition in the workflow of ${key} (map a screen that has Assignee, plus any other field that must be set on resolution, to the transition: Project settings → Workflows → the transition → Screen).`,
    );
  }
  return results;
}
