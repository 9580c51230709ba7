/**
 * The service catalog: the JSM request types of the desk as the model's `CatalogItem`s, with the
 * portal page to raise each and the name of its request type group.
 *
 * @module
 */
import { Paginator, type CatalogItem } from '@itsm/core';
import { JIRA_CLOUD } from '../provider.js';
import type { RequestType } from '../schemas/service-desk.js';
import type { ConnectorContext } from './context.js';

/** Request types asked for per page. */
const PAGE = 50;

/**
 * A request type as a `CatalogItem`: `url` is the portal page to raise it
 * (`{site}/servicedesk/customer/portal/{portalId}/create/{id}`), `category` the name of its first
 * request type group, when known.
 *
 * @param type - The request type, from `jira.serviceDesk.requestTypes()` (which adds `portalUrl`).
 * @param groupNames - Request type group names by group id.
 * @category Mapping
 */
export function requestTypeToCatalogItem(type: RequestType, groupNames: ReadonlyMap<string, string> = new Map()): CatalogItem {
  const category = (type.groupIds ?? []).map((id) => groupNames.get(id)).find((name) => name !== undefined);
  const description = type.description || type.helpText || undefined;
  return {
    provider: JIRA_CLOUD,
    id: type.id,
    name: type.name,
    ...(description === undefined ? {} : { description }),
    ...(category === undefined ? {} : { category }),
    ...(type.portalUrl === undefined ? {} : { url: type.portalUrl }),
    raw: type,
  };
}

/**
 * The catalog of a desk: its request types that the portal shows (a request type in no group is
 * hidden from the portal, so nobody can raise it there), page after page, named by their groups.
 *
 * @param context - The connector's context.
 * @param deskId - The service desk id.
 * @internal
 */
export function catalogItems(context: ConnectorContext, deskId: string): Paginator<CatalogItem> {
  const { serviceDesk } = context.client;
  return Paginator.defer(async () => {
    const groups = await serviceDesk.requestTypeGroups(deskId, { pageSize: PAGE }).toArray({ limit: Infinity });
    const names = new Map(groups.map((group) => [group.id, group.name]));
    return serviceDesk
      .requestTypes(deskId, { pageSize: PAGE })
      .filter((type) => type.groupIds === undefined || type.groupIds.length > 0)
      .map((type) => requestTypeToCatalogItem(type, names));
  });
}
