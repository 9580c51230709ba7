/**
 * Links into Ivanti's web application: the direct link to a request offering (what an
 * administrator copies from the offering's "Direct Link to this offering" button) and the link
 * that opens a record in Self Service.
 *
 * @module
 */
import { checkRecId } from './odata/names.js';
import { kit } from './provider.js';

/**
 * Options of {@link requestOfferingLink}.
 *
 * @category Links
 */
export interface OfferingLinkOptions {
  /**
   * The command: `NewServiceRequestByOfferingId` (what tenants' links use, the default) or `New`
   * (the form older documentation gives).
   */
  commandId?: 'NewServiceRequestByOfferingId' | 'New' | undefined;
}

function base(webUrl: string): string {
  if (typeof webUrl !== 'string' || !/^https?:\/\//i.test(webUrl)) kit.fail('webUrl', 'must be an http(s) URL');
  return webUrl.replace(/\/+$/, '');
}

/**
 * The direct link to a request offering in Self Service: opening it (after signing in) shows the
 * offering's form. The link names the offering's RecId (`Template=`), as the links tenants hand out
 * do.
 *
 * @param webUrl - The web application, e.g. `https://tenant.ivanticloud.com` or `https://host/HEAT`.
 * @param offeringRecId - The offering's RecId (`ServiceReqTemplates.RecId`, `strRecId`).
 * @param options - The command.
 * @example
 * ```ts
 * requestOfferingLink('https://tenant.ivanticloud.com', 'B488BA74A8894281AC5F330AA2DBA3C3');
 * // 'https://tenant.ivanticloud.com/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=B488BA74A8894281AC5F330AA2DBA3C3'
 * ```
 *
 * @category Links
 */
export function requestOfferingLink(webUrl: string, offeringRecId: string, options: OfferingLinkOptions = {}): string {
  const recId = checkRecId(offeringRecId, 'offeringRecId');
  const command = options.commandId ?? 'NewServiceRequestByOfferingId';
  if (command !== 'NewServiceRequestByOfferingId' && command !== 'New') kit.fail('commandId', 'must be "NewServiceRequestByOfferingId" or "New"');
  return `${base(webUrl)}/?Scope=SelfService&CommandId=${command}&Tab=ServiceCatalog&Template=${recId}`;
}

/**
 * The link that opens a record in Self Service (`Default.aspx?Scope=SelfService&CommandId=Open…`).
 *
 * @param webUrl - The web application.
 * @param category - The business object, e.g. `Incident` or `ServiceReq`.
 * @param recId - The record's RecId.
 * @example
 * ```ts
 * recordLink('https://host/HEAT', 'Incident', '304631ACAB8A4EFD8D8E5AA334993426');
 * // 'https://host/HEAT/Default.aspx?Scope=SelfService&CommandId=Open&Tab=Incident%23&ItemId=304631ACAB8A4EFD8D8E5AA334993426'
 * ```
 *
 * @category Links
 */
export function recordLink(webUrl: string, category: string, recId: string): string {
  const id = checkRecId(recId, 'recId');
  if (typeof category !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(category)) kit.fail('category', "must be a business object's name such as Incident");
  return `${base(webUrl)}/Default.aspx?Scope=SelfService&CommandId=Open&Tab=${encodeURIComponent(`${category}#`)}&ItemId=${id}`;
}
