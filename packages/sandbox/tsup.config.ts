import { defineConfig } from 'tsup';
import { common, mainEntry } from '../../tsup.shared.ts';

export default defineConfig([
  mainEntry,
  {
    ...common,
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
