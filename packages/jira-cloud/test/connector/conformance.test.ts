/**
 * The core conformance kit against the Jira sandbox: once as Jira Service Management (requests
 * raised on behalf of customers, the request-type catalog), once as plain platform issues.
 */
import { describeConnectorConformance } from '@itsm/core/conformance';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { createJiraConnector } from '../../src/index.js';
import { addSharedEmailAccount } from './support.js';

let jsm: Sandbox;
describeConnectorConformance({
  name: 'jira-cloud connector (Jira Service Management)',
  setup: async () => {
    jsm = await startSandbox({ providers: ['jira-cloud'] });
    const facts = jsm.state('jira-cloud').facts;
    return {
      connector: createJiraConnector(jsm.connectorOptions('jira-cloud')),
      requesterEmail: facts.knownRequester.email,
      ambiguousEmail: addSharedEmailAccount(jsm),
      missingTicketId: 'HELP-999999',
      missingUserId: 'no-such-account',
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
    return {
      connector: createJiraConnector({ ...options, issueType: 'Incident' }),
      requesterEmail: platform.state('jira-cloud').facts.knownRequester.email,
      ambiguousEmail: addSharedEmailAccount(platform),
      missingTicketId: '999999',
      missingUserId: 'no-such-account',
    };
  },
  teardown: () => platform.close(),
});
