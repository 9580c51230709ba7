/**
 * The Autotask simulator's URL layout: the REST API under `/ATServicesRest/V1.0` (routes are declared
 * lower-case, see `http.ts`), and which entity endpoint a path belongs to, which the thread limit is
 * counted per.
 *
 * @module
 */
import type { EntityName } from './entity.js';

/** The REST API's path prefix, lower-case: every route starts with it. */
export const API_PREFIX = '/atservicesrest/v1.0';

/** The path of the REST API's base, as `zoneInformation` gives it (with a trailing slash, as live). */
export const API_BASE_PATH = '/ATServicesRest/';

/** Child collections: parent path segment and child segment (lower-case) to the entity they hold. */
const CHILDREN: Readonly<Record<string, EntityName>> = {
  'tickets/notes': 'TicketNotes',
  'tickets/attachments': 'TicketAttachments',
  'companies/contacts': 'Contacts',
};

const ENTITY_SEGMENTS: Readonly<Record<string, string>> = {
  tickets: 'Tickets',
  ticketnotes: 'TicketNotes',
  ticketattachments: 'TicketAttachments',
  contacts: 'Contacts',
  resources: 'Resources',
  companies: 'Companies',
  thresholdinformation: 'ThresholdInformation',
};

/**
 * The entity endpoint of a (canonical) REST path: `/atservicesrest/v1.0/tickets/query` → `Tickets`,
 * `/atservicesrest/v1.0/tickets/7/notes` → `TicketNotes`; `undefined` outside the REST API.
 */
export function endpointOf(path: string): string | undefined {
  if (!path.startsWith(`${API_PREFIX}/`)) return undefined;
  const [first = '', second, third] = path.slice(API_PREFIX.length + 1).split('/');
  if (second !== undefined && /^\d+$/u.test(second) && third !== undefined) {
    const child = CHILDREN[`${first}/${third}`];
    if (child !== undefined) return child;
  }
  return ENTITY_SEGMENTS[first] ?? first;
}
