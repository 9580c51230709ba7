/**
 * The service catalog: request offerings as the model's `CatalogItem`s, each with its direct link.
 *
 * @module
 */
import { Paginator, type CatalogItem, type PersonInput } from '@itsm/core';
import { IVANTI } from '../provider.js';
import type { AvailableOffering, RequestOffering } from '../schemas/catalog.js';
import type { ConnectorContext } from './context.js';
import { employeeIdOf } from './users.js';

function text(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * A published offering as a `CatalogItem`: `id` is the offering's RecId, `url` its direct link.
 *
 * @param offering - The offering's record.
 * @param url - Its direct link.
 * @category Mapping
 */
export function offeringToCatalogItem(offering: RequestOffering, url: string): CatalogItem {
  const description = text(offering.Description);
  const category = text(offering.Category);
  return {
    provider: IVANTI,
    id: offering.RecId,
    name: offering.Name ?? offering.RecId,
    ...(description === undefined ? {} : { description }),
    ...(category === undefined ? {} : { category }),
    url,
    raw: offering,
  };
}

/**
 * An offering available to an employee as a `CatalogItem`: `id` is the offering's RecId (the
 * subscription id is in `raw.strSubscriptionId`), `url` its direct link.
 *
 * @param offering - The offering as `requestOfferings.available()` lists it.
 * @param url - Its direct link.
 * @category Mapping
 */
export function availableOfferingToCatalogItem(offering: AvailableOffering, url: string): CatalogItem {
  const description = text(offering.strDescription);
  const category = text(offering.strCategory);
  return {
    provider: IVANTI,
    id: offering.strRecId,
    name: offering.strName ?? offering.strRecId,
    ...(description === undefined ? {} : { description }),
    ...(category === undefined ? {} : { category }),
    url,
    raw: offering,
  };
}

/**
 * The catalog: for a person, the offerings available to them; otherwise every published offering.
 *
 * @param context - The connector's context.
 * @param forUser - The person (e-mail or employee RecId), if any.
 * @internal
 */
export function catalogItems(context: ConnectorContext, forUser: PersonInput | undefined): Paginator<CatalogItem> {
  const offerings = context.client.requestOfferings;
  const link = (recId: string) => offerings.directLink(recId);
  if (forUser === undefined) return offerings.published().map(async (offering) => offeringToCatalogItem(offering, await link(offering.RecId)));
  return Paginator.defer(async () => {
    const employee = await employeeIdOf(context.client, forUser, 'options.forUser', 'null');
    if (employee === null) return Paginator.of<CatalogItem>([]);
    const available = await offerings.available(employee);
    return Paginator.of(await Promise.all(available.map(async (offering) => availableOfferingToCatalogItem(offering, await link(offering.strRecId)))));
  });
}

