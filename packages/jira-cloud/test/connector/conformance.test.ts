/**
 * The core conformance kit against the Jira sandbox: once as Jira Service Management (requests
 * raised on behalf of customers, the request-type catalog), once as plain platform issues. A fetch
 * probe counts the requests (bad input must send none) and loses the answer of a chosen create.
 */
import { describeConnectorConformance, type LosableWrite } from '@itsm/core/conformance';
import { createFetchProbe, type FetchMatch, type FetchProbe } from '@itsm/core/testing';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { createJiraConnector } from '../../src/index.js';
import { addSharedEmailAccount } from './support.js';

const COMMENT_CREATE: FetchMatch = { method: 'POST', path: /^\/rest\/api\/3\/issue\/[^/]+\/comment$/ };

/** A catalog submit raises a Jira Service Management request. */
const REQUEST_CREATE: FetchMatch = { method: 'POST', path: '/rest/servicedeskapi/request' };

/** The fixture's hooks over a fetch probe: `create` is the endpoint that makes a ticket. */
function probeHooks(probe: FetchProbe, create: FetchMatch) {
  const endpoints: Record<LosableWrite, FetchMatch> = { 'tickets.create': create, 'comments.add': COMMENT_CREATE, 'catalog.submit': REQUEST_CREATE };
  return {
    loseNextAnswer: (write: LosableWrite) => probe.loseNextAnswer(endpoints[write]),
    requestCount: () => probe.requests.length,
  };
}

let jsm: Sandbox;
describeConnectorConformance({
  name: 'jira-cloud connector (Jira Service Management)',
  setup: async () => {
    jsm = await startSandbox({ providers: ['jira-cloud'] });
    const facts = jsm.state('jira-cloud').facts;
    const probe = createFetchProbe();
    return {
      connector: createJiraConnector({ ...jsm.connectorOptions('jira-cloud'), fetch: probe.fetch }),
      requesterEmail: facts.knownRequester.email,
      ambiguousEmail: addSharedEmailAccount(jsm),
      missingTicketId: 'HELP-999999',
      missingUserId: 'no-such-account',
      // The sandbox's "Set up a new starter" request type: a date, a cascading select, choices, a person, a number, a date-time.
      catalogForm: {
        itemId: '9',
        answers: {
          summary: 'Priya Patel starts on Monday',
          customfield_10050: '2026-09-07',
          customfield_10051: 'United Kingdom',
          'customfield_10051:child': 'London',
          customfield_10030: 'Laptop',
          customfield_10052: ['Slack', 'Microsoft 365'],
          customfield_10053: facts.agent.email,
          customfield_10054: 2,
          customfield_10055: '2026-09-07T09:30:00+01:00',
          priority: 'High',
          description: 'A desk near the window, please.',
        },
      },
      ...probeHooks(probe, REQUEST_CREATE),
    };
  },
  teardown: () => jsm.close(),
});

let platform: Sandbox;
describeConnectorConformance({
  name: 'jira-cloud connector (platform issues, no service desk)',
  setup: async () => {
    platform = await startSandbox({ providers: ['jira-cloud'] });
    const { serviceDeskId: _desk, requestTypeId: _type, ...options } = platform.connectorOptions('jira-cloud');
    const probe = createFetchProbe();
    return {
      connector: createJiraConnector({ ...options, issueType: 'Incident', fetch: probe.fetch }),
      requesterEmail: platform.state('jira-cloud').facts.knownRequester.email,
      ambiguousEmail: addSharedEmailAccount(platform),
      missingTicketId: '999999',
      missingUserId: 'no-such-account',
      ...probeHooks(probe, { method: 'POST', path: '/rest/api/3/issue' }),
    };
  },
  teardown: () => platform.close(),
});
