/**
 * The core conformance kit against the sandbox's Ivanti simulator.
 *
 * The kit's change-feed tests start the feed at an explicit `since` one second before they write,
 * which a provider that stamps its changes late cannot satisfy: the simulator stamps
 * `LastModDateTime` a minute late, as Ivanti does, so a change made after `since` carries a stamp
 * before it. Here the simulator stamps exactly; `bot-flow.test.ts` runs the feed against the late
 * stamps the way a bot does (started without `since`, or before the lag), where the overlap window
 * delivers every change.
 */
import { describeConnectorConformance } from '@itsm/core/conformance';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { createIvantiConnector } from '../../src/index.js';

let sb: Sandbox;
describeConnectorConformance({
  name: 'ivanti connector (incidents and service requests)',
  setup: async () => {
    sb = await startSandbox({ providers: ['ivanti'] });
    const state = sb.state('ivanti');
    state.settings.lastModLagMs = 0;
    return {
      connector: createIvantiConnector(sb.connectorOptions('ivanti')),
      requesterEmail: state.facts.knownRequester.email,
      ambiguousEmail: state.facts.ambiguousEmail,
      missingTicketId: 'INC-99999999',
      missingUserId: '00000000000000000000000000000000',
    };
  },
  teardown: () => sb.close(),
  testTimeoutMs: 60_000,
});
