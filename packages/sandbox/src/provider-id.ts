/**
 * Identifies the system a simulator stands in for: `'ivanti'`, `'jira-cloud'`, `'autotask'`, or the
 * lower-case id of a simulator you register yourself (e.g. `'zendesk'`).
 *
 * The same type as `ProviderId` in `@itsm/core`; the sandbox keeps its own copy so that it does not
 * depend on core at type level.
 *
 * @category Sandbox
 */
export type ProviderId = 'ivanti' | 'jira-cloud' | 'autotask' | (string & {});

/**
 * The provider ids shipped with the SDK; the sandbox names them in errors even before they run.
 *
 * @category Sandbox
 */
export const KNOWN_PROVIDER_IDS: readonly ProviderId[] = ['ivanti', 'jira-cloud', 'autotask'];

/** What a provider id looks like: a lower-case identifier such as `jira-cloud`. */
export const PROVIDER_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
