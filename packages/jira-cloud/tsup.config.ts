import { defineConfig } from 'tsup';
import { mainEntry } from '../../tsup.shared.ts';

export default defineConfig(mainEntry);
