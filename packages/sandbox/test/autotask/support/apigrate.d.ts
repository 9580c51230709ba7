/** The parts of `@apigrate/autotask-restapi` (a JavaScript package without types) the compatibility test uses. */
declare module '@apigrate/autotask-restapi' {
  /** One entity's operations; child entities take the parent id first. */
  interface EntityApi {
    query(search: unknown): Promise<unknown>;
    count(search: unknown): Promise<unknown>;
    get(...ids: number[]): Promise<unknown>;
    create(...args: unknown[]): Promise<unknown>;
    update(...args: unknown[]): Promise<unknown>;
    replace(...args: unknown[]): Promise<unknown>;
    delete(...ids: number[]): Promise<unknown>;
    info(): Promise<unknown>;
    fieldInfo(): Promise<unknown>;
    udfInfo(): Promise<unknown>;
  }

  /** The client: one {@link EntityApi} per entity name. */
  export class AutotaskRestApi {
    constructor(user: string, secret: string, code: string, options?: { base_url?: string; version?: string });
    zoneInfo: { url: string; webUrl: string; zoneName: string; ci: number } | null;
    readonly Tickets: EntityApi;
    readonly TicketNotes: EntityApi;
    readonly TicketAttachments: EntityApi;
    readonly Companies: EntityApi;
    readonly CompanyContacts: EntityApi;
    readonly Contacts: EntityApi;
    readonly Resources: EntityApi;
  }

  /** An error answer: HTTP status and the parsed body. */
  export class AutotaskApiError extends Error {
    readonly status: number;
    readonly details: unknown;
  }

  /** The filter operators. */
  export const FilterOperators: Readonly<Record<string, string>>;
}
