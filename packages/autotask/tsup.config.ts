import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(
  packageBuild({
    dual: { index: 'src/index.ts' },
    // A bundle of the client alone then leaves out the connector.
    splitAt: { 'internal/client': 'src/client.ts', 'internal/connector': 'src/connector/index.ts' },
  }),
);
