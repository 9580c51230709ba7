// `@itsm/jira-cloud` as a documentation block marked `<!-- ts-run: on-sandbox -->` sees it: the block
// runs as written, but the Jira site, account and API token it names (`https://your-site.atlassian.net`,
// a cloud id, `process.env.JIRA_API_TOKEN`) are replaced by the sandbox's site and service account.
// Everything else is the real package.
import * as jiraCloud from '@itsm/jira-cloud';

export * from '@itsm/jira-cloud';

/** The sandbox's Jira site, as the runner sets it before an on-sandbox block runs. */
export interface SandboxSite {
  baseUrl: string;
  cloudId: string;
  email: string;
  apiToken: string;
}

/** The global the runner puts the {@link SandboxSite} in. */
export const SITE_GLOBAL = '__itsmDocSite';

function sandboxSite(): SandboxSite {
  const site = (globalThis as Record<string, unknown>)[SITE_GLOBAL] as SandboxSite | undefined;
  if (site === undefined) throw new Error('jira-on-sandbox: no sandbox site is set (this module is only for blocks the doc-example runner runs)');
  return site;
}

/** The options with the sandbox's site and service account in place of the ones given. */
function onSandbox<T extends jiraCloud.JiraCloudClientOptions>(options: T): T {
  const site = sandboxSite();
  const { baseUrl, cloudId, gatewayUrl: _gateway, email: _email, apiToken: _token, ...rest } = options;
  const where = cloudId === undefined ? { baseUrl: site.baseUrl } : { cloudId: site.cloudId, gatewayUrl: site.baseUrl, ...(baseUrl === undefined ? {} : { baseUrl: site.baseUrl }) };
  return { ...rest, ...where, email: site.email, apiToken: site.apiToken } as T;
}

/** The native client, on the sandbox. */
export class JiraCloudClient extends jiraCloud.JiraCloudClient {
  constructor(options: jiraCloud.JiraCloudClientOptions) {
    super(onSandbox(options));
  }
}

/** The connector, on the sandbox (a `client` given in the options is used as it is). */
export function createJiraConnector(options: jiraCloud.JiraConnectorOptions): jiraCloud.JiraConnector {
  if ('client' in options && options.client !== undefined) return jiraCloud.createJiraConnector(options);
  return jiraCloud.createJiraConnector(onSandbox(options as jiraCloud.JiraConnectorSettings & jiraCloud.JiraCloudClientOptions));
}
