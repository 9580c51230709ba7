// The conformance kit run against the in-memory reference connector: once with every capability,
// once with every optional capability off (so the kit's UnsupportedError paths run too).
import { describeConnectorConformance } from '../../src/conformance/index.js';
import { unsupported, type ItsmConnector } from '../../src/index.js';
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

/** A connector whose workflow has no closed status (as an Autotask tenant with Complete alone). */
function withoutClosed(connector: ItsmConnector): ItsmConnector {
  return {
    ...connector,
    tickets: {
      ...connector.tickets,
      transition: (id, to, options) => (to === 'closed' ? Promise.reject(unsupported('memory', 'transition to closed')) : connector.tickets.transition(id, to, options)),
    },
  };
}

describeConnectorConformance({
  name: 'memory connector whose workflow has no closed status',
  unreachableCategories: ['closed'],
  setup: async () => ({ ...fixture, connector: withoutClosed(createMemoryConnector()) }),
});
