// What the doc-example runner (run.ts) asks of its child process (harness.ts), and what it answers.

/** What the parent asks for. */
export interface RunPlan {
  /** The repository root: bare imports of the blocks resolve from there. */
  root: string;
  /** The directory holding the blocks' modules. */
  blockDir: string;
  /** How long one block may take, in milliseconds. */
  blockTimeoutMs: number;
  files: {
    path: string;
    blocks: {
      fenceLine: number;
      /** The block's module file (in `blockDir`). */
      module: string;
      /** The names to bind from the fixtures. */
      names: string[];
      onSandbox: boolean;
    }[];
  }[];
}

/** What happened to one block. */
export interface BlockOutcome {
  file: string;
  fenceLine: number;
  ok: boolean;
  /** How many vitest tests the block declared and ran (0 for a plain script). */
  tests: number;
  /** What the block printed (console.*), one entry per call. */
  output: string[];
  error?: { name: string; message: string; stack: string };
}
