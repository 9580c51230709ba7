/**
 * `ivanti.serviceRequests`: service requests (`servicereqs`), and raising one from a request
 * offering with its form's answers (`POST /api/rest/ServiceRequest/new`).
 *
 * @module
 */
import { ItsmError, type Transport } from '@itsm/core';
import type { CallOptions } from '@itsm/core/provider';
import { encodeAnswers, type OfferingAnswer } from '../catalog/offering-answers.js';
import { checkRecId, isRecId } from '../odata/names.js';
import { IVANTI } from '../provider.js';
import { SubmitResultSchema, type AvailableOffering, type SubmittedRequest } from '../schemas/catalog.js';
import { ServiceRequestSchema, type ServiceRequest } from '../schemas/tickets.js';
import { BusinessObjectResource } from './business-object.js';
import type { EmployeesResource } from './employees.js';
import { fieldBody, type FieldValues } from './fields.js';
import type { RequestOfferingsResource } from './request-offerings.js';

/**
 * The form layout a submit names unless told otherwise.
 *
 * @category Resources
 */
export const DEFAULT_FORM_NAME = 'ServiceReq.ResponsiveAnalyst.DefaultLayout';

/**
 * What {@link ServiceRequestsResource.submit} needs.
 *
 * @category Resources
 */
export interface NewServiceRequest {
  /** The offering: its RecId (`strRecId`), or an entry of `requestOfferings.available()`. */
  offering: string | AvailableOffering;
  /** The employee the request is for (`strUserId`): their RecId. The offering must be available to them. */
  requester: string;
  /** The form's answers by parameter name (or RecId); see `OfferingAnswer`. */
  answers?: Readonly<Record<string, OfferingAnswer | undefined>> | undefined;
  /** Fields of the service request itself (`serviceReqData`), e.g. `{ Subject, Symptom }`. */
  fields?: FieldValues | undefined;
  /** The requester's location (`strCustomerLocation`). Default: the employee's `EmployeeLocation`. */
  customerLocation?: string | undefined;
  /**
   * Minutes to add to answers' date-times, which Ivanti wants as the tenant's UTC offset negated
   * (`-120` on a UTC+2 tenant; a wrong sign destroys date-times while the submit still succeeds).
   * Default: from the offset Ivanti writes in the requester's record (`LastModDateTime`).
   */
  localOffset?: number | undefined;
  /** The form layout. Default {@link DEFAULT_FORM_NAME}. */
  formName?: string | undefined;
}

/**
 * What a submit made.
 *
 * @category Resources
 */
export interface SubmittedServiceRequest {
  /** The new request's RecId. */
  recId: string;
  /** Its number, when Ivanti said. */
  number: string | undefined;
  /** The subscription it was raised through. */
  subscriptionId: string;
  /** Ivanti's answer about it. */
  raw: SubmittedRequest;
}

const SUBMIT_KEYS = ['offering', 'requester', 'answers', 'fields', 'customerLocation', 'localOffset', 'formName'];

/** The tenant's UTC offset in minutes, read from a timestamp it wrote (`…-07:00` → -420; `Z` → 0). */
export function tenantOffsetMinutes(timestamp: unknown): number | undefined {
  if (typeof timestamp !== 'string') return undefined;
  if (/(?:Z|[+-]00:?00)$/i.test(timestamp.trim())) return 0;
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(timestamp.trim());
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Service requests (`servicereqs`). `submit()` raises one from a request offering, as Self
 * Service does, so the offering's fulfilment (approvals, tasks) runs; `create()` writes a bare
 * record without the offering's form.
 *
 * @category Resources
 */
export class ServiceRequestsResource extends BusinessObjectResource<ServiceRequest> {
  readonly #offerings: RequestOfferingsResource;
  readonly #employees: EmployeesResource;

  /**
   * Made by {@link IvantiClient}.
   *
   * @param http - The client's transport.
   * @param offerings - The catalog, for forms and subscriptions.
   * @param employees - The user table, for the requester.
   * @internal
   */
  constructor(http: Transport, offerings: RequestOfferingsResource, employees: EmployeesResource) {
    super(http, 'servicereqs', ServiceRequestSchema);
    this.#offerings = offerings;
    this.#employees = employees;
  }

  /**
   * Raises a service request from a request offering for an employee, with the form's answers.
   * Before the write, it checks that the offering is available to the employee (and takes the
   * subscription from there: a subscription of another offering would apply none of the answers),
   * reads the form, and checks and encodes every answer (choices are looked up by value or label).
   * Not retried. Ivanti's refusal (a 200 with `IsSuccess: false`, one problem at a time) is thrown
   * as a `ValidationError` with Ivanti's text.
   *
   * @param request - The offering, the requester, the answers.
   * @param options - Call options.
   * @throws `InputError` for an unknown parameter, a missing required answer, an option that does not exist, or an offering the employee may not request.
   * @example
   * ```ts
   * const created = await ivanti.serviceRequests.submit({
   *   offering: offeringRecId,
   *   requester: employee.RecId,
   *   answers: { DeviceType: 'Laptop', NeededBy: '2026-03-01', ExpressDelivery: false },
   * });
   * console.log(created.number, created.recId);
   * ```
   */
  async submit(request: NewServiceRequest, options?: CallOptions): Promise<SubmittedServiceRequest> {
    if (typeof request !== 'object' || request === null) this.kit.fail('request', 'must be { offering, requester, answers? }');
    this.kit.knownKeys(request, SUBMIT_KEYS, 'request');
    const requester = checkRecId(request.requester, 'request.requester');
    const offeringRecId = typeof request.offering === 'string' ? checkRecId(request.offering, 'request.offering') : checkRecId(request.offering?.strRecId, 'request.offering.strRecId');
    if (request.localOffset !== undefined && !Number.isSafeInteger(request.localOffset)) this.kit.fail('request.localOffset', 'must be a whole number of minutes');
    for (const key of ['customerLocation', 'formName'] as const) {
      if (request[key] !== undefined && typeof request[key] !== 'string') this.kit.fail(`request.${key}`, 'must be text');
    }
    const data = request.fields === undefined ? {} : fieldBody(request.fields, 'request.fields');
    this.callOptions(options);

    const employee = await this.#employees.get(requester, options);
    const available = await this.#offerings.available(requester, options);
    const subscription = typeof request.offering === 'object' && isRecId(request.offering.strSubscriptionId)
      ? available.find((entry) => entry.strSubscriptionId.toLowerCase() === (request.offering as AvailableOffering).strSubscriptionId.toLowerCase())
      : available.find((entry) => entry.strRecId.toLowerCase() === offeringRecId.toLowerCase());
    if (subscription === undefined || subscription.strRecId.toLowerCase() !== offeringRecId.toLowerCase()) {
      this.kit.fail('request.offering', `is not available to employee ${employee.DisplayName ?? requester} (no subscription of theirs covers it; see requestOfferings.available())`);
    }
    const form = await this.#offerings.form(offeringRecId, options);
    const parameters = await encodeAnswers(form.parameters, request.answers ?? {}, (parameter, answers) =>
      this.#offerings.validationList(parameter, { answers, ...options }),
    );
    const localOffset = request.localOffset ?? -(tenantOffsetMinutes(employee.LastModDateTime) ?? tenantOffsetMinutes(employee.CreatedDateTime) ?? 0);
    const body = {
      attachmentsToDelete: [],
      attachmentsToUpload: [],
      parameters,
      delayedFulfill: false,
      formName: request.formName ?? DEFAULT_FORM_NAME,
      saveReqState: false,
      serviceReqData: { ProfileLink_RecID: requester, ProfileLink_Category: 'Employee', ...data },
      strCustomerLocation: request.customerLocation ?? employee.EmployeeLocation ?? '',
      strUserId: requester,
      subscriptionId: subscription.strSubscriptionId,
      localOffset,
    };
    const answer = await this.send('POST', '/api/rest/ServiceRequest/new', { json: body, schema: SubmitResultSchema }, options);
    const [made] = answer.ServiceRequests;
    if (made === undefined) {
      throw new ItsmError('Ivanti answered the submit with IsSuccess: true but named no service request', { provider: IVANTI, outcome: 'unknown' });
    }
    if (Object.keys(parameters).length > 0 && Object.keys(made.parameterTemplateParameterIds ?? {}).length === 0 && made.parameterTemplateParameterIds !== undefined) {
      throw new ItsmError(
        `Ivanti created service request ${String(made.strRequestNum ?? made.strRequestRecId)} but applied none of the answers (the subscription and the parameters belong to different offerings)`,
        { provider: IVANTI, outcome: 'applied' },
      );
    }
    return {
      recId: made.strRequestRecId,
      number: made.strRequestNum === undefined || made.strRequestNum === null ? undefined : String(made.strRequestNum),
      subscriptionId: subscription.strSubscriptionId,
      raw: made,
    };
  }
}
