import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(
  packageBuild({
    dual: { index: 'src/index.ts' },
    bins: { cli: 'src/cli.ts' },
    // A test and demo tool: its stack traces point into simulators, not into users' code, so source
    // maps would more than double the install for little use.
    sourcemap: false,
  }),
);
