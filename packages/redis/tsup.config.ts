import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(packageBuild({ dual: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' } }));
