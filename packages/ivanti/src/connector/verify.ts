/**
 * `verifyAccess()`: the service-account setup of the Ivanti access requirements, checked one by
 * one, each with a fix in an administrator's words.
 *
 * | id | checks | when it is not met |
 * |---|---|---|
 * | `credentials` | the API key is accepted (and the API is found, under `/HEAT` or not) | fail |
 * | `service-account` | the `serviceAccount` (the key's "On Behalf Of" account) exists and is active | fail (warn when not configured) |
 * | `employees.read` | the role reads the user table (`employees`) | fail |
 * | `incidents.read` | the role reads incidents | warn when none is visible |
 * | `service-requests.read` | the role reads service requests | warn when none is visible |
 * | `knowledge.read` | the role reads knowledge articles (`frs_knowledges`) | warn |
 * | `offerings.read` | published request offerings are readable, with their direct links | warn when none |
 * | `offerings.available` | the offerings available to an employee can be listed (service request forms) | warn |
 * | `idempotency.fields` | the custom fields that keep idempotency keys (`idempotencyField`, `noteIdempotencyField`) exist | fail (warn when not configured) |
 * | `acting-account` | writes are made as the service account (`LastModBy`) | warn / fail |
 * | `incident.status` | an incident's status can be changed (Logged → Resolved → Closed) | fail |
 * | `service-request.status` | a service request's status can be changed | fail |
 * | `journal.write` | a journal note can be added | fail |
 * | `attachment.write` | a file can be attached | fail |
 *
 * Ivanti scopes reads to the key's role silently (an object the role cannot read looks empty), so a
 * read check passes only when it sees a record. The last five checks write: they run only with the
 * connector's `verifyWrites` option, which lets them create an incident and a service request
 * labelled as checks, move them through their statuses, add an internal note and a small text
 * file, and close them; without it they are reported as not checked. The checks run on the core
 * `runAccessChecks`; none throws.
 *
 * @module
 */
import { AuthenticationError, EmailSchema, ItsmError, NotFoundError, PermissionError, ValidationError, type AccessReport } from '@itsm/core';
import { errorSummary, runAccessChecks, type AccessCheckDefinition, type AccessCheckResult } from '@itsm/core/provider';
import { IVANTI } from '../provider.js';
import type { Employee } from '../schemas/people.js';
import type { Incident, ServiceRequest } from '../schemas/tickets.js';
import { KNOWLEDGE_ENTITY_SET, type IvantiAccessCheckId } from './access-checks.js';
import type { ConnectorContext } from './context.js';
import { planTransition } from './transition.js';


const TITLES: Readonly<Record<IvantiAccessCheckId, string>> = {
  credentials: 'The REST API key is accepted',
  'service-account': 'The service account exists and is active',
  'employees.read': 'The user table (employees) is readable',
  'incidents.read': 'Incidents are readable',
  'service-requests.read': 'Service requests are readable',
  'knowledge.read': 'Knowledge articles are readable',
  'offerings.read': 'Request offerings are readable, with their direct links',
  'offerings.available': "An employee's available request offerings (service request forms) can be listed",
  'idempotency.fields': 'The fields that keep idempotency keys exist',
  'acting-account': 'The key acts for the service account',
  'incident.status': "An incident's status can be changed",
  'service-request.status': "A service request's status can be changed",
  'journal.write': 'Journal notes can be added',
  'attachment.write': 'Files can be attached',
};

const ROLE = 'In the Configuration console, open Users and Permissions → Roles and Permissions, edit the service account\'s role (e.g. "Moveworks")';

const KEY_FIX =
  'Log in as an administrator, open Configure Applications → Security Controls → API Keys, add a key group for the bot and a new API key with ' +
  'Description "Moveworks" (or your bot), On Behalf Of the service account and In Role the role made for it; pass the key (its Reference ID) as apiKey.';

const VIEW_FIX = (what: string) => `${ROLE} and give it View access to ${what}, without conditions on the object permissions.`;
const EDIT_FIX = (what: string) => `${ROLE} and give it Edit access to ${what}, without conditions on the object permissions.`;

const FIELD_FIX =
  'In the Configuration Console (Build → Business Objects), add a text field of 255 characters (e.g. IdempotencyKey) to Incident and ServiceReq, ' +
  "and to Journal for notes, give the bot's role Edit access to it, and name it in the connector's idempotencyField and noteIdempotencyField options.";

const WRITES_SKIP = {
  skip: 'verifyAccess() writes nothing unless the connector\'s verifyWrites option is on',
  fix: 'Run verifyAccess() with verifyWrites: true on a test instance to check it (it creates an incident and a service request labelled as checks, with a note and a text file, and closes them).',
};

/** What the write checks found, shared by the checks that report it. */
interface WriteProbe {
  incident?: Incident | undefined;
  serviceRequest?: ServiceRequest | undefined;
  actor?: string | undefined;
  results: Partial<Record<'incident.status' | 'service-request.status' | 'journal.write' | 'attachment.write', AccessCheckResult>>;
}

/**
 * Runs every check of the service-account setup; see the module documentation for the list.
 *
 * @param context - The connector's context.
 * @internal
 */
export async function verifyIvantiAccess(context: ConnectorContext): Promise<AccessReport> {
  const { client, options } = context;
  let serviceAccount: Employee | undefined;
  let someEmployee: Employee | undefined;
  let probe: Promise<WriteProbe> | undefined;
  const writes = () => (probe ??= writeProbe(context, serviceAccount ?? someEmployee));

  const readCheck = (id: IvantiAccessCheckId, what: string, read: () => Promise<unknown[]>, emptyStatus: 'warn' | 'fail'): AccessCheckDefinition<IvantiAccessCheckId> => ({
    id,
    title: TITLES[id],
    needs: ['credentials'],
    fix: VIEW_FIX(what),
    run: async () => {
      const rows = await read();
      return rows.length > 0
        ? { status: 'pass', detail: `${what} records are visible.` }
        : { status: emptyStatus, detail: `No ${what} record is visible: Ivanti shows an object the role cannot read as empty, so the role may lack View access to ${what}${emptyStatus === 'warn' ? ', or there are none yet' : ''}.` };
    },
  });

  const writeCheck = (id: keyof WriteProbe['results'], what: string): AccessCheckDefinition<IvantiAccessCheckId> => ({
    id,
    title: TITLES[id],
    needs: ['credentials', 'employees.read'],
    fix: EDIT_FIX(what),
    run: async () => (options.verifyWrites ? (await writes()).results[id] ?? { skip: 'the check could not run' } : WRITES_SKIP),
  });

  const checks: AccessCheckDefinition<IvantiAccessCheckId>[] = [
    {
      id: 'credentials',
      title: TITLES.credentials,
      blocks: { because: 'the API key did not work', fix: 'Fix the API key (and the base URL) first, then run verifyAccess() again.' },
      async run() {
        try {
          [someEmployee] = await client.employees.list({ pageSize: 1 }).take(1).toArray({ limit: 1 });
          return { status: 'pass', detail: `The key is accepted at ${await client.baseUrl()}.` };
        } catch (error) {
          if (error instanceof AuthenticationError) return { status: 'fail', detail: `Ivanti refused the key: ${error.message}`, fix: KEY_FIX };
          if (error instanceof ItsmError && !(error instanceof PermissionError)) {
            return { status: 'fail', detail: `Could not reach the API: ${errorSummary(error)}`, fix: 'Check the baseUrl option: the tenant URL (https://tenant.ivanticloud.com, or https://host/HEAT for on-premises), reachable from here.' };
          }
          throw error;
        }
      },
    },
    {
      id: 'service-account',
      title: TITLES['service-account'],
      needs: ['credentials'],
      fix: 'Create the service account (Settings → Users and Permissions → a new user for the bot), make it active, and set the connector\'s serviceAccount option to its login ID.',
      async run() {
        const account = options.serviceAccount;
        if (account === undefined) {
          return { skip: 'the serviceAccount option is not set', fix: 'Set the serviceAccount option to the login ID (or e-mail) of the account the API key acts for (its On Behalf Of user).' };
        }
        const found = EmailSchema.safeParse(account).success ? await client.employees.findByEmail(account) : await client.employees.findByLogin(account);
        serviceAccount = found.find((employee) => employee.Status === 'Active' && employee.Disabled !== true) ?? found[0];
        if (serviceAccount === undefined) return { status: 'fail', detail: `No employee has the login ID or e-mail ${account}.` };
        const active = (serviceAccount.Status === undefined || serviceAccount.Status === null || serviceAccount.Status === 'Active') && serviceAccount.Disabled !== true;
        if (!active) return { status: 'fail', detail: `${serviceAccount.DisplayName ?? account} is ${serviceAccount.Disabled === true ? 'disabled' : serviceAccount.Status}.` };
        return { status: 'pass', detail: `${serviceAccount.DisplayName ?? account} (${serviceAccount.LoginID ?? account}) is active${serviceAccount.Team ? ` in the team ${serviceAccount.Team}` : ''}.` };
      },
    },
    readCheck('employees.read', 'Employee', () => client.employees.list({ pageSize: 1 }).take(1).toArray({ limit: 1 }), 'fail'),
    readCheck('incidents.read', 'Incident', () => client.incidents.list({ pageSize: 1, select: ['Status'] }).take(1).toArray({ limit: 1 }), 'warn'),
    readCheck('service-requests.read', 'Service Request', () => client.serviceRequests.list({ pageSize: 1, select: ['Status'] }).take(1).toArray({ limit: 1 }), 'warn'),
    {
      id: 'knowledge.read',
      title: TITLES['knowledge.read'],
      needs: ['credentials'],
      fix: VIEW_FIX('Knowledge (FRS_Knowledge)'),
      async run() {
        try {
          const rows = await client.businessObject(KNOWLEDGE_ENTITY_SET).list({ pageSize: 1, select: ['RecId'] }).take(1).toArray({ limit: 1 });
          return rows.length > 0
            ? { status: 'pass', detail: 'Knowledge articles are visible.' }
            : { status: 'warn', detail: 'No knowledge article is visible: the role may lack View access to knowledge, or there are none yet.' };
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          return { status: 'warn', detail: `The tenant has no business object ${KNOWLEDGE_ENTITY_SET} (the knowledge object may have another name here).`, fix: `${VIEW_FIX('Knowledge')} If the tenant names its knowledge object differently, read it with client.businessObject('<name>s').` };
        }
      },
    },
    {
      id: 'offerings.read',
      title: TITLES['offerings.read'],
      needs: ['credentials'],
      fix: VIEW_FIX('Request Offering (ServiceReqTemplate) and its parameters'),
      async run() {
        const [first] = await client.requestOfferings.published({ pageSize: 100 }).take(1).toArray({ limit: 1 });
        if (first === undefined) return { status: 'warn', detail: 'No published request offering is visible: the role may lack View access to request offerings, or none is published.' };
        return { status: 'pass', detail: `Published offerings are visible, e.g. "${first.Name ?? first.RecId}": ${await client.requestOfferings.directLink(first.RecId)}` };
      },
    },
    {
      id: 'offerings.available',
      title: TITLES['offerings.available'],
      needs: ['credentials', 'employees.read'],
      fix: VIEW_FIX('Request Offering and Service Request Subscription'),
      async run() {
        const employee = serviceAccount ?? someEmployee;
        if (employee === undefined) return { skip: 'no employee was found to list offerings for' };
        const available = await client.requestOfferings.available(employee.RecId);
        return available.length > 0
          ? { status: 'pass', detail: `${available.length} offerings are available to ${employee.DisplayName ?? employee.RecId}.` }
          : { status: 'warn', detail: `No offering is available to ${employee.DisplayName ?? employee.RecId}: the role may lack View access to the catalog, or no subscription covers this employee.` };
      },
    },
    {
      id: 'idempotency.fields',
      title: TITLES['idempotency.fields'],
      needs: ['credentials'],
      fix: FIELD_FIX,
      async run() {
        const wanted: { object: string; field: string; read: () => Promise<unknown> }[] = [];
        const read = (set: string, field: string) => () => client.businessObject(set).list({ pageSize: 1, select: [field] }).take(1).toArray({ limit: 1 });
        if (options.idempotencyField !== undefined) {
          wanted.push({ object: 'Incident', field: options.idempotencyField, read: read('incidents', options.idempotencyField) });
          wanted.push({ object: 'ServiceReq', field: options.idempotencyField, read: read('servicereqs', options.idempotencyField) });
        }
        if (options.noteIdempotencyField !== undefined) {
          wanted.push({ object: 'Journal.Notes', field: options.noteIdempotencyField, read: read('journal__notess', options.noteIdempotencyField) });
        }
        if (wanted.length === 0) {
          return { skip: 'no idempotency field is configured, so idempotency keys are refused and a create whose answer is lost cannot be found again by its key', fix: FIELD_FIX };
        }
        const missing: string[] = [];
        for (const { object, field, read: readField } of wanted) {
          try {
            await readField();
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            missing.push(`${object} has no field ${field} (${error.message})`);
          }
        }
        if (missing.length > 0) return { status: 'fail', detail: `${missing.join('; ')}.` };
        return { status: 'pass', detail: `The fields exist: ${wanted.map(({ object, field }) => `${object}.${field}`).join(', ')}.` };
      },
    },
    {
      id: 'acting-account',
      title: TITLES['acting-account'],
      needs: ['credentials', 'employees.read'],
      fix: 'In Security Controls → API Keys, set the key\'s On Behalf Of to the service account (and In Role to its role).',
      async run() {
        if (!options.verifyWrites) return WRITES_SKIP;
        const { actor } = await writes();
        if (actor === undefined) return { skip: 'no record could be written to see whom the key acts for' };
        const expected = serviceAccount?.LoginID ?? options.serviceAccount;
        if (expected === undefined) return { status: 'warn', detail: `The key acts for ${actor}; set the serviceAccount option to check that this is the service account.`, fix: 'Set the serviceAccount option to the service account\'s login ID.' };
        return actor.toLowerCase() === expected.toLowerCase()
          ? { status: 'pass', detail: `Writes are made as ${actor}.` }
          : { status: 'fail', detail: `Writes are made as ${actor}, not as the service account ${expected}.` };
      },
    },
    writeCheck('incident.status', 'Incident (including its Status)'),
    writeCheck('service-request.status', 'Service Request (including its Status)'),
    writeCheck('journal.write', 'Journal (Notes)'),
    writeCheck('attachment.write', 'Attachment'),
  ];
  return runAccessChecks(IVANTI, checks);
}

const PROBE_LABEL = '[verifyAccess] check of the helpdesk bot\'s access';

/** The write checks: an incident and a service request made, moved, noted, attached to, and closed. */
async function writeProbe(context: ConnectorContext, requester: Employee | undefined): Promise<WriteProbe> {
  const { client, options } = context;
  const probe: WriteProbe = { results: {} };
  const failed = (what: string, error: unknown): AccessCheckResult => ({ status: 'fail', detail: `${what}: ${errorSummary(error)}` });
  const customer = requester === undefined ? {} : { ProfileLink_RecID: requester.RecId, ProfileLink_Category: 'Employee' };
  try {
    probe.incident = await client.incidents.create({ Subject: PROBE_LABEL, Symptom: `${PROBE_LABEL}. Safe to delete.`, ...customer, ...(options.defaultTeam ? { OwnerTeam: options.defaultTeam } : {}) });
    probe.actor = probe.incident.LastModBy ?? probe.incident.CreatedBy ?? undefined;
  } catch (error) {
    probe.results['incident.status'] = failed('Could not create an incident', error);
  }
  const incident = probe.incident;
  if (incident !== undefined) {
    const ref = { category: 'Incident', recId: incident.RecId };
    try {
      await client.journalNotes.add(ref, { body: `${PROBE_LABEL}: an internal note.` });
      probe.results['journal.write'] = { status: 'pass', detail: `Added an internal note to incident ${incident.IncidentNumber ?? incident.RecId}.` };
    } catch (error) {
      probe.results['journal.write'] = failed('Could not add a note', error);
    }
    try {
      await client.attachments.upload(ref, { filename: 'verify-access.txt', content: `${PROBE_LABEL}\n`, contentType: 'text/plain' });
      probe.results['attachment.write'] = { status: 'pass', detail: `Attached verify-access.txt to incident ${incident.IncidentNumber ?? incident.RecId}.` };
    } catch (error) {
      probe.results['attachment.write'] = failed('Could not attach a text file', error);
    }
    try {
      const owner = options.defaultOwner ?? options.serviceAccount;
      const plan = { targets: options.targets.incident, category: options.defaultCategory, owner, causeCode: options.defaultCauseCode, defaultResolution: options.defaultResolution, resolution: PROBE_LABEL, comment: undefined };
      const resolved = await client.incidents.update(incident.RecId, planTransition('incident', incident, 'resolved', plan), { allowClosed: true });
      await client.incidents.update(incident.RecId, planTransition('incident', resolved, 'closed', plan), { allowClosed: true });
      probe.results['incident.status'] = { status: 'pass', detail: `Moved incident ${incident.IncidentNumber ?? incident.RecId} to ${options.targets.incident.resolved} and ${options.targets.incident.closed}.` };
    } catch (error) {
      probe.results['incident.status'] = failed(`Could not change the status of incident ${incident.IncidentNumber ?? incident.RecId}`, error);
    }
  }
  try {
    probe.serviceRequest = await client.serviceRequests.create({ Subject: PROBE_LABEL, Symptom: `${PROBE_LABEL}. Safe to delete.`, ...customer, ...(options.defaultTeam ? { OwnerTeam: options.defaultTeam } : {}) });
    probe.actor ??= probe.serviceRequest.LastModBy ?? undefined;
    await client.serviceRequests.update(probe.serviceRequest.RecId, { Status: options.targets.service_request.closed }, { allowClosed: true });
    probe.results['service-request.status'] = { status: 'pass', detail: `Moved service request ${probe.serviceRequest.ServiceReqNumber ?? probe.serviceRequest.RecId} to ${options.targets.service_request.closed}.` };
  } catch (error) {
    probe.results['service-request.status'] = failed('Could not create a service request and change its status', error);
  }
  return probe;
}
