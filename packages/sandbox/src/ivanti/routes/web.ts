/**
 * The web application's pages that direct links open: `/`, `/Default.aspx` and `/Login.aspx` (under
 * the tenant's prefix) answer the login page without a key. A request-offering link
 * (`?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=<RecId>`,
 * or the documented `CommandId=New`) and a record link (`?CommandId=Open&Tab=Incident%23&ItemId=<RecId>`)
 * say, on that page, what they will open after signing in, so tests can check a link leads where
 * it should.
 *
 * @module
 */
import type { SimRequest } from '../../simulator.js';
import { tableOfCategory } from '../schema.js';
import { objectOfTable } from '../schema.js';
import type { IvantiState } from '../store.js';
import { loginPage } from '../web.js';
import type { IvantiRouter } from './context.js';

/** What a direct link opens, in words, or `undefined` when it names nothing that exists. */
export function linkTarget(state: IvantiState, request: SimRequest): string | undefined {
  const query = new URLSearchParams([...request.query].map(([name, value]): [string, string] => [name.toLowerCase(), value]));
  const template = query.get('template');
  if (template !== null) {
    const offering = state.tables.servicereqtemplates.get(template);
    return offering === undefined ? undefined : `Request Offering: ${String(offering.Name)} (${offering.RecId})`;
  }
  const itemId = query.get('itemid');
  const tab = query.get('tab') ?? query.get('objecttype');
  const table = tab === null ? undefined : tableOfCategory(tab);
  if (itemId === null || table === undefined) return undefined;
  const row = state.tables[table].get(itemId);
  return row === undefined ? undefined : `${objectOfTable(table).name} ${row.RecId}`;
}

/** Adds the web pages. */
export function webRoutes(router: IvantiRouter): void {
  for (const path of ['/', '/Default.aspx', '/default.aspx', '/Login.aspx', '/login.aspx'] as const) {
    router.get(path, (request, context) => loginPage(context.state, linkTarget(context.state, request)));
  }
}
