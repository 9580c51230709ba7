// The demo: starts the sandbox (local simulators of the providers' APIs) and runs the helpdesk-bot
// scenario through every connector that exists, printing what it does.
//
//   npm run demo
//
// Each provider adds one entry to `targets` when its connector and simulator land.
import { createAutotaskConnector } from '@itsm/autotask';
import type { ItsmConnector } from '@itsm/core';
import { createMemoryConnector } from '@itsm/core/testing';
import { createIvantiConnector } from '@itsm/ivanti';
import { createJiraConnector } from '@itsm/jira-cloud';
import { builtinSimulators, startSandbox, type Sandbox } from '@itsm/sandbox';
import { consoleNarrator, explainError, runHelpdeskBot, type ScenarioOptions } from './helpdesk-bot/scenario.ts';
import { DEMO_FORMS } from './helpdesk-bot/forms.ts';

interface Target {
  /** What is shown as the heading. */
  title: string;
  /** The provider whose simulator it needs, if any. */
  provider?: string;
  /** Builds the connector, given the running sandbox, and what the scenario shows besides the model. */
  connect(sandbox: Sandbox | undefined): { connector: ItsmConnector; options?: ScenarioOptions };
  /** The employee whose chat message starts the scenario. */
  employeeEmail: string;
}

const targets: Target[] = [
  {
    title: 'In-memory reference connector (@itsm/core/testing)',
    connect: () => ({ connector: createMemoryConnector({ webUrl: 'https://helpdesk.example.com' }), options: { form: DEMO_FORMS.memory() } }),
    employeeEmail: 'ann.lee@example.com',
  },
  {
    title: 'Jira Cloud + Service Management (sandbox)',
    provider: 'jira-cloud',
    connect: (sb) => ({ connector: createJiraConnector(sb!.connectorOptions('jira-cloud')), options: { form: DEMO_FORMS.jira(sb!) } }),
    // A customer of the HELP desk in the sandbox's default seed (its `knownRequester`).
    employeeEmail: 'mia.zhang@westfield-manufacturing.example',
  },
  {
    title: 'Autotask PSA (sandbox)',
    provider: 'autotask',
    connect: (sb) => {
      // The API user finds its zone by itself: no URL is configured, only the lookup's (the sandbox's).
      const connector = createAutotaskConnector(sb!.connectorOptions('autotask'));
      return { connector, options: { moreLinks: (ticket) => [`client portal: ${connector.links.portalTicket(ticket.id)}`] } };
    },
    // A contact with a unique address and tickets of the last 90 days, in the sandbox's default seed.
    employeeEmail: 'yuki.nguyen@riverbend-analytics.example',
  },
  {
    title: 'Ivanti Neurons for ITSM (sandbox)',
    provider: 'ivanti',
    // The service account of the seed (its login) is checked by verifyAccess(), which may write here:
    // it creates a check incident and service request and closes them.
    connect: (sb) => ({
      connector: createIvantiConnector({ ...sb!.connectorOptions('ivanti'), serviceAccount: 'helpdesk.bot', verifyWrites: true }),
      options: { form: DEMO_FORMS.ivanti(sb!) },
    }),
    // An employee with incidents and service requests in the sandbox's default seed (its `knownRequester`).
    employeeEmail: 'omar.okafor@meridian-finance.example',
  },
];

async function main(): Promise<number> {
  const available = Object.keys(builtinSimulators);
  const wanted = targets.flatMap((target) => (target.provider ? [target.provider] : []));
  // The seeded history ends now, so that "the last 90 days" holds some of it.
  const sandbox = wanted.length > 0 ? await startSandbox({ providers: wanted, seededUntil: new Date() }) : undefined;
  console.log('@itsm demo: the helpdesk-bot scenario');
  console.log(
    available.length > 0
      ? `sandbox simulators: ${available.join(', ')}${sandbox ? ` (running: ${sandbox.providers.map((p) => `${p} at ${sandbox.url(p)}`).join(', ')})` : ''}`
      : 'sandbox simulators: none yet (each provider package adds its own)',
  );
  let failures = 0;
  try {
    for (const target of targets) {
      console.log(`\n=== ${target.title}`);
      try {
        const { connector, options } = target.connect(sandbox);
        const result = await runHelpdeskBot(connector, target.employeeEmail, consoleNarrator(), options);
        const requested = result.requested === undefined ? '' : `requested ${result.requested.key} from the catalog, `;
        console.log(`\n  done: ${requested}raised ${result.raised.key}, logged ${result.logged.key}, ${result.changed.length} change(s) picked up`);
      } catch (error) {
        failures++;
        console.error(`\n  failed: ${explainError(error)}`);
      }
    }
  } finally {
    await sandbox?.close();
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
