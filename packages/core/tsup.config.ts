import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(
  packageBuild({
    dual: { index: 'src/index.ts', 'provider/index': 'src/provider/index.ts', 'testing/index': 'src/testing/index.ts' },
    // ESM only: the conformance suite registers itself with vitest, which cannot be require()d.
    esmOnly: { 'conformance/index': 'src/conformance/index.ts' },
    // The subpaths import the main entry by name, so that they share its classes instead of copying them.
    external: ['@itsm/core', 'vitest'],
  }),
);
