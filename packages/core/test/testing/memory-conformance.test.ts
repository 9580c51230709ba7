// The conformance kit run against the in-memory reference connector: once with every capability,
// once with every optional capability off (so the kit's UnsupportedError paths run too).
import { describeConnectorConformance } from '../../src/conformance/index.js';
import { createMemoryConnector } from '../../src/testing/memory-connector.js';

const fixture = {
  requesterEmail: 'ann.lee@example.com',
  ambiguousEmail: 'frontdesk@example.com',
  missingTicketId: '999999',
  missingUserId: 'u-nobody',
};

describeConnectorConformance({
  name: 'memory connector',
  setup: async () => ({ ...fixture, connector: createMemoryConnector({ pageSize: 3 }) }),
});

describeConnectorConformance({
  name: 'memory connector without optional capabilities',
  setup: async () => ({
    ...fixture,
    connector: createMemoryConnector({
      capabilities: { catalog: false, attachments: false, internalComments: false, userSearch: false },
    }),
  }),
});
