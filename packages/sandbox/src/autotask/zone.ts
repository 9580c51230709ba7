/**
 * Discovery, answered before authentication:
 *
 * - `GET /ATServicesRest/V1.0/zoneInformation?user=<user name>` — no authentication and no thread
 *   limit, as on the live service. For the sandbox's API user it answers `ZoneInformationResultModel`:
 *   `url` is the sandbox's REST base `<origin>/ATServicesRest/` (with the trailing slash the live
 *   service sends), `webUrl` the web UI's origin (the sandbox also serves the UI pages links point at,
 *   see `web-ui.ts`). Any other user name: 500 `{"errors":["Zone information could not be determined"]}`.
 * - `GET /ATServicesRest/versioninformation` — `{"apiVersions":["V1.0","V2.0"]}`, as live; `V2.0`
 *   serves nothing (`/V2.0/zoneInformation` is a 404), so clients must pin `V1.0`.
 *
 * @module
 */
import type { Middleware } from '../middleware.js';
import type { AutotaskCredentials } from './auth.js';
import { apiUserResource } from './auth.js';
import { autotaskError, ZONE_UNKNOWN } from './errors.js';
import { API_BASE_PATH, API_PREFIX } from './paths.js';
import type { AutotaskState } from './store.js';

/**
 * The versions `versioninformation` lists.
 *
 * @category Simulator
 */
export const API_VERSIONS = ['V1.0', 'V2.0'] as const;

/** Answers zone and version discovery; passes every other request on. */
export const discovery: Middleware<AutotaskState, AutotaskCredentials> = (request, { state, credentials, url }, next) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return next();
  if (request.path === `${API_PREFIX}/zoneinformation`) {
    const user = request.query.get('user') ?? '';
    const known = user.toLowerCase() === credentials.username.toLowerCase() && apiUserResource(state, user) !== undefined;
    if (!known) return autotaskError([ZONE_UNKNOWN]);
    const { zoneName, ci } = state.facts.zone;
    return { status: 200, body: { zoneName, url: `${url}${API_BASE_PATH}`, webUrl: `${url}/`, ci } };
  }
  if (request.path === '/atservicesrest/versioninformation') return { status: 200, body: { apiVersions: [...API_VERSIONS] } };
  return next();
};
