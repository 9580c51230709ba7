// The child process that runs documentation blocks (see scripts/doc-examples/run.ts, which plans and
// starts it): `node harness.ts <plan.json> <results.json>`. It runs each markdown file's blocks in
// order, each as its own ES module, against the built packages, with:
// - the names a block's preamble declares bound to fixtures made on the file's sandbox (one sandbox
//   per file, with every built-in simulator, started when a block first needs it);
// - `vitest` imports served by a small runner (vitest-shim.ts), whose tests run after the module loads;
// - for blocks marked `ts-run: on-sandbox`, `@itsm/jira-cloud` pointed at the sandbox (jira-on-sandbox.ts),
//   where the people the examples name exist as customers of the desk, `@itsm/ivanti` pointed at the
//   sandbox's tenant (ivanti-on-sandbox.ts), where they are employees, and `@itsm/autotask` pointed at
//   the sandbox (autotask-on-sandbox.ts), where they exist as contacts;
// - no network beyond the loopback interface.
// A block fails when it throws, a test of it fails, it sets a non-zero process.exitCode, or it does
// not finish within the time limit.
import { readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { AutotaskClient } from '@itsm/autotask';
import { createJiraConnector } from '@itsm/jira-cloud';
import { ivanti, jiraCloud, startSandbox, type Sandbox } from '@itsm/sandbox';
import { TENANT_GLOBAL as AUTOTASK_TENANT_GLOBAL, type SandboxTenant as AutotaskSandboxTenant } from './autotask-on-sandbox.ts';
import { createFixtures, type DocFixtures } from './fixtures.ts';
import { TENANT_GLOBAL as IVANTI_TENANT_GLOBAL, type SandboxTenant as IvantiSandboxTenant } from './ivanti-on-sandbox.ts';
import { SITE_GLOBAL, type SandboxSite } from './jira-on-sandbox.ts';
import type { BlockOutcome, RunPlan } from './plan.ts';
import { FIXTURES_GLOBAL } from './source.ts';
import { discardCollectedTests, runCollectedTests } from './vitest-shim.ts';

/** The people the examples name, who exist at every real site the examples talk to. */
const DOC_PEOPLE = [{ email: 'ann.lee@example.com', displayName: 'Ann Lee' }] as const;

/** The people the Autotask examples name, who exist as contacts of every real tenant they talk to. */
const AUTOTASK_DOC_PEOPLE = [{ emailAddress: 'ann.lee@acme.example', firstName: 'Ann', lastName: 'Lee' }] as const;

const [planPath, resultPath] = process.argv.slice(2);
if (planPath === undefined || resultPath === undefined) throw new Error('usage: node harness.ts <plan.json> <results.json>');
const plan = JSON.parse(readFileSync(planPath, 'utf8')) as RunPlan;

const blockDirUrl = pathToFileURL(`${plan.blockDir}/`).href;
const rootUrl = pathToFileURL(`${plan.root}/package.json`).href;
const vitestShim = new URL('./vitest-shim.ts', import.meta.url).href;
const jiraShim = new URL('./jira-on-sandbox.ts', import.meta.url).href;
const ivantiShim = new URL('./ivanti-on-sandbox.ts', import.meta.url).href;
const autotaskShim = new URL('./autotask-on-sandbox.ts', import.meta.url).href;
const onSandboxModules = new Set(plan.files.flatMap((file) => file.blocks.filter((block) => block.onSandbox).map((block) => pathToFileURL(block.module).href)));

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent === undefined || !parent.startsWith(blockDirUrl)) return nextResolve(specifier, context);
    if (specifier === 'vitest') return { url: vitestShim, shortCircuit: true };
    if (specifier === '@itsm/jira-cloud' && onSandboxModules.has(parent)) return { url: jiraShim, shortCircuit: true };
    if (specifier === '@itsm/ivanti' && onSandboxModules.has(parent)) return { url: ivantiShim, shortCircuit: true };
    if (specifier === '@itsm/autotask' && onSandboxModules.has(parent)) return { url: autotaskShim, shortCircuit: true };
    // Bare specifiers resolve as from the repository (the blocks' modules live in a temporary directory).
    if (!/^(\.|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier)) return nextResolve(specifier, { ...context, parentURL: rootUrl });
    return nextResolve(specifier, context);
  },
});

/** Refuses every request that would leave the machine: the examples run against the sandbox only. */
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    return Promise.reject(
      new TypeError(`documentation examples may not reach ${url.origin}: mark a block that talks to a real site <!-- ts-run: on-sandbox --> to run it against the sandbox`),
    );
  }
  return realFetch(input, init);
};

/** One markdown file's sandbox and fixtures, made when first needed. */
class FileWorld {
  #sandbox: Promise<Sandbox> | undefined;
  #fixtures: Promise<DocFixtures> | undefined;
  #cast: Promise<void> | undefined;
  #ivantiCast = false;
  #autotaskCast: Promise<void> | undefined;

  sandbox(): Promise<Sandbox> {
    this.#sandbox ??= startSandbox();
    return this.#sandbox;
  }

  async fixtures(): Promise<DocFixtures> {
    this.#fixtures ??= this.sandbox().then(createFixtures);
    return this.#fixtures;
  }

  /** The site for on-sandbox blocks, with the people the examples name added to the desk. */
  async site(): Promise<SandboxSite> {
    const sb = await this.sandbox();
    const options = sb.connectorOptions('jira-cloud');
    this.#cast ??= addPeople(sb);
    await this.#cast;
    return { baseUrl: options.baseUrl, email: options.email, apiToken: options.apiToken, cloudId: jiraCloud.sandboxCloudId(sb.seed) };
  }

  /** The Ivanti tenant for on-sandbox blocks, whose employees include the people the examples name. */
  async ivantiTenant(): Promise<IvantiSandboxTenant> {
    const sb = await this.sandbox();
    if (!this.#ivantiCast) castIvantiPeople(sb);
    this.#ivantiCast = true;
    const { baseUrl, apiKey } = sb.connectorOptions('ivanti');
    return { baseUrl, apiKey, serviceAccount: sb.state('ivanti').facts.serviceAccount.loginId };
  }

  /** The Autotask tenant for on-sandbox blocks, with the people the examples name added as contacts. */
  async autotaskTenant(): Promise<AutotaskSandboxTenant> {
    const sb = await this.sandbox();
    const { username, secret, trackingId, zoneLookupUrl } = sb.connectorOptions('autotask');
    this.#autotaskCast ??= addContacts(sb);
    await this.#autotaskCast;
    return { username, secret, trackingId, zoneLookupUrl };
  }

  async close(): Promise<void> {
    if (this.#sandbox !== undefined) await (await this.#sandbox).close();
  }
}

/** Adds {@link DOC_PEOPLE} as customers of the sandbox's desk, as an administrator would at a real site. */
async function addPeople(sb: Sandbox): Promise<void> {
  const options = sb.connectorOptions('jira-cloud');
  const { client } = createJiraConnector(options);
  for (const person of DOC_PEOPLE) {
    const customer = await client.serviceDesk.customers.create(person);
    await client.serviceDesk.customers.add(options.serviceDeskId, [customer.accountId]);
  }
}

/**
 * Gives {@link DOC_PEOPLE} to the sandbox's Ivanti tenant, as the employees a real tenant would have:
 * each takes over the name and e-mail of a seeded employee with a history (tickets, offerings).
 */
function castIvantiPeople(sb: Sandbox): void {
  const state = sb.state('ivanti');
  const { facts, tables } = state;
  const stand = [facts.knownRequester, facts.financeEmployee];
  DOC_PEOPLE.forEach((person, index) => {
    const recId = stand[index]?.recId;
    const employee = recId === undefined ? undefined : tables.employees.get(recId);
    const contact = recId === undefined ? undefined : tables.contacts.get(recId);
    if (employee === undefined || contact === undefined) throw new Error(`the Ivanti sandbox has no employee to stand in for ${person.email}`);
    const [FirstName = person.displayName, ...rest] = person.displayName.split(' ');
    const names = { FirstName, LastName: rest.join(' '), DisplayName: person.displayName, PrimaryEmail: person.email };
    tables.employees.update(employee, { ...names, MiddleName: null });
    tables.contacts.update(contact, names);
  });
  ivanti.store.touch(state);
}

/** Adds {@link AUTOTASK_DOC_PEOPLE} as contacts of a customer of the sandbox's tenant, as an administrator would. */
async function addContacts(sb: Sandbox): Promise<void> {
  const { portalUrl: _portalUrl, queueId: _queueId, ...options } = sb.connectorOptions('autotask');
  const client = new AutotaskClient(options);
  const companyId = sb.state('autotask').facts.company.id;
  for (const person of AUTOTASK_DOC_PEOPLE) await client.companies.contacts(companyId).create({ ...person, isActive: 1 });
}

function captureConsole(output: string[]): () => void {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((method) => console[method]);
  for (const method of methods) console[method] = (...args: unknown[]) => void output.push(format(...args));
  return () => methods.forEach((method, index) => (console[method] = saved[index]!));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the example did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Runs one block; resolves with how many vitest tests it ran. */
async function runBlock(world: FileWorld, block: RunPlan['files'][number]['blocks'][number]): Promise<number> {
  const bound: Record<string, unknown> = {};
  if (block.names.length > 0) {
    const fixtures = (await world.fixtures()) as unknown as Record<string, unknown>;
    for (const name of block.names) {
      if (!(name in fixtures)) {
        throw new Error(`the preamble declares "${name}", which has no fixture (known: ${Object.keys(fixtures).join(', ')}): add one to scripts/doc-examples/fixtures.ts, or mark the block <!-- ts-check: compile-only (reason) -->`);
      }
      bound[name] = fixtures[name];
    }
  }
  (globalThis as Record<string, unknown>)[FIXTURES_GLOBAL] = bound;
  (globalThis as Record<string, unknown>)[SITE_GLOBAL] = block.onSandbox ? await world.site() : undefined;
  (globalThis as Record<string, unknown>)[IVANTI_TENANT_GLOBAL] = block.onSandbox ? await world.ivantiTenant() : undefined;
  (globalThis as Record<string, unknown>)[AUTOTASK_TENANT_GLOBAL] = block.onSandbox ? await world.autotaskTenant() : undefined;
  process.exitCode = undefined;
  discardCollectedTests();
  await import(pathToFileURL(block.module).href);
  const tests = await runCollectedTests();
  const code = process.exitCode;
  process.exitCode = undefined;
  if (code !== undefined && code !== 0) throw new Error(`the example set process.exitCode to ${code}`);
  return tests;
}

const outcomes: BlockOutcome[] = [];
for (const file of plan.files) {
  const world = new FileWorld();
  for (const block of file.blocks) {
    const outcome: BlockOutcome = { file: file.path, fenceLine: block.fenceLine, ok: false, tests: 0, output: [] };
    const restore = captureConsole(outcome.output);
    try {
      outcome.tests = await withTimeout(runBlock(world, block), plan.blockTimeoutMs);
      outcome.ok = true;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      outcome.error = { name: failure.name, message: failure.message, stack: failure.stack ?? '' };
    } finally {
      restore();
    }
    outcomes.push(outcome);
  }
  await world.close();
}
writeFileSync(resultPath, JSON.stringify(outcomes));
// A block may leave something running (a server, a timer): the results are written, so stop here.
process.exit(0);
