// The declaration check: the published `.d.ts` / `.d.cts` of every entry point type-check in a strict
// consumer (no `skipLibCheck`) with `@types/node` 22, 24 and latest, and with none, each under
// `node16` and `bundler` resolution. With `@types/node` the project is a Node one (`lib: ES2023`, the
// fetch types come from `@types/node`); without it, the default library (with the DOM) supplies them.
// Besides a program that uses the main APIs, the consumer imports every entry point of every packed
// package (a package or entry added later is covered without editing this file).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, installConsumer } from './consumers.ts';
import { entryPoints, Report, root, runCommand, type PackedPackage } from './workspace.ts';

/** The `@types/node` versions checked; `none` is a project without it. */
const TYPES_NODE = ['22', '24', 'latest', 'none'] as const;
type TypesNode = (typeof TYPES_NODE)[number];

/** Every public entry point, used the way a program would: ESM. */
const ESM_FILE = `import { ItsmError, Paginator, createTransport, type ItsmConnector, type Ticket, type TransportOptions } from '@itsm/core';
import { createMemoryConnector, errorSurface, type MemoryConnectorOptions } from '@itsm/core/testing';
import { describeConnectorConformance, type ConformanceOptions } from '@itsm/core/conformance';
import { JiraCloudClient, NotFoundError, createJiraConnector, jql, type CreateTicketInput, type JiraCloudClientOptions } from '@itsm/jira-cloud';
import { IvantiClient, createIvantiConnector, odata, type IvantiClientOptions, type IvantiConnector } from '@itsm/ivanti';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { createRedisStores, RedisUnavailableError, type RedisStores, type RedisStoresOptions } from '@itsm/redis';
import { findRedisServer, startRedisServer, type RedisServer } from '@itsm/redis/testing';

const options: MemoryConnectorOptions = { pageSize: 5 };
export const memory: ItsmConnector = createMemoryConnector(options);
export const input: CreateTicketInput = { subject: 'Printer jam', requester: 'ann.lee@example.com' };
export const query = jql\`project = \${'HELP'} AND text ~ \${'a "quoted" value'}\`;
export const transport = createTransport({ provider: 'jira-cloud', baseUrl: 'https://example.test' } satisfies TransportOptions);
export const suite: (kit: ConformanceOptions) => void = describeConnectorConformance;
export const paged: Paginator<Ticket> = memory.tickets.list({}).take(3);

export async function firstTicket(connector: ItsmConnector): Promise<Ticket | undefined> {
  const [ticket] = await connector.tickets.list({ categories: ['open'] }).toArray({ limit: 1 });
  return ticket;
}

export function explain(error: unknown): string {
  if (error instanceof NotFoundError) return \`missing: \${error.status}\`;
  return error instanceof ItsmError ? JSON.stringify(error.toJSON()) : errorSurface(error);
}

export const filter: string = odata.and(odata.eq('Status', 'Active'), odata.ge('LastModDateTime', new Date(0))).text;

export async function ivantiOpen(options: IvantiClientOptions): Promise<number> {
  const connector: IvantiConnector = createIvantiConnector({ client: new IvantiClient(options) });
  return (await connector.tickets.list({ categories: ['open'] }).toArray({ limit: 10 })).length;
}

export async function sharedLimits(url: string): Promise<RedisStores> {
  const redisOptions: RedisStoresOptions = { url, keyPrefix: 'bot:', whenUnavailable: 'local', replicas: 4, logger: console };
  const stores = createRedisStores(redisOptions);
  await stores.connect().catch((error: unknown) => {
    if (!(error instanceof RedisUnavailableError)) throw error;
    return error.server;
  });
  return stores;
}

export async function testRedis(): Promise<RedisServer | undefined> {
  return findRedisServer() === undefined ? undefined : startRedisServer({ startTimeoutMs: 10_000 });
}

export async function sandboxed(clientOptions: JiraCloudClientOptions): Promise<Sandbox> {
  const sandbox = await startSandbox({ providers: ['jira-cloud'] });
  await new JiraCloudClient(clientOptions).request('GET', '/rest/api/3/myself');
  createJiraConnector(sandbox.connectorOptions('jira-cloud'));
  return sandbox;
}
`;

/** The same from CommonJS (node16 compiles these imports to `require()`); the conformance kit is ESM-only. */
const CJS_FILE = `import { ItsmError, type ItsmConnector, type Ticket } from '@itsm/core';
import { createMemoryConnector, errorSurface } from '@itsm/core/testing';
import { NotFoundError, createJiraConnector, type JiraConnectorOptions } from '@itsm/jira-cloud';
import { createIvantiConnector, type IvantiConnectorOptions } from '@itsm/ivanti';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { createRedisStores, type RedisStores } from '@itsm/redis';
import { startRedisServer } from '@itsm/redis/testing';

export const memory: ItsmConnector = createMemoryConnector();
export const shared = (url: string): RedisStores => createRedisStores({ url });
export const redisForTests = () => startRedisServer();
export function explain(error: unknown): string {
  if (error instanceof NotFoundError) return String(error.status);
  return error instanceof ItsmError ? error.message : errorSurface(error);
}
export async function first(options: JiraConnectorOptions): Promise<Ticket | undefined> {
  const [ticket] = await createJiraConnector(options).tickets.list({}).toArray({ limit: 1 });
  return ticket;
}
export const start: () => Promise<Sandbox> = () => startSandbox();
export async function incidents(options: IvantiConnectorOptions): Promise<number> {
  return (await createIvantiConnector(options).tickets.list({ type: 'incident' }).toArray({ limit: 10 })).length;
}
`;

/**
 * A module that imports every entry point of every package, so that each published declaration file
 * is loaded (and, without `skipLibCheck`, checked) whether or not the programs above use it.
 *
 * @param packages - The packed packages.
 * @param format - `esm` imports every entry; `cjs` only those with a `require` condition.
 */
export function everyEntryPoint(packages: PackedPackage[], format: 'esm' | 'cjs'): string {
  const entries = packages.flatMap((pkg) => entryPoints(pkg.manifest)).filter((entry) => format === 'esm' || !entry.esmOnly);
  const lines = entries.map((entry, index) => `import type * as entry${index} from '${entry.specifier}';`);
  const list = entries.map((_entry, index) => `typeof entry${index}`).join(', ');
  return `// Every entry point of every package (${entries.map((entry) => entry.specifier).join(', ')}).\n${lines.join('\n')}\nexport type EveryEntryPoint = [${list}];\n`;
}

/**
 * Installs the `@types/node` versions side by side (npm aliases), each reachable as a type root of
 * its own: `<dir>/roots/<version>/node`.
 */
async function installTypesNode(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "itsm-types-node", "private": true }\n');
  const versions = TYPES_NODE.filter((version) => version !== 'none');
  const specs = versions.map((version) => `types-node-${version}@npm:@types/node@${version}`);
  const installed = await runCommand('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs], { cwd: dir, env: childEnv(), timeoutMs: 300_000 });
  if (!installed.ok) throw new Error(`installing @types/node failed:\n${installed.output}`);
  for (const version of versions) {
    mkdirSync(join(dir, 'roots', version), { recursive: true });
    symlinkSync(join(dir, 'node_modules', `types-node-${version}`), join(dir, 'roots', version, 'node'), 'dir');
  }
}

/** The tsconfig of one combination. */
function tsconfig(typesNode: TypesNode, resolution: 'node16' | 'bundler', typesDir: string): object {
  const modes = resolution === 'node16' ? { module: 'node16', moduleResolution: 'node16' } : { module: 'esnext', moduleResolution: 'bundler' };
  const types =
    typesNode === 'none'
      ? { types: [] }
      : { lib: ['ES2023'], types: ['node'], typeRoots: [join(typesDir, 'roots', typesNode)] };
  return {
    // Every declaration file is checked (no skipLibCheck) but TypeScript's own default libraries.
    compilerOptions: { ...modes, ...types, target: 'ES2023', strict: true, skipLibCheck: false, skipDefaultLibCheck: true, noEmit: true },
    files: resolution === 'node16' ? ['declarations.mts', 'declarations.cts'] : ['declarations.mts'],
  };
}

/**
 * Type-checks the declarations in every combination.
 *
 * @param packages - The packed packages.
 * @param work - A scratch folder outside the repository.
 * @param consumer - A project with every package installed (the npm consumer), or none to make one.
 * @returns The number of failed checks.
 */
export async function checkDeclarations(packages: PackedPackage[], work: string, consumer?: string): Promise<number> {
  const report = new Report();
  const typesDir = join(work, 'types-node');
  const [project] = await Promise.all([
    consumer ?? installConsumer('npm', packages, join(work, 'consumer-npm')).then(({ dir }) => dir),
    installTypesNode(typesDir),
  ]);
  writeFileSync(join(project, 'declarations.mts'), `${ESM_FILE}\n${everyEntryPoint(packages, 'esm')}`);
  writeFileSync(join(project, 'declarations.cts'), `${CJS_FILE}\n${everyEntryPoint(packages, 'cjs')}`);
  console.log(`\n── declarations in a strict consumer (${project})`);
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  const combinations = TYPES_NODE.flatMap((typesNode) => (['node16', 'bundler'] as const).map((resolution) => ({ typesNode, resolution })));
  // Two at a time: CI has two cores.
  for (let i = 0; i < combinations.length; i += 2) {
    const batch = combinations.slice(i, i + 2);
    const results = await Promise.all(
      batch.map(({ typesNode, resolution }) => {
        const file = `tsconfig.declarations-${typesNode}-${resolution}.json`;
        writeFileSync(join(project, file), JSON.stringify(tsconfig(typesNode, resolution, typesDir), null, 2));
        return runCommand(tsc, ['-p', file], { cwd: project });
      }),
    );
    batch.forEach(({ typesNode, resolution }, index) => {
      const label = typesNode === 'none' ? 'no @types/node' : `@types/node@${typesNode}`;
      report.check(results[index]!.ok, `${label}, ${resolution} resolution`, results[index]!.output);
    });
  }
  return report.failures;
}
