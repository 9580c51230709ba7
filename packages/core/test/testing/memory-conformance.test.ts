// The conformance kit run against the in-memory reference connector: once with every capability and
// idempotency keys kept with the write, once with every optional capability off and keys kept after
// the write, and once with no idempotency keys at all (so every path of the kit runs).
import { describeConnectorConformance } from '../../src/conformance/index.js';
import { unsupported, type ItsmConnector } from '../../src/index.js';
import { createMemoryConnector, type MemoryConnectorOptions } from '../../src/testing/memory-connector.js';

function fixture(options: MemoryConnectorOptions) {
  const connector = createMemoryConnector(options);
  return {
    connector,
    requesterEmail: 'ann.lee@example.com',
    ambiguousEmail: 'frontdesk@example.com',
    missingTicketId: '999999',
    missingUserId: 'u-nobody',
    catalogForm: {
      itemId: 'c-1',
      answers: { model: 'MacBook Pro 14"', dock: 'tb4', neededBy: '2026-09-01', monitors: 1, express: true, address: '1 Main Street, Springfield' },
    },
    loseNextAnswer: connector.faults.loseNextAnswer,
    requestCount: () => connector.requests,
  };
}

describeConnectorConformance({
  name: 'memory connector',
  setup: async () => fixture({ pageSize: 3 }),
});

describeConnectorConformance({
  name: 'memory connector without optional capabilities, keys kept after the write',
  setup: async () =>
    fixture({
      capabilities: {
        catalog: false,
        attachments: false,
        internalComments: false,
        userSearch: false,
        createIdempotency: 'after-write',
        commentIdempotency: 'after-write',
        submitIdempotency: 'after-write',
      },
    }),
});

describeConnectorConformance({
  name: 'memory connector without idempotency keys',
  setup: async () => fixture({ capabilities: { createIdempotency: 'none', commentIdempotency: 'none', submitIdempotency: 'none' }, limits: { subject: 80, attachmentBytes: 1_000 } }),
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
  setup: async () => {
    const base = fixture({});
    return { ...base, connector: withoutClosed(base.connector) };
  },
});
