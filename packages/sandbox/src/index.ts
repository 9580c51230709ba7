// The entry point of `@itsm/sandbox`. The package is documented in its README.md, which the typedoc
// site shows as the package's page (a module comment here would show above it and repeat it).
export {
  startSandbox,
  DEFAULT_SEED,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUEST_LOG_LIMIT,
  type Sandbox,
  type SandboxOptions,
  type SandboxCredentials,
  type SimulatorFor,
  type CredentialsOf,
  type ConnectorOptionsOf,
  type StateOf,
} from './sandbox.js';
export {
  defineSimulator,
  SimResponseError,
  type WithProvider,
  type Simulator,
  type AnySimulator,
  type SimRequest,
  type SimResponse,
  type SimResult,
  type SimBody,
  type SimHeaders,
  type SimCredentials,
  type SimSample,
  type SampleContext,
  type StateContext,
  type CredentialsContext,
  type ConnectorOptionsContext,
  type HandlerContext,
} from './simulator.js';
export { builtinSimulators, type BuiltinSimulator, type SimulatorRegistry } from './registry.js';
export {
  createRouter,
  type Router,
  type RouterOptions,
  type RouteContext,
  type RouteHandler,
  type NotFoundHandler,
  type MethodNotAllowedHandler,
  type HttpMethod,
  type PathParams,
  type PathParamNames,
} from './router.js';
export { createSimRequest, type SimRequestInit } from './request.js';
export {
  before,
  after,
  composeMiddleware,
  type Middleware,
  type Next,
  type BeforeStep,
  type BeforeResult,
  type AfterStep,
  type SimHandler,
} from './middleware.js';
export { headerOf, withDefaultHeaders } from './headers.js';
export {
  createRequestReaders,
  isJsonObject,
  listParam,
  booleanParam,
  type RequestReaders,
  type RequestProblem,
  type RequestErrorFactory,
  type IntegerRange,
  type JsonObject,
} from './readers.js';
export { offsetPage, type OffsetPage } from './offset-page.js';
export { multipartBoundary, parseMultipart, type FormPart } from './multipart.js';
export {
  searchAfterPage,
  encodePageToken,
  decodePageToken,
  type SearchAfterOptions,
  type SearchAfterPage,
  type JsonValue,
} from './search-after.js';
export { WindowBudget, type WindowBudgetOptions, type WindowKind, type WindowUsage, type WindowDecision } from './window-budget.js';
export { InFlightGate, type InFlightGateOptions, type InFlightPass, type InFlightRefusal } from './in-flight-gate.js';
export type { FaultRule, FaultHandle, Faults } from './faults.js';
export { REDACTED, type RequestLogEntry } from './request-log.js';
export { SandboxError } from './errors.js';
export { KNOWN_PROVIDER_IDS, type ProviderId } from './provider-id.js';
export { Random, type DateInput, type WeightedChoice } from './random.js';
export * from './data.js';
export { runCli, runCliProcess, formatRequest, CLI_USAGE, CLI_EXIT, type CliOptions, type CliOutput } from './cli-run.js';
/**
 * The Jira Cloud simulator: its definition, the types of its state (what `sb.state('jira-cloud')`
 * returns, including `facts` about the seeded data), credentials and connector options.
 *
 * @category Simulators
 */
export * as jiraCloud from './jira-cloud/index.js';
/**
 * The Autotask simulator: its definition, the types of its state (what `sb.state('autotask')`
 * returns, including `facts` about the seeded data), credentials and connector options, and the
 * seeded tenant's picklists.
 *
 * @category Simulators
 */
export * as autotask from './autotask/index.js';
/**
 * The Ivanti simulator: its definition, the types of its state (what `sb.state('ivanti')` returns,
 * including `settings` and `facts` about the seeded data), credentials and connector options.
 *
 * @category Simulators
 */
export * as ivanti from './ivanti/index.js';
