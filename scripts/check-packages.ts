#!/usr/bin/env node
// Checks every publishable package as users receive it, from one `pnpm pack` of each (which rewrites
// `workspace:` and `catalog:` specifiers, as publishing does). Expects the packages to be built.
//
//   node scripts/check-packages.ts [stage...]     every stage, or only those named
//
// Stages:
//   lint          publint, attw, `require()` + `import()` of every entry point, a bin that shares the
//                 library's code, source maps without embedded sources              (scripts/packages/lint.ts)
//   consumers     the tarballs installed with npm and pnpm (strict) into fresh projects; a real call
//                 against the packed sandbox from ESM, CJS, TypeScript node16/bundler, esbuild bundles
//                                                                                    (scripts/packages/consumers.ts)
//   declarations  the published .d.ts of every entry point in a strict consumer with @types/node 22,
//                 24, latest and none, under node16 and bundler resolution, without skipLibCheck
//                                                                                    (scripts/packages/declarations.ts)
//   bundle        esbuild bundles of each connector and of JiraCloudClient alone: size ceilings, what
//                 loads at start and what only when used; what importing each provider loads
//                                                                                    (scripts/packages/bundle.ts)
//   release       `changeset version` on a scratch copy, then `pnpm pack`: versions, changelogs and
//                 internal dependency ranges come out right                      (scripts/packages/release.ts)
//
// Scratch projects go to a temporary folder outside the repository, removed at the end (kept when
// ITSM_KEEP_PACKAGE_CHECKS=1, and its path printed). Needs the npm registry for the consumers'
// dependencies (ky, zod, marked, @types/node).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBundles } from './packages/bundle.ts';
import { checkConsumers, installConsumer } from './packages/consumers.ts';
import { checkDeclarations } from './packages/declarations.ts';
import { lintPackages } from './packages/lint.ts';
import { checkRelease } from './packages/release.ts';
import { packPackages, publishedPackages } from './packages/workspace.ts';

const STAGES = ['lint', 'consumers', 'declarations', 'bundle', 'release'] as const;
type Stage = (typeof STAGES)[number];

function selectedStages(args: string[]): Stage[] {
  const unknown = args.filter((arg) => !(STAGES as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    console.error(`unknown stage(s) ${unknown.join(', ')}; known: ${STAGES.join(', ')}`);
    process.exit(2);
  }
  return args.length === 0 ? [...STAGES] : (args as Stage[]);
}

async function main(): Promise<number> {
  const stages = selectedStages(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'itsm-package-checks-'));
  const started = performance.now();
  const failures: Partial<Record<Stage, number>> = {};
  const seconds: Partial<Record<Stage, number>> = {};
  const timed = async <T>(stage: Stage, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      seconds[stage] = (performance.now() - start) / 1000;
    }
  };
  try {
    const packed = packPackages(publishedPackages(), join(work, 'tarballs'));
    console.log(`packed ${packed.map((pkg) => pkg.manifest.name).join(', ')} into ${work}`);
    if (stages.includes('lint')) failures.lint = await timed('lint', () => lintPackages(packed));
    let npmProject: string | undefined;
    if (stages.includes('consumers')) {
      const consumers = await timed('consumers', () => checkConsumers(packed, work));
      failures.consumers = consumers.failures;
      npmProject = consumers.projects.find((project) => project.manager === 'npm')?.dir;
    }
    if (stages.includes('declarations')) failures.declarations = await timed('declarations', () => checkDeclarations(packed, work, npmProject));
    if (stages.includes('bundle')) {
      failures.bundle = await timed('bundle', async () => {
        console.log('\n── bundles and imports');
        return checkBundles(npmProject ?? (await installConsumer('npm', packed, join(work, 'consumer-npm'))).dir);
      });
    }
    if (stages.includes('release')) failures.release = await timed('release', () => checkRelease(work));
  } finally {
    if (process.env.ITSM_KEEP_PACKAGE_CHECKS === '1') console.log(`\nscratch projects kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const total = ((performance.now() - started) / 1000).toFixed(0);
  const failed = Object.entries(failures).filter(([, count]) => count > 0);
  console.log('');
  for (const [stage, count] of Object.entries(failures)) {
    console.log(`${stage}: ${count === 0 ? 'passed' : `${count} check(s) failed`} (${(seconds[stage as Stage] ?? 0).toFixed(0)} s)`);
  }
  console.log(failed.length === 0 ? `all package checks passed (${total} s)` : `package checks failed (${total} s)`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
