// Runs documentation blocks: each runnable block (not skipped, not compile-only) becomes an ES module
// in a temporary directory, and one child process (harness.ts) runs them all against the built
// packages, one markdown file after another, each file with its own sandbox. What fails is reported
// at its markdown line, with what the block printed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlockOutcome, RunPlan } from './plan.ts';
import { runnableSource, transpileBlock } from './source.ts';

/** What the runner needs of a block (the doc check's `CodeBlock` has it). */
export interface RunnableBlock {
  file: string;
  fenceLine: number;
  firstLine: number;
  indent: number;
  code: string;
  preamble: { code: string; lines: { line: number; column: number }[] };
  skip?: string;
  compileOnly?: string;
  onSandbox?: boolean;
}

/** A block that failed, at the markdown line where it failed (the fence, when that is unknown). */
export interface RunProblem {
  file: string;
  line: number;
  column: number;
  code: 'RUN';
  message: string;
}

/** What {@link runDocExamples} found. */
export interface RunResult {
  /** The blocks it ran. */
  ran: RunnableBlock[];
  /** What happened to each, in order. */
  outcomes: BlockOutcome[];
  problems: RunProblem[];
}

/** Options of {@link runDocExamples}. */
export interface RunOptions {
  /** The repository root (default: this repository). */
  root?: string;
  /** How long one block may take (default 120 s): a limit for a block that hangs, not a speed test. */
  blockTimeoutMs?: number;
}

const defaultRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const harness = fileURLToPath(new URL('./harness.ts', import.meta.url));

/** Whether the runner runs a block: everything that is not skipped or compile-only. */
export function isRunnable(block: RunnableBlock): boolean {
  return block.skip === undefined && block.compileOnly === undefined;
}

/** Runs every runnable block of `blocks` (in their order, grouped by file) in one child process. */
export async function runDocExamples(blocks: readonly RunnableBlock[], options: RunOptions = {}): Promise<RunResult> {
  const root = options.root ?? defaultRoot;
  const ran = blocks.filter(isRunnable);
  const dir = mkdtempSync(join(tmpdir(), 'itsm-doc-examples-'));
  try {
    const plan: RunPlan = { root, blockDir: dir, blockTimeoutMs: options.blockTimeoutMs ?? 120_000, files: [] };
    const modules = new Map<RunnableBlock, string>();
    for (const block of ran) {
      const base = `${block.file.replace(/[^A-Za-z0-9]+/g, '_')}_L${block.fenceLine}${block.onSandbox ? '.on-sandbox' : ''}`;
      const { source, names } = runnableSource(block.preamble.code, block.code);
      const module = join(dir, `${base}.mjs`);
      writeFileSync(module, transpileBlock(source, `${base}.ts`));
      modules.set(block, base);
      let file = plan.files.find((entry) => entry.path === block.file);
      if (file === undefined) plan.files.push((file = { path: block.file, blocks: [] }));
      file.blocks.push({ fenceLine: block.fenceLine, module, names, onSandbox: block.onSandbox === true });
    }
    const planPath = join(dir, 'plan.json');
    const resultPath = join(dir, 'results.json');
    writeFileSync(planPath, JSON.stringify(plan));

    const child = await runChild(['--enable-source-maps', harness, planPath, resultPath], root);
    let outcomes: BlockOutcome[];
    try {
      outcomes = JSON.parse(readFileSync(resultPath, 'utf8')) as BlockOutcome[];
    } catch {
      const problem: RunProblem = {
        file: '(runner)',
        line: 0,
        column: 0,
        code: 'RUN',
        message: `the doc-example runner stopped (exit code ${child.code}) before reporting: ${child.stderr.trim().split('\n').slice(-15).join('\n')}`,
      };
      return { ran, outcomes: [], problems: [problem] };
    }
    const problems: RunProblem[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) continue;
      const block = ran.find((candidate) => candidate.file === outcome.file && candidate.fenceLine === outcome.fenceLine);
      if (block === undefined) continue;
      problems.push(problemOf(block, modules.get(block) ?? '', outcome));
    }
    if (outcomes.length !== ran.length) {
      problems.push({ file: '(runner)', line: 0, column: 0, code: 'RUN', message: `ran ${outcomes.length} of ${ran.length} blocks` });
    }
    return { ran, outcomes, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

/** Where in the markdown a failure happened: the first stack frame in the block's module, mapped back. */
function problemOf(block: RunnableBlock, base: string, outcome: BlockOutcome): RunProblem {
  const error = outcome.error ?? { name: 'Error', message: 'failed', stack: '' };
  let line = block.fenceLine;
  let column = 1;
  const frame = new RegExp(`${base.replace(/[.]/g, '\\.')}\\.ts:(\\d+):(\\d+)`).exec(error.stack);
  if (frame) {
    const sourceLine = Number(frame[1]);
    const sourceColumn = Number(frame[2]);
    const preambleLines = block.preamble.lines.length;
    if (sourceLine >= 2 && sourceLine <= preambleLines + 1) {
      const origin = block.preamble.lines[sourceLine - 2]!;
      line = origin.line;
      column = origin.column + sourceColumn;
    } else if (sourceLine > preambleLines + 1) {
      line = block.firstLine + sourceLine - 2 - preambleLines;
      column = sourceColumn + block.indent;
    }
  }
  const printed = outcome.output.length === 0 ? '' : `\n    it printed:\n${outcome.output.slice(-10).map((text) => `      ${text.split('\n').join('\n      ')}`).join('\n')}`;
  return { file: block.file, line, column, code: 'RUN', message: `${error.name}: ${error.message}${printed}` };
}
