/**
 * The service catalog: the JSM request types of the desk as the model's `CatalogItem`s, with the
 * portal page to raise each and the name of its request type group.
 *
 * @module
 */
import { Paginator, type CatalogItem } from '@itsm/core';
import { z } from 'zod';
import { jsmPaginator } from '../internal/jsm.js';
import { nextOffset } from '../internal/paging.js';
import { requestTypePortalUrl } from '../resources/service-desk.js';
import { jsmPageSchema } from '../schemas/common.js';
import { RequestTypeSchema, type RequestType } from '../schemas/service-desk.js';
import type { ConnectorContext } from './context.js';

const PAGE = 50;
const RequestTypePageSchema = jsmPageSchema(RequestTypeSchema);
const RequestTypeGroupSchema = z.looseObject({ id: z.string(), name: z.string() });

/**
 * A request type as a `CatalogItem`: `url` is the portal page to raise it
 * (`{site}/servicedesk/customer/portal/{portalId}/create/{id}`), `category` the name of its first
 * request type group, when known.
 *
 * @param type - The request type, from `jira.serviceDesk.requestTypes()` (which adds `portalUrl`).
 * @param groupNames - Request type group names by group id.
 */
export function requestTypeToCatalogItem(type: RequestType, groupNames: ReadonlyMap<string, string> = new Map()): CatalogItem {
  const category = (type.groupIds ?? []).map((id) => groupNames.get(id)).find((name) => name !== undefined);
  const description = type.description || type.helpText || undefined;
  return {
    provider: 'jira-cloud',
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
 * hidden from the portal, so nobody can raise it there), page after page.
 *
 * @param context - The connector's context.
 * @param deskId - The service desk id.
 * @internal
 */
export function catalogItems(context: ConnectorContext, deskId: string): Paginator<CatalogItem> {
  const { client } = context;
  const desk = `/rest/servicedeskapi/servicedesk/${encodeURIComponent(deskId)}`;
  let groups: Promise<Map<string, string>> | undefined;
  return new Paginator<CatalogItem>(async (cursor, { signal }) => {
    const start = cursor === undefined ? 0 : Number(cursor);
    const page = await client.request('GET', `${desk}/requesttype`, {
      query: { start, limit: PAGE },
      schema: RequestTypePageSchema,
      signal,
    });
    if (groups === undefined) {
      const pending = jsmPaginator(client, `${desk}/requesttypegroup`, RequestTypeGroupSchema, PAGE, undefined)
        .toArray({ limit: Infinity })
        .then((list) => new Map(list.map((group) => [group.id, group.name])));
      groups = pending;
      pending.catch(() => {
        if (groups === pending) groups = undefined;
      });
    }
    const [names, site] = await Promise.all([groups, client.siteUrl()]);
    const items = page.values
      .filter((type) => type.groupIds === undefined || type.groupIds.length > 0)
      .map((type) =>
        requestTypeToCatalogItem({ ...type, portalUrl: type.portalId === undefined ? undefined : requestTypePortalUrl(site, type.portalId, type.id) }, names),
      );
    // The next offset counts every request type of the page, also those left out.
    const next = nextOffset({ items: page.values, start: page.start ?? start, isLast: page.isLastPage }, PAGE, 'short-page');
    return { items, nextCursor: next === undefined ? undefined : String(next) };
  });
}
