/**
 * Autotask's error answers, in the three shapes the live service uses:
 *
 * - its own: HTTP 500 (mostly) with `{"errors": ["..."]}`, for validation, unknown fields, bad
 *   user names and integration codes, limits;
 * - ASP.NET Web API's: `{"Message": "..."}`, for a method a route does not support (405) and a
 *   parameter that does not bind (400);
 * - IIS's HTML 404 page, for a path no route serves (e.g. `PATCH /Contacts`, `POST /TicketNotes`).
 *
 * Helpers return a {@link SimResponse}, or throw it as a {@link SimResponseError} (`fail…`).
 *
 * @module
 */
import { SimResponseError, type SimHeaders, type SimResponse } from '../simulator.js';

/** The 500 for an unknown API user name, from `zoneInformation` and from any authenticated call. */
export const ZONE_UNKNOWN = 'Zone information could not be determined';
/** The 500 for a missing or unknown `ApiIntegrationCode`. */
export const INTEGRATION_CODE_INVALID = 'IntegrationCode is invalid.';
/** The 500 for a query without a filter (.NET's ArgumentNullException text). */
export const FILTER_REQUIRED = 'Value cannot be null.\r\nParameter name: filter';
/** The 500 for more than 500 OR conditions in one query. */
export const TOO_MANY_OR_CONDITIONS = "Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions.";
/** The 500 for a delete of a record that does not exist. */
export const NOTHING_TO_DELETE = 'No message. No matching records found. The logged in Resource may not have the required permissions to delete the data.';
/** The 500 for an update of a record that does not exist. */
export const NOTHING_TO_UPDATE = 'No message. No matching records found. The logged in Resource may not have the required permissions to update the data.';

/** Autotask's own error answer: `{"errors": [...]}` (HTTP 500 unless said otherwise). */
export function autotaskError(messages: readonly string[], status = 500, headers?: SimHeaders): SimResponse {
  const body = { errors: [...messages] };
  return headers === undefined ? { status, body } : { status, headers, body };
}

/** Throws Autotask's own error answer with one message (HTTP 500 unless said otherwise). */
export function failAutotask(message: string, status = 500): never {
  throw new SimResponseError(autotaskError([message], status), message);
}

/** The 500 for a field name the entity does not have (`Unable to find projectID in the TimeEntry Entity`). */
export function unableToFind(field: string, internalName: string): string {
  return `Unable to find ${field} in the ${internalName} Entity`;
}

/** ASP.NET Web API's error body: `{"Message": "..."}`. */
export function webApiMessage(status: number, message: string): SimResponse {
  return { status, body: { Message: message } };
}

/** Web API's 405 for a method a route does not support (also a GET on a POST-started `nextPageUrl`). */
export function methodNotSupported(method: string): SimResponse {
  return webApiMessage(405, `The requested resource does not support http method '${method}'.`);
}

/** Web API's 400 when a path parameter does not bind (`/Tickets/abc`). */
export function invalidRequest(): SimResponse {
  return webApiMessage(400, 'The request is invalid.');
}

const IIS_NOT_FOUND = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>404 - File or directory not found.</title>
</head>
<body>
<div id="header"><h1>Server Error</h1></div>
<div id="content">
 <div class="content-container"><fieldset>
  <h2>404 - File or directory not found.</h2>
  <h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>
 </fieldset></div>
</div>
</body>
</html>
`;

/** IIS's HTML 404 for a path no route serves. */
export function iisNotFound(): SimResponse {
  return { status: 404, headers: { 'content-type': 'text/html' }, body: IIS_NOT_FOUND };
}
