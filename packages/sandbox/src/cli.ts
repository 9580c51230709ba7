#!/usr/bin/env node
/**
 * The `itsm-sandbox` bin: `itsm-sandbox [--providers jira-cloud,autotask] [--port 4010] [--seed demo]`.
 * See `itsm-sandbox --help`.
 *
 * @module
 */
import { runCliProcess } from './cli-run.js';

await runCliProcess();
