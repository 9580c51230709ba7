/**
 * What identifies the connector's change feed: a cursor resumes wherever the same tickets are read,
 * and nowhere else.
 *
 * The site is named by its cloud id, not by its URL: a renamed site, the `api.atlassian.com`
 * gateway, or the sandbox restarted on another port all reach the same tickets, so their cursors
 * stay valid; another site has another cloud id, so its cursors are refused. Only a site that does
 * not tell its cloud id (a proxy in front of it that hides `/_edge/tenant_info`) is named by its URL.
 *
 * @module
 */
import { NotFoundError, ResponseShapeError } from '@itsm/core';
import type { JiraCloudClient } from '../client.js';
import { JIRA_CLOUD } from '../provider.js';

/**
 * The change feed's scope: `jira-cloud:cloud:<cloudId>:<projectKey>`, or
 * `jira-cloud:url:<site URL>:<projectKey>` for a site that does not tell its cloud id.
 *
 * @param client - The connector's client (its cloud id is read once and cached).
 * @param projectKey - The connector's project.
 * @param signal - Aborts the cloud id lookup.
 */
export async function changeFeedScope(client: JiraCloudClient, projectKey: string, signal?: AbortSignal): Promise<string> {
  let site: string;
  try {
    site = `cloud:${await client.cloudId({ signal })}`;
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof ResponseShapeError)) throw error;
    site = `url:${client.baseUrl}`;
  }
  return `${JIRA_CLOUD}:${site}:${projectKey}`;
}
