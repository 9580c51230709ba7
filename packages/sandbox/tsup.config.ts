import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(
  packageBuild({
    dual: { index: 'src/index.ts' },
    bins: { cli: 'src/cli.ts' },
    // A test and demo tool: its stack traces point into simulators, not into users' code, so source
    // maps would more than double the install for little use.
    sourcemap: false,
    // `Sandbox` is `AsyncDisposable` (for `await using`), which TypeScript declares only in its
    // `esnext.disposable` library (`@types/node` pulls that library in the same way): the directive
    // makes the declarations compile in a project with neither.
    declarationsBanner: '/// <reference lib="esnext.disposable" />',
  }),
);
