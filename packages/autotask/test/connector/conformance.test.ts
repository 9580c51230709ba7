/**
 * The core conformance kit against the Autotask sandbox. Its tenant has Autotask's own statuses,
 * whose only done status is Complete (`resolved`): there is no status for `closed`, so the kit
 * expects `transition(…, 'closed')` to be refused with `UnsupportedError`.
 */
import { describeConnectorConformance } from '@itsm/core/conformance';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';
import { createAutotaskConnector, createZoneCache } from '../../src/index.js';

let sandbox: Sandbox;
describeConnectorConformance({
  name: 'autotask connector',
  unreachableCategories: ['closed'],
  setup: async () => {
    sandbox = await startSandbox({ providers: ['autotask'] });
    const facts = (sandbox.state('autotask') as simulator.AutotaskState).facts;
    return {
      connector: createAutotaskConnector({ ...sandbox.connectorOptions('autotask'), zoneCache: createZoneCache() }),
      requesterEmail: facts.knownRequester.email,
      ambiguousEmail: facts.duplicateEmail.email,
      missingTicketId: '999999999',
      missingUserId: 'contact:999999999',
    };
  },
  teardown: () => sandbox.close(),
});
