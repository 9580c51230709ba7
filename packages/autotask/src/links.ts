/**
 * Links people open: Autotask's web UI through its documented ExecuteCommand API (for agents, on the
 * zone's `webUrl`), and the client portal's ticket pages (for requesters, on your portal's origin).
 *
 * @module
 */
import { kit } from './provider.js';

/**
 * The ExecuteCommand page under the zone's web UI.
 *
 * @category Links
 */
export const EXECUTE_COMMAND_PATH = '/Autotask/AutotaskExtend/ExecuteCommand.aspx';

/**
 * The client portal's ticket page.
 *
 * @category Links
 */
export const PORTAL_TICKET_PATH = '/ClientPortal/ServiceTickets/ServiceTicketDetail.aspx';

/**
 * The client portal's new-ticket page.
 *
 * @category Links
 */
export const PORTAL_NEW_TICKET_PATH = '/ClientPortal/ServiceTickets/NewTicket.aspx';

function positiveId(value: number | string, field: string): string {
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) kit.fail(field, 'must be a numeric Autotask id');
  return text;
}

/**
 * The links of a client: `client.links`.
 *
 * - Web UI (agents; needs an Autotask login, opens in a pop-up): ticket detail by id or number, a new
 *   ticket (for a company), a contact, a company. On the zone's `webUrl`, e.g. `https://ww5.autotask.net`.
 * - Client portal (requesters): a ticket's page and the new-ticket page, on the `portalUrl` option
 *   (e.g. `https://yourcompany.itclientportal.com`). The paths are those the access requirements give;
 *   the ticket page's `ticketId` parameter has no public documentation: check it on your portal.
 *
 * @example
 * ```ts
 * await autotask.links.ticket(29684321);
 * // 'https://ww5.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=29684321'
 * autotask.links.portalTicket(29684321);
 * // 'https://yourcompany.itclientportal.com/ClientPortal/ServiceTickets/ServiceTicketDetail.aspx?ticketId=29684321'
 * ```
 *
 * @category Links
 */
export class AutotaskLinks {
  readonly #webUrl: () => Promise<string>;
  readonly #portalUrl: string | undefined;

  /**
   * Made by `AutotaskClient`.
   *
   * @param webUrl - Resolves the zone's web UI origin (without a trailing slash).
   * @param portalUrl - The client portal's origin, when configured.
   * @internal
   */
  constructor(webUrl: () => Promise<string>, portalUrl: string | undefined) {
    this.#webUrl = webUrl;
    this.#portalUrl = portalUrl;
  }

  /** The zone's web UI origin, e.g. `https://ww5.autotask.net` (looked up with the zone). */
  async webUrl(): Promise<string> {
    return this.#webUrl();
  }

  /**
   * An ExecuteCommand link.
   *
   * @param code - The command, e.g. `OpenTicketDetail`.
   * @param parameters - Its parameters.
   */
  async executeCommand(code: string, parameters: Record<string, string> = {}): Promise<string> {
    if (!/^[A-Za-z]+$/.test(code)) kit.fail('code', 'must be an ExecuteCommand code such as OpenTicketDetail');
    const query = new URLSearchParams({ Code: code, ...parameters });
    return `${await this.#webUrl()}${EXECUTE_COMMAND_PATH}?${query.toString()}`;
  }

  /**
   * A ticket's detail page in Autotask, by id.
   *
   * @param ticketId - The ticket id.
   */
  async ticket(ticketId: number | string): Promise<string> {
    return this.executeCommand('OpenTicketDetail', { TicketID: positiveId(ticketId, 'ticketId') });
  }

  /**
   * A ticket's detail page in Autotask, by ticket number.
   *
   * @param ticketNumber - The number, e.g. `T20260105.0042`.
   */
  async ticketByNumber(ticketNumber: string): Promise<string> {
    if (typeof ticketNumber !== 'string' || !/^T\d{8}\.\d+$/.test(ticketNumber.trim())) kit.fail('ticketNumber', 'must be a ticket number such as T20260105.0042');
    return this.executeCommand('OpenTicketDetail', { TicketNumber: ticketNumber.trim() });
  }

  /**
   * The new-ticket page in Autotask, for a company when given.
   *
   * @param options - `companyId`: the company the ticket is for.
   */
  async newTicket(options: { companyId?: number | string | undefined } = {}): Promise<string> {
    kit.knownKeys(options, ['companyId'], 'options');
    const { companyId } = options;
    return this.executeCommand('NewTicket', companyId === undefined ? {} : { AccountID: positiveId(companyId, 'options.companyId') });
  }

  /**
   * A contact's page in Autotask.
   *
   * @param contactId - The contact id.
   */
  async contact(contactId: number | string): Promise<string> {
    return this.executeCommand('OpenContact', { ContactID: positiveId(contactId, 'contactId') });
  }

  /**
   * A company's page in Autotask.
   *
   * @param companyId - The company id.
   */
  async company(companyId: number | string): Promise<string> {
    return this.executeCommand('OpenAccount', { AccountID: positiveId(companyId, 'companyId') });
  }

  /**
   * A ticket's page in the client portal, where its requester follows it.
   *
   * @param ticketId - The ticket id.
   * @throws `InputError` naming `portalUrl` when the client has none.
   */
  portalTicket(ticketId: number | string): string {
    return `${this.#portal()}${PORTAL_TICKET_PATH}?ticketId=${positiveId(ticketId, 'ticketId')}`;
  }

  /**
   * The client portal's new-ticket page.
   *
   * @throws `InputError` naming `portalUrl` when the client has none.
   */
  portalNewTicket(): string {
    return `${this.#portal()}${PORTAL_NEW_TICKET_PATH}`;
  }

  /** Whether client-portal links can be made (a `portalUrl` is configured). */
  get hasPortal(): boolean {
    return this.#portalUrl !== undefined;
  }

  #portal(): string {
    if (this.#portalUrl === undefined) {
      kit.fail('portalUrl', 'is not set: give the client portal origin (e.g. https://yourcompany.itclientportal.com) to make client-portal links');
    }
    return this.#portalUrl as string;
  }
}
