/**
 * `jira.serviceDesk.requests`: create and read customer requests; their comments, transitions and participants.
 *
 * @module
 */
import { JiraResource, type ResourceContext } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { checkSummary } from '../new-issue.js';
import { kit } from '../provider.js';
import { CustomerRequestSchema, type CustomerRequest } from '../schemas/service-desk.js';
import { RequestCommentsResource } from './service-desk-request-comments.js';
import { RequestParticipantsResource } from './service-desk-request-participants.js';
import { RequestTransitionsResource } from './service-desk-request-transitions.js';

/**
 * A new customer request.
 *
 * @example
 * ```ts
 * await jira.serviceDesk.requests.create({
 *   serviceDeskId: '10', requestTypeId: '25',
 *   requestFieldValues: { summary: 'New mouse', description: 'For my Mac', customfield_10200: { id: '10301' } },
 *   raiseOnBehalfOf: customer.accountId,
 * });
 * ```
 *
 * @category Resources
 */
export interface NewCustomerRequest {
  /** The service desk id. */
  serviceDeskId: string;
  /** The request type id (from `serviceDesk.requestTypes`). */
  requestTypeId: string;
  /**
   * Values by Jira field id (see `serviceDesk.requestTypeFields`), in the platform's input formats;
   * `description` is plain/wiki text unless `isAdfRequest` is set.
   */
  requestFieldValues: Record<string, unknown>;
  /** The customer the request is raised for (account id). */
  raiseOnBehalfOf?: string | undefined;
  /** Account ids of participants. */
  requestParticipants?: string[] | undefined;
  /** (Experimental in JSM) rich-text fields are ADF documents. */
  isAdfRequest?: boolean | undefined;
}

/** The keys of a {@link NewCustomerRequest} (a key added to it and missing here fails to compile). */
const NEW_REQUEST_KEYS: readonly string[] = Object.keys({
  serviceDeskId: true, requestTypeId: true, requestFieldValues: true, raiseOnBehalfOf: true, requestParticipants: true, isAdfRequest: true,
} satisfies Record<keyof NewCustomerRequest, true>);

/**
 * Options of `requests.get`.
 *
 * @category Resources
 */
export interface GetCustomerRequestOptions extends CallOptions {
  /** `serviceDesk`, `requestType`, `participant`, `sla`, `status`, `attachment`, `action`, `comment`, ... */
  expand?: string | readonly string[] | undefined;
}

/**
 * Customer requests (`/rest/servicedeskapi/request`).
 *
 * @category Resources
 */
export class ServiceDeskRequestsResource extends JiraResource {
  /** Comments of requests. */
  readonly comments: RequestCommentsResource;
  /** Customer transitions of requests. */
  readonly transitions: RequestTransitionsResource;
  /** The people requests are shared with. */
  readonly participants: RequestParticipantsResource;

  /**
   * Made by {@link JiraCloudClient}; not meant to be called directly.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    super(context);
    this.comments = new RequestCommentsResource(context);
    this.transitions = new RequestTransitionsResource(context);
    this.participants = new RequestParticipantsResource(context);
  }

  /**
   * Creates a customer request, so that its request type (portal, SLAs, queues) is set. Not retried.
   *
   * @param request - Desk, request type, field values, on-behalf-of customer, participants.
   * @param options - Call options.
   * @returns The new request with its key, status and portal link (`_links.web`).
   */
  async create(request: NewCustomerRequest, options?: CallOptions): Promise<CustomerRequest> {
    if (typeof request !== 'object' || request === null) kit.fail('request', 'must be an object');
    kit.knownKeys(request, NEW_REQUEST_KEYS);
    for (const field of ['serviceDeskId', 'requestTypeId'] as const) {
      if (typeof request[field] !== 'string' || request[field].trim() === '') kit.fail(field, 'must be a non-empty string');
      kit.id(request[field], field);
    }
    if (typeof request.requestFieldValues !== 'object' || request.requestFieldValues === null || Array.isArray(request.requestFieldValues)) {
      kit.fail('requestFieldValues', 'must be an object of values by field id');
    }
    const json: Record<string, unknown> = {
      serviceDeskId: request.serviceDeskId,
      requestTypeId: request.requestTypeId,
      requestFieldValues: request.requestFieldValues,
    };
    if (request.raiseOnBehalfOf !== undefined) {
      if (typeof request.raiseOnBehalfOf !== 'string' || request.raiseOnBehalfOf === '') kit.fail('raiseOnBehalfOf', 'must be an account id');
      json.raiseOnBehalfOf = kit.id(request.raiseOnBehalfOf, 'raiseOnBehalfOf');
    }
    if (request.requestParticipants !== undefined) {
      if (!Array.isArray(request.requestParticipants) || request.requestParticipants.some((id) => typeof id !== 'string' || id === '')) {
        kit.fail('requestParticipants', 'must be a list of account ids');
      }
      request.requestParticipants.forEach((id, index) => kit.id(id, `requestParticipants.${index}`));
      json.requestParticipants = [...request.requestParticipants];
    }
    if (request.isAdfRequest !== undefined) {
      if (typeof request.isAdfRequest !== 'boolean') kit.fail('isAdfRequest', 'must be a boolean');
      json.isAdfRequest = request.isAdfRequest;
    }
    const summary = request.requestFieldValues.summary;
    if (typeof summary === 'string') checkSummary(summary, 'requestFieldValues.summary');
    return this.send('POST', '/rest/servicedeskapi/request', { json, schema: CustomerRequestSchema }, options);
  }

  /**
   * A customer request.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param options - Expansions, call options.
   */
  async get(issueIdOrKey: string, options: GetCustomerRequestOptions = {}): Promise<CustomerRequest> {
    const { expand, ...call } = options;
    const query = { expand: this.kit.commaList(expand, 'expand') };
    return this.send('GET', this.path`/rest/servicedeskapi/request/${{ issueIdOrKey }}`, { query, schema: CustomerRequestSchema }, call);
  }
}
