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
import { createFetchProbe, type FetchMatch, type FetchProbe } from '@itsm/core/testing';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { createIvantiConnector } from '../../src/index.js';

/** The POST that creates a ticket (under `/HEAT` or not), the one that adds a note, and the catalog submit. */
const CREATE_TICKET = { method: 'POST', path: /\/api\/odata\/businessobject\/(incidents|servicereqs)$/i };
const ADD_NOTE = { method: 'POST', path: /\/api\/odata\/businessobject\/journal__notess$/i };
const SUBMIT = { method: 'POST', path: /\/api\/rest\/ServiceRequest\/new$/i };

/** The fixture's hooks over a fetch probe. */
function probeHooks(probe: FetchProbe) {
  const endpoints: Record<LosableWrite, FetchMatch> = { 'tickets.create': CREATE_TICKET, 'comments.add': ADD_NOTE, 'catalog.submit': SUBMIT };
  return {
    loseNextAnswer: (write: LosableWrite) => probe.loseNextAnswer(endpoints[write]),
    requestCount: () => probe.requests.length,
  };
}

/** The sandbox's laptop offering, answered as a bot would: a dependent list, a user picker, a date, a pattern, a condition. */
function laptopForm(facts: { laptopOffering: { templateRecId: string }; agent: { email: string } }) {
  return {
    itemId: facts.laptopOffering.templateRecId,
    answers: {
      DeviceType: 'Laptop',
      DeviceModel: 'ThinkPad T14 Gen 4',
      Accessories: ['Docking station', 'Headset'],
      Quantity: 1,
      NeededBy: '2026-09-01',
      BusinessJustification: 'My laptop is five years old and the battery lasts an hour.',
      CostCenter: 'CC-1234',
      Manager: facts.agent.email,
      ExpressDelivery: true,
      DeliveryAddress: '12 Harbour Street, Dublin',
    },
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
      catalogForm: laptopForm(facts),
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
      catalogForm: laptopForm(facts),
      ...probeHooks(probe),
    };
  },
  teardown: () => stock.close(),
  testTimeoutMs: 60_000,
});
