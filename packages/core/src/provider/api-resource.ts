/**
 * {@link ApiResource}: the base class of a native client's resources, so that a resource method
 * is a path, the method's options and a response schema in a few lines.
 *
 * @module
 */
import type { RequestOptions, Transport } from '@itsm/core';
import type * as z from 'zod/mini';
import { CALL_OPTION_KEYS, withCallOptions, type CallOptions } from './call-options.js';
import type { PathTag, SegmentRules } from './path.js';
import { createRequestKit, type RequestKit } from './request-kit.js';

/**
 * What a resource method sends, besides the caller's {@link CallOptions}.
 *
 * @category Resources
 */
export type ResourceRequest = RequestOptions;

/**
 * A group of related endpoints of a native client (`client.issues`, `client.users`, ...). It sends
 * through the client's transport and takes its provider from it, so every error names the provider.
 *
 * A method takes the caller's options object, keeps its own keys, and hands the rest to
 * {@link ApiResource.send} as call options: a key that is neither is refused as unknown, before
 * any request.
 *
 * @example
 * ```ts
 * import { ApiResource, type CallOptions } from '@itsm/core/provider';
 * import * as z from 'zod/mini';
 *
 * const IssueSchema = z.looseObject({ id: z.string(), key: z.string() });
 *
 * interface GetIssueOptions extends CallOptions {
 *   fields?: readonly string[] | undefined;
 * }
 *
 * class IssuesResource extends ApiResource {
 *   async get(issueIdOrKey: string, options: GetIssueOptions = {}) {
 *     const { fields, ...call } = options;
 *     const query = { fields: this.kit.commaList(fields, 'fields') };
 *     return this.send('GET', this.path`/rest/api/3/issue/${{ issueIdOrKey }}`, { query, schema: IssueSchema }, call);
 *   }
 * }
 * ```
 *
 * @category Resources
 */
export abstract class ApiResource {
  /** The client's transport. */
  protected readonly http: Transport;
  /** Input checks whose errors name the transport's provider. */
  protected readonly kit: RequestKit;
  /** Builds a request path from checked, encoded segments: ``this.path`/items/${{ itemId }}` ``. */
  protected readonly path: PathTag;

  /**
   * @param http - The client's transport; its provider is the resource's.
   * @param rules - What the provider's ids may be in a path (e.g. `{ numbers: false }` where ids are
   *   strings); see `SegmentRules`.
   */
  constructor(http: Transport, rules: SegmentRules = {}) {
    this.http = http;
    this.kit = createRequestKit(http.provider, rules);
    this.path = this.kit.path;
  }

  /**
   * The caller's call options, checked: a key that is not a {@link CallOptions} key is an
   * `InputError` naming it (a key set to `undefined` passes). Call it when the method must check
   * before it returns (a method returning a paginator); {@link ApiResource.send} checks again.
   *
   * @param options - What is left of the method's options object once its own keys are taken out.
   */
  protected callOptions(options: object | undefined): CallOptions {
    if (options === undefined) return {};
    if (typeof options !== 'object' || options === null) this.kit.fail('options', 'must be an object');
    this.kit.knownKeys(options, CALL_OPTION_KEYS);
    return options as CallOptions;
  }

  /**
   * Sends a request and returns the JSON body validated with `request.schema`.
   *
   * @param method - HTTP method.
   * @param path - The path, from {@link ApiResource.path}.
   * @param request - What the method sends, with the response `schema`.
   * @param options - The caller's call options.
   */
  protected send<S extends z.core.$ZodType>(method: string, path: string, request: ResourceRequest & { schema: S }, options?: CallOptions): Promise<z.output<S>>;
  /**
   * Sends a request and returns the body as bytes.
   *
   * @param method - HTTP method.
   * @param path - The path, from {@link ApiResource.path}.
   * @param request - What the method sends, with `responseType: 'bytes'`.
   * @param options - The caller's call options.
   */
  protected send(method: string, path: string, request: ResourceRequest & { responseType: 'bytes' }, options?: CallOptions): Promise<Uint8Array>;
  /**
   * Sends a request whose answer is not read (`204`, or a body the method ignores).
   *
   * @param method - HTTP method.
   * @param path - The path, from {@link ApiResource.path}.
   * @param request - What the method sends.
   * @param options - The caller's call options.
   */
  protected send(method: string, path: string, request?: ResourceRequest, options?: CallOptions): Promise<void>;
  protected async send(method: string, path: string, request: ResourceRequest & { schema?: z.core.$ZodType } = {}, options?: CallOptions): Promise<unknown> {
    const call = this.callOptions(options);
    try {
      const result: unknown = await this.http.request(method, path, withCallOptions(request, call) as RequestOptions & { schema: z.core.$ZodType });
      return request.schema === undefined && request.responseType === undefined ? undefined : result;
    } catch (error) {
      throw this.kit.attribute(error);
    }
  }
}
