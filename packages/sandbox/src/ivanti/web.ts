/**
 * The pages of Ivanti's web application that a client meets: the HTML login page (what the tenant
 * answers, with status 200, for a path outside the API — and what a user's browser shows for a direct
 * link before signing in) and the web server's 404 page.
 *
 * @module
 */
import type { SimRequest, SimResponse } from '../simulator.js';
import { objectOfTable, tableOfCategory } from './schema.js';
import type { IvantiState } from './store.js';

const HTML = { 'content-type': 'text/html; charset=utf-8' };

function escape(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => `&#${char.charCodeAt(0)};`);
}

/** The login page; `target` names what a direct link opens after signing in. */
export function loginPage(state: IvantiState, target?: string): SimResponse {
  const prefix = state.settings.basePath;
  const after = target === undefined ? '' : `\n    <p class="return-to">After signing in you will be taken to: ${escape(target)}</p>`;
  return {
    status: 200,
    headers: HTML,
    body: `<!DOCTYPE html>
<html>
  <head><title>Ivanti Service Manager - Login</title></head>
  <body>
    <form method="post" action="${prefix}/Login.aspx" id="loginForm">
      <h1>Ivanti Service Manager</h1>
      <label for="UserName">User name</label><input id="UserName" name="UserName" type="text">
      <label for="Password">Password</label><input id="Password" name="Password" type="password">
      <button type="submit">Log in</button>
    </form>${after}
  </body>
</html>
`,
  };
}

/** The web server's 404 page for a path it does not serve. */
export function missingPage(): SimResponse {
  return {
    status: 404,
    headers: HTML,
    body: '<!DOCTYPE html>\n<html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2><p>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</p></body></html>\n',
  };
}

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
