/**
 * The core conformance kit against the sandbox's Ivanti simulator, twice: with the idempotency
 * fields the sandbox's tenant has (custom fields an administrator added: keys are `atomic`), and as
 * a stock tenant (no such field: keys are `none`). A fetch probe counts the requests (bad input
 * must send none) and loses the answer of a chosen create after the simulator made the record.
 *
 * The simulator stamps `LastModDateTime` (and `CreatedDateTime`) late, as Ivanti does. The kit's
 * change-feed tests start at an explicit `since` one second before they write; the connector reads
 * from `since` minus its `latenessMs` (3 minutes), so it still delivers those late-stamped changes.
 * The lag is 30 seconds here rather than the simulator's default 60: the kit counts the tickets a
 * test made with `tickets.list({ updatedSince: <a minute ago> })`, a filter a ticket stamped a full
 * minute early falls out of. `bot-flow.test.ts` runs against the default lag.
 */
import { describeConnectorConformance, type LosableWrite } from '@itsm/core/conformance';
import { createFetchProbe, type FetchProbe } from '@itsm/core/testing';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { createIvantiConnector } from '../../src/index.js';

/** The POST that creates a ticket (under `/HEAT` or not), and the one that adds a note. */
const CREATE_TICKET = { method: 'POST', path: /\/api\/odata\/businessobject\/(incidents|servicereqs)$/i };
const ADD_NOTE = { method: 'POST', path: /\/api\/odata\/businessobject\/journal__notess$/i };

/** The fixture's hooks over a fetch probe. */
function probeHooks(probe: FetchProbe) {
  return {
    loseNextAnswer: (write: LosableWrite) => probe.loseNextAnswer(write === 'tickets.create' ? CREATE_TICKET : ADD_NOTE),
    requestCount: () => probe.requests.length,
  };
}

/** Starts a sandbox whose tenant stamps changes 30 seconds late. */
async function sandbox(): Promise<Sandbox> {
  const sb = await startSandbox({ providers: ['ivanti'] });
  sb.state('ivanti').settings.lastModLagMs = 30_000;
  return sb;
}

let withFields: Sandbox;
describeConnectorConformance({
  name: 'ivanti connector (idempotency fields: the custom fields of the sandbox tenant)',
  setup: async () => {
    withFields = await sandbox();
    const { facts } = withFields.state('ivanti');
    const probe = createFetchProbe();
    return {
      connector: createIvantiConnector({ ...withFields.connectorOptions('ivanti'), fetch: probe.fetch }),
      requesterEmail: facts.knownRequester.email,
      ambiguousEmail: facts.ambiguousEmail,
      missingTicketId: 'INC-99999999',
      missingUserId: '00000000000000000000000000000000',
      ...probeHooks(probe),
    };
  },
  teardown: () => withFields.close(),
  testTimeoutMs: 60_000,
});

let stock: Sandbox;
describeConnectorConformance({
  name: 'ivanti connector (a stock tenant: no idempotency field)',
  setup: async () => {
    stock = await sandbox();
    const { facts } = stock.state('ivanti');
    const { idempotencyField: _tickets, noteIdempotencyField: _notes, ...options } = stock.connectorOptions('ivanti');
    const probe = createFetchProbe();
    return {
      connector: createIvantiConnector({ ...options, fetch: probe.fetch }),
      requesterEmail: facts.knownRequester.email,
      ambiguousEmail: facts.ambiguousEmail,
      missingTicketId: 'INC-99999999',
      missingUserId: '00000000000000000000000000000000',
      ...probeHooks(probe),
    };
  },
  teardown: () => stock.close(),
  testTimeoutMs: 60_000,
});
