/**
 * `ivanti.requestOfferings`: the service catalog. Offerings (`ServiceReqTemplates`), those an
 * employee may request (`GET /api/rest/Template/{userRecId}/_All_`), an offering's form
 * (`ServiceReqTemplateParams`), a choice's options (`POST /api/rest/ServiceRequest/{paramRecId}/ValidationList`,
 * a read), and each offering's direct link.
 *
 * @module
 */
import type { Paginator, Transport } from '@itsm/core';
import type { CallOptions } from '@itsm/core/provider';
import { readOfferingParameter, type OfferingForm, type OfferingParameter } from '../catalog/offering-form.js';
import type { ValidationOption } from '../catalog/offering-answers.js';
import { requestOfferingLink, type OfferingLinkOptions } from '../links.js';
import { odata } from '../odata/builder.js';
import type { ODataPage } from '../odata/collection.js';
import { checkRecId } from '../odata/names.js';
import {
  AvailableOfferingListSchema,
  OfferingParameterRecordSchema,
  RequestOfferingSchema,
  ValidationRowListSchema,
  type AvailableOffering,
  type RequestOffering,
} from '../schemas/catalog.js';
import { BusinessObjectResource, type ListRecordsOptions } from './business-object.js';

/**
 * Options of {@link RequestOfferingsResource.validationList}.
 *
 * @category Resources
 */
export interface ValidationListOptions extends CallOptions {
  /**
   * The answers so far, by parameter name: a dependent list is filtered by the answers its
   * constraints name, and answers nothing until they are given.
   */
  answers?: Readonly<Record<string, string>> | ReadonlyMap<string, string> | undefined;
  /** Only options whose value or label holds this text. */
  query?: string | undefined;
}

/**
 * Options of {@link RequestOfferingsResource.published}.
 *
 * @category Resources
 */
export type PublishedOfferingsOptions = Omit<ListRecordsOptions, 'filter'>;

/**
 * Whether an offering's status makes it visible in the catalog (`Published`, `Published (Automatic)`, ...).
 *
 * @category Resources
 */
export function isPublished(offering: Pick<RequestOffering, 'Status'>): boolean {
  return typeof offering.Status === 'string' && /^published\b/i.test(offering.Status.trim());
}

/**
 * Request offerings. Two ids matter: the offering's RecId (`strRecId`; its form and its direct
 * link name it) and the subscription id (`strSubscriptionId`) through which an employee may
 * request it, which a submit takes. {@link RequestOfferingsResource.available} gives both.
 *
 * @category Resources
 */
export class RequestOfferingsResource extends BusinessObjectResource<RequestOffering> {
  readonly #webUrl: (options?: CallOptions) => Promise<string>;

  /**
   * Made by {@link IvantiClient}.
   *
   * @param http - The client's transport.
   * @param webUrl - The web application's URL, for links.
   * @internal
   */
  constructor(http: Transport, webUrl: (options?: CallOptions) => Promise<string>) {
    super(http, 'ServiceReqTemplates', RequestOfferingSchema);
    this.#webUrl = webUrl;
  }

  /**
   * Every published offering (whatever its audience), page by page. Draft and unpublished offerings
   * are left out; `list()` has them all.
   *
   * @param options - `select`, `orderBy`, `pageSize`, call options.
   */
  published(options: PublishedOfferingsOptions = {}): Paginator<RequestOffering, ODataPage<RequestOffering>> {
    if (typeof options === 'object' && options !== null && 'filter' in options) this.kit.fail('filter', 'is not an option of published() (use list() to filter)');
    const select = options.select === undefined ? undefined : [...options.select, 'Status'];
    return this.list({ orderBy: ['Name asc', 'RecId asc'], ...options, ...(select === undefined ? {} : { select }) }).filter(isPublished);
  }

  /**
   * The offerings an employee may request, with the subscription to request each through. An
   * empty list (Ivanti's 204) when there are none, or when the key's role cannot read the catalog.
   *
   * @param employeeRecId - The employee's RecId.
   * @param options - Call options.
   * @example
   * ```ts
   * const offerings = await ivanti.requestOfferings.available(employee.RecId);
   * for (const offering of offerings) console.log(offering.strName, await ivanti.requestOfferings.directLink(offering.strRecId));
   * ```
   */
  async available(employeeRecId: string, options?: CallOptions): Promise<AvailableOffering[]> {
    const recId = checkRecId(employeeRecId, 'employeeRecId');
    return this.send('GET', `/api/rest/Template/${recId}/_All_`, { schema: AvailableOfferingListSchema }, options);
  }

  /**
   * An offering and its form: the parameters in form order, read (kind, required, constraints).
   *
   * @param offeringRecId - The offering's RecId (`strRecId`).
   * @param options - Call options.
   * @throws `NotFoundError` when there is no such offering.
   */
  async form(offeringRecId: string, options?: CallOptions): Promise<OfferingForm> {
    const offering = await this.get(offeringRecId, options);
    const parameters = await new BusinessObjectResource(this.http, 'ServiceReqTemplateParams', OfferingParameterRecordSchema)
      .list({ filter: odata.eq('ParentLink_RecID', offering.RecId), orderBy: ['SequenceNum asc', 'RecId asc'], ...options })
      .toArray({ limit: Infinity });
    return { offering, parameters: parameters.map(readOfferingParameter).sort((a, b) => a.sequence - b.sequence) };
  }

  /**
   * The options of a choice (`POST …/ServiceRequest/{paramRecId}/ValidationList`, which only reads;
   * a `GET` there answers an empty list). A dependent list answers nothing until the answers its
   * constraints name are given.
   *
   * @param parameter - A choice of a form (from {@link RequestOfferingsResource.form}).
   * @param options - `answers`, `query`, call options.
   */
  async validationList(parameter: OfferingParameter, options: ValidationListOptions = {}): Promise<ValidationOption[]> {
    const { answers, query, ...call } = options;
    if (typeof parameter !== 'object' || parameter === null) this.kit.fail('parameter', 'must be a parameter of form()');
    const recId = checkRecId(parameter.recId, 'parameter.recId');
    if (query !== undefined && typeof query !== 'string') this.kit.fail('query', 'must be text');
    const given: ReadonlyMap<string, string> = answers instanceof Map ? answers : new Map(Object.entries(answers ?? {}));
    const body = {
      constraintParams: parameter.constraints.map((constraint) => ({ queryFieldName: constraint.listField, value: given.get(constraint.parameter) ?? null, condition: null })),
      parameterConfig: null,
      query: query ?? '',
      strCustomerLocation: '',
      strRecId: recId,
      strValidationName: '',
      strValidationRecId: parameter.validationListRecId ?? '',
      values: [],
    };
    const rows = await this.send('POST', `/api/rest/ServiceRequest/${recId}/ValidationList`, { json: body, schema: ValidationRowListSchema }, call);
    return rows.flatMap((row) => {
      if (Array.isArray(row)) {
        const [id, value, label] = row as [string, string | null | undefined, unknown];
        return [{ recId: id, value: value ?? '', label: typeof label === 'string' && label !== '' ? label : (value ?? '') }];
      }
      const id = row.RecId ?? row.recId;
      const value = row.Value ?? row.value ?? '';
      return id === undefined ? [] : [{ recId: id, value, label: row.Label ?? row.label ?? value }];
    });
  }

  /**
   * The offering's direct link in Self Service: what an administrator would copy from the
   * offering's "Direct Link to this offering" button. It names the offering's RecId.
   *
   * @param offeringRecId - The offering's RecId (`strRecId`).
   * @param options - The link's command, call options (the web URL may need the `/HEAT` probe).
   * @example
   * ```ts
   * await ivanti.requestOfferings.directLink('B488BA74A8894281AC5F330AA2DBA3C3');
   * // 'https://tenant.ivanticloud.com/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=B488BA74…'
   * ```
   */
  async directLink(offeringRecId: string, options: OfferingLinkOptions & CallOptions = {}): Promise<string> {
    const { commandId, ...call } = options;
    const recId = checkRecId(offeringRecId, 'offeringRecId');
    return requestOfferingLink(await this.#webUrl(call), recId, commandId === undefined ? {} : { commandId });
  }
}
