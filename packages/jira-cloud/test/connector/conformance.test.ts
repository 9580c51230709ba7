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

/** The fixture's hooks over a fetch probe: `create` is the endpoint that makes a ticket. */
function probeHooks(probe: FetchProbe, create: FetchMatch) {
  return {
    loseNextAnswer: (write: LosableWrite) => probe.loseNextAnswer(write === 'tickets.create' ? create : COMMENT_CREATE),
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
      ...probeHooks(probe, { method: 'POST', path: '/rest/servicedeskapi/request' }),
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
