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
import { linkTarget, loginPage } from '../web.js';
import type { IvantiRouter } from './context.js';

/** Adds the web pages. */
export function webRoutes(router: IvantiRouter): void {
  for (const path of ['/', '/Default.aspx', '/default.aspx', '/Login.aspx', '/login.aspx'] as const) {
    router.get(path, (request, context) => loginPage(context.state, linkTarget(context.state, request)));
  }
}
