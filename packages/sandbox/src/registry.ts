/**
 * The simulators built into the sandbox, by provider id. `startSandbox()` runs all of them unless told
 * otherwise. A provider's simulator lives in its own folder (`src/<provider>/`) and is added here with
 * one line, e.g.:
 *
 * ```ts
 * import { autotaskSimulator } from './autotask/index.js';
import { jiraCloudSimulator } from './jira-cloud/index.js';
 * export const builtinSimulators = {
 *   'jira-cloud': jiraCloudSimulator,
 * } as const satisfies SimulatorRegistry;
 * ```
 *
 * Declare each simulator with `defineSimulator` so that its provider id stays a literal type: the
 * sandbox then types `credentials` and `connectorOptions(provider)` from it.
 *
 * @module
 */
import { autotaskSimulator } from './autotask/index.js';
import { ivantiSimulator } from './ivanti/index.js';
import { jiraCloudSimulator } from './jira-cloud/index.js';
import type { AnySimulator } from './simulator.js';

/**
 * Simulators by provider id; each key must equal its simulator's `provider`.
 *
 * @category Simulators
 */
export type SimulatorRegistry = Readonly<Record<string, AnySimulator>>;

/**
 * The built-in simulators: Jira Cloud + Service Management, Autotask and Ivanti.
 *
 * @category Simulators
 */
export const builtinSimulators = {
  'jira-cloud': jiraCloudSimulator,
  autotask: autotaskSimulator,
  ivanti: ivantiSimulator,
} as const satisfies SimulatorRegistry;

/**
 * The union of the built-in simulators' types.
 *
 * @category Simulators
 */
export type BuiltinSimulator = (typeof builtinSimulators)[keyof typeof builtinSimulators];
