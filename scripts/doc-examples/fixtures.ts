// The values a documentation block may assume: each name a block's preamble declares (`declare const
// connector: ItsmConnector;`) is bound, when the block runs, to the fixture of that name, made for the
// markdown file's own sandbox. The doc check also type-checks every fixture against the type the
// preamble declares, so a block cannot assume more of a name than its fixture gives.
import { ok } from 'node:assert';
import { createAutotaskConnector, type AutotaskClient, type AutotaskConnector } from '@itsm/autotask';
import { createTransport, type ItsmConnector, type ItsmError, type Ticket, type Transport } from '@itsm/core';
import {
  createJiraConnector,
  jiraIssueToTicket,
  type Issue,
  type JiraCloudClient,
  type JiraCloudClientOptions,
  type JiraConnector,
} from '@itsm/jira-cloud';
import { createIvantiConnector, type IvantiConnector } from '@itsm/ivanti';
import { defineSimulator, type AnySimulator, type Sandbox } from '@itsm/sandbox';

/** Every fixture, by the name a preamble declares. */
export interface DocFixtures {
  /** The markdown file's sandbox, running every built-in simulator. */
  sb: Sandbox;
  /** A Jira connector on the sandbox, as the shared interface. */
  connector: ItsmConnector;
  /** The same connector, as a Jira connector. */
  jira: JiraConnector;
  /** The connector's native client. */
  client: JiraCloudClient;
  /** An Autotask connector on the sandbox's tenant. */
  autotask: AutotaskConnector;
  /** Its native client. */
  autotaskClient: AutotaskClient;
  /** A ticket of the sandbox's Autotask tenant (its open ticket), as the shared model. */
  ticket: Ticket;
  /** The API user of the sandbox's Autotask tenant. */
  autotaskCredentials: { username: string; secret: string; trackingId: string };
  /** A transport to the sandbox's Ivanti tenant (under `/HEAT`), with its API key: what a connector author builds. */
  http: Transport;
  /** Options of a `JiraCloudClient` for the sandbox's site. */
  options: JiraCloudClientOptions;
  /** The site and the service account's credentials. */
  credentials: { baseUrl: string; email: string; apiToken: string };
  /** The service account's e-mail address. */
  email: string;
  /** The service account's API token. */
  apiToken: string;
  /** The sandbox's Jira site URL. */
  site: string;
  /** The same URL, as a client's `baseUrl`. */
  baseUrl: string;
  /** The sandbox's service project. */
  projectKey: string;
  /** A key-value store, in memory. */
  db: { get(key: string): Promise<string | undefined>; set(key: string, value: string): Promise<void> };
  /** A ticket handler (it does nothing). */
  handle(ticket: Ticket): Promise<void>;
  /** A stored change-feed cursor: none yet. */
  cursor: string | undefined;
  /** A structured logger (it writes nothing). */
  logger: { error(fields: object, message: string): void };
  /** A real error from the sandbox: the `NotFoundError` of a ticket that does not exist. */
  error: ItsmError;
  /** A trace id. */
  traceId: string;
  /** A metrics client (it records nothing). */
  metrics: { histogram(name: string, value: number, tags: Record<string, string | number>): void };
  /** Jira's issue to the shared model, with the default mappings. */
  toTicket(issue: Issue): Ticket;
  /** A small simulator of your own (a notes API). */
  mine: AnySimulator;
  /** Throws when the condition does not hold. */
  assert(condition: boolean): void;
  /** An Ivanti connector on the sandbox's tenant (with its idempotency fields and service account). */
  ivanti: IvantiConnector;
  /** The sandbox's Ivanti tenant URL and API key. */
  ivantiCredentials: { baseUrl: string; apiKey: string };
  /** The RecId of an Ivanti employee with tickets and request offerings (the seed's known requester). */
  employeeRecId: string;
  /** The Jira customer who raised HELP-1. */
  requester: { accountId: string };
  /** Another Jira account: an agent of the desk. */
  manager: { accountId: string };
}

/** A simulator of a tiny notes API, for blocks that show how a simulator of your own is passed in. */
const notesSimulator = defineSimulator({
  provider: 'notes',
  createState: ({ random }) => ({ notes: [{ id: 1, title: random.pick(['Printer jam', 'VPN down']) }] }),
  credentials: ({ random }) => ({ token: random.hex(32) }),
  connectorOptions: ({ url, credentials }) => ({ baseUrl: url, token: credentials.token }),
  handle: (_request, { state }) => ({ status: 200, body: state.notes }),
});

/** The account id of the reporter of a Jira issue in the sandbox. */
function reporterOf(sb: Sandbox, key: string): string {
  const state = sb.state('jira-cloud');
  const reporter = state.issues.get(state.issueKeys.get(key) ?? -1)?.reporterId;
  if (reporter === undefined || reporter === null) throw new Error(`the Jira sandbox has no issue ${key} with a reporter`);
  return reporter;
}

/** Makes the fixtures of one markdown file, on its sandbox. */
export async function createFixtures(sb: Sandbox): Promise<DocFixtures> {
  const options = sb.connectorOptions('jira-cloud');
  const ivanti = sb.connectorOptions('ivanti');
  const jira = createJiraConnector(options);
  const ivantiConnector = createIvantiConnector({ ...ivanti, serviceAccount: sb.state('ivanti').facts.serviceAccount.loginId });
  const autotaskOptions = sb.connectorOptions('autotask');
  const autotask = createAutotaskConnector(autotaskOptions);
  const ticket = await autotask.tickets.get(String(sb.state('autotask').facts.openTicket.id));
  const store = new Map<string, string>();
  const error = await jira.tickets.get(`${options.projectKey}-999999`).then(
    () => {
      throw new Error(`the sandbox has a ticket ${options.projectKey}-999999`);
    },
    (caught: unknown) => caught as ItsmError,
  );
  return {
    sb,
    connector: jira,
    jira,
    client: jira.client,
    autotask,
    autotaskClient: autotask.client,
    ticket,
    autotaskCredentials: { username: autotaskOptions.username, secret: autotaskOptions.secret, trackingId: autotaskOptions.trackingId },
    http: createTransport({
      provider: 'ivanti',
      baseUrl: `${ivanti.baseUrl}/HEAT`,
      auth: (headers) => headers.set('authorization', `rest_api_key=${ivanti.apiKey}`),
    }),
    options: { baseUrl: options.baseUrl, email: options.email, apiToken: options.apiToken },
    credentials: { baseUrl: options.baseUrl, email: options.email, apiToken: options.apiToken },
    email: options.email,
    apiToken: options.apiToken,
    site: options.baseUrl,
    baseUrl: options.baseUrl,
    projectKey: options.projectKey,
    db: {
      get: async (key) => store.get(key),
      set: async (key, value) => {
        store.set(key, value);
      },
    },
    handle: async () => {},
    cursor: undefined,
    logger: { error: () => {} },
    error,
    traceId: 'trace-0001',
    metrics: { histogram: () => {} },
    toTicket: (issue) => jiraIssueToTicket(issue),
    mine: notesSimulator,
    assert: (condition) => ok(condition),
    ivanti: ivantiConnector,
    ivantiCredentials: { baseUrl: ivanti.baseUrl, apiKey: ivanti.apiKey },
    employeeRecId: sb.state('ivanti').facts.knownRequester.recId,
    requester: { accountId: reporterOf(sb, 'HELP-1') },
    manager: { accountId: sb.state('jira-cloud').facts.agent.accountId },
  };
}
