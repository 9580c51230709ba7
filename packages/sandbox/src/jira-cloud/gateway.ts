/**
 * Jira Cloud's two ways in besides the site's own paths: `GET /_edge/tenant_info`, which tells the
 * site's cloud id without credentials, and the api.atlassian.com gateway, where scoped-token clients
 * call `/ex/jira/{cloudId}/rest/...` for the site's `/rest/...`. The sandbox serves both on the
 * simulator's own origin.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Middleware } from '../middleware.js';
import type { JiraCredentials } from './auth.js';
import type { JiraState } from './store.js';

/**
 * The sandbox site's cloud id, derived from the seed: what `GET /_edge/tenant_info` answers, and what
 * scoped-token clients put in the gateway path `/ex/jira/{cloudId}/...`, which this server also serves.
 *
 * @category Simulator
 */
export function sandboxCloudId(seed: string): string {
  const hex = createHash('sha1').update(`${seed}:jira-cloud:cloud-id`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `GET /_edge/tenant_info`: `{ cloudId }`, for anyone. */
export const tenantInfo: Middleware<JiraState, JiraCredentials> = (request, { seed }, next) =>
  request.path === '/_edge/tenant_info' ? { status: 200, body: { cloudId: sandboxCloudId(seed) } } : next();

const GATEWAY_PATH = /^\/ex\/jira\/([^/]+)(\/.*)$/;

/** The gateway: `/ex/jira/{cloudId}/rest/...` goes on as `/rest/...`; another cloud id is a 404. */
export const gateway: Middleware<JiraState, JiraCredentials> = (request, { seed }, next) => {
  const match = GATEWAY_PATH.exec(request.path);
  if (match === null) return next();
  if (match[1] !== sandboxCloudId(seed)) return { status: 404, body: { code: 404, message: 'Site not found for this cloud id' } };
  return next({ ...request, path: match[2] ?? '/' });
};
