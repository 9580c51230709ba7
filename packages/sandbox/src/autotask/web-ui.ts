/**
 * The web pages links point at, on the zone's `webUrl` (the sandbox's own origin), so that a client's
 * links can be followed in tests: plain HTML, 200 for a record that exists, 404 for one that does not.
 *
 * - `/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=<id>` (or
 *   `&TicketNumber=T20260105.0042`), `Code=NewTicket[&AccountID=<companyId>]`,
 *   `Code=OpenContact&ContactID=<id>`, `Code=OpenAccount&AccountID=<id>`: Autotask's documented
 *   ExecuteCommand API;
 * - `/ClientPortal/ServiceTickets/ServiceTicketDetail.aspx?ticketId=<id>` and
 *   `/ClientPortal/ServiceTickets/NewTicket.aspx`: the client-portal pages the seed document's
 *   integration links to (no public source documents their parameters; `ticketId` is assumed).
 *
 * Parameter names are read in any case, as ASP.NET does.
 *
 * @module
 */
import type { Middleware } from '../middleware.js';
import type { SimResponse } from '../simulator.js';
import type { AutotaskCredentials } from './auth.js';
import type { AutotaskState, Ticket } from './store.js';

const EXECUTE_COMMAND = '/autotask/autotaskextend/executecommand.aspx';
const PORTAL_TICKET = '/clientportal/servicetickets/serviceticketdetail.aspx';
const PORTAL_NEW_TICKET = '/clientportal/servicetickets/newticket.aspx';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => `&#${character.charCodeAt(0)};`);
}

function page(status: number, title: string, body: string): SimResponse {
  const html = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>\n`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

/** A query parameter by name in any case. */
function param(query: URLSearchParams, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function numeric(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/u.test(text.trim()) ? Number(text) : undefined;
}

function ticketPage(ticket: Ticket | undefined, what: string): SimResponse {
  if (ticket === undefined) return page(404, 'Ticket not found', `No ticket ${what} exists.`);
  return page(200, `${ticket.ticketNumber} - ${ticket.title}`, `Ticket ${ticket.id}`);
}

function executeCommand(state: AutotaskState, query: URLSearchParams): SimResponse {
  const code = (param(query, 'Code') ?? '').toLowerCase();
  const tables = state.tables;
  switch (code) {
    case 'openticketdetail': {
      const number = param(query, 'TicketNumber');
      if (number !== undefined) {
        const [id] = tables.Tickets.idsWhere('ticketNumber', [number]);
        return ticketPage(id === undefined ? undefined : tables.Tickets.get(id), number);
      }
      const id = numeric(param(query, 'TicketID'));
      return ticketPage(id === undefined ? undefined : tables.Tickets.get(id), param(query, 'TicketID') ?? '');
    }
    case 'newticket': {
      const account = param(query, 'AccountID');
      const company = account === undefined ? undefined : tables.Companies.get(numeric(account) ?? -1);
      if (account !== undefined && company === undefined) return page(404, 'Company not found', `No company ${account} exists.`);
      return page(200, 'New Ticket', company === undefined ? 'A new ticket.' : `A new ticket for ${company.companyName}.`);
    }
    case 'opencontact': {
      const contact = tables.Contacts.get(numeric(param(query, 'ContactID')) ?? -1);
      return contact === undefined ? page(404, 'Contact not found', 'No such contact.') : page(200, `${contact.firstName} ${contact.lastName}`, `Contact ${contact.id}`);
    }
    case 'openaccount': {
      const company = tables.Companies.get(numeric(param(query, 'AccountID')) ?? -1);
      return company === undefined ? page(404, 'Company not found', 'No such company.') : page(200, company.companyName, `Company ${company.id}`);
    }
    default:
      return page(404, 'Unknown command', `The command ${param(query, 'Code') ?? ''} is not supported.`);
  }
}

/** Answers the web UI and client portal pages; passes every other request on. */
export const webUi: Middleware<AutotaskState, AutotaskCredentials> = (request, { state }, next) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return next();
  if (request.path === EXECUTE_COMMAND) return executeCommand(state, request.query);
  if (request.path === PORTAL_TICKET) {
    const id = numeric(param(request.query, 'ticketId'));
    return ticketPage(id === undefined ? undefined : state.tables.Tickets.get(id), param(request.query, 'ticketId') ?? '');
  }
  if (request.path === PORTAL_NEW_TICKET) return page(200, 'New Ticket', 'Submit a new service ticket.');
  return next();
};
