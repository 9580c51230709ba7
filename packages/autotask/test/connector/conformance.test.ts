/**
 * The core conformance kit against the Autotask sandbox. Its tenant has Autotask's own statuses,
 * whose only done status is Complete (`resolved`): there is no status for `closed`, so the kit
 * expects `transition(…, 'closed')` to be refused with `UnsupportedError`. A fetch probe counts the
 * requests (bad input must send none) and loses the answer of a chosen create.
 */
import { describeConnectorConformance } from '@itsm/core/conformance';
import { createFetchProbe } from '@itsm/core/testing';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';
import { createAutotaskConnector, createZoneCache } from '../../src/index.js';

const TICKET_CREATE = { method: 'POST', path: '/ATServicesRest/V1.0/Tickets' } as const;
const NOTE_CREATE = { method: 'POST', path: /^\/ATServicesRest\/V1\.0\/Tickets\/\d+\/Notes$/ } as const;

let sandbox: Sandbox;
describeConnectorConformance({
  name: 'autotask connector',
  unreachableCategories: ['closed'],
  setup: async () => {
    sandbox = await startSandbox({ providers: ['autotask'] });
    const facts = (sandbox.state('autotask') as simulator.AutotaskState).facts;
    const probe = createFetchProbe();
    return {
      connector: createAutotaskConnector({ ...sandbox.connectorOptions('autotask'), zoneCache: createZoneCache(), fetch: probe.fetch }),
      requesterEmail: facts.knownRequester.email,
      ambiguousEmail: facts.duplicateEmail.email,
      missingTicketId: '999999999',
      missingUserId: 'contact:999999999',
      loseNextAnswer: (write) => probe.loseNextAnswer(write === 'tickets.create' ? TICKET_CREATE : NOTE_CREATE),
      requestCount: () => probe.requests.length,
    };
  },
  teardown: () => sandbox.close(),
});
