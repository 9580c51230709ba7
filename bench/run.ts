/**
 * Runs the benchmarks in `bench/`, one after the other, in this process:
 *
 *   node --expose-gc bench/run.ts  every benchmark (pnpm bench builds first, then runs this)
 *   node bench/run.ts transport    those whose name contains "transport"
 *
 * A benchmark is a module exporting `async function run()` that prints its own results (whatever
 * it returns is ignored here), and optionally a `title`. To add one, write `bench/<name>.ts` and add
 * a line to `BENCHMARKS` below.
 */

/** What a benchmark module exports. */
interface BenchmarkModule {
  title?: string;
  run: () => Promise<unknown>;
}

const BENCHMARKS: { name: string; load: () => Promise<BenchmarkModule> }[] = [
  { name: 'transport', load: () => import('./transport.ts') },
  { name: 'paging', load: () => import('./paging.ts') },
  { name: 'jira-paging', load: () => import('./jira-paging.ts') },
  { name: 'autotask-paging', load: () => import('./autotask-paging.ts') },
  { name: 'ivanti-paging', load: () => import('./ivanti-paging.ts') },
  { name: 'bundle', load: () => import('./bundle.ts') },
  { name: 'redis', load: () => import('./redis.ts') },
  { name: 'sim-scale', load: () => import('./sim-scale.ts') },
  { name: 'memory', load: () => import('./memory.ts') },
];

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const selected = BENCHMARKS.filter(({ name }) => filters.length === 0 || filters.some((filter) => name.includes(filter)));
  if (selected.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ')}. Known: ${BENCHMARKS.map(({ name }) => name).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
  for (const { name, load } of selected) {
    const benchmark = await load();
    console.log(`== ${name}${benchmark.title ? `: ${benchmark.title}` : ''}\n`);
    await benchmark.run();
    console.log('');
  }
}

await main();
