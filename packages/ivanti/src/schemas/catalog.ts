/**
 * The service catalog: request offerings (`ServiceReqTemplates`), their forms
 * (`ServiceReqTemplateParams`), the offerings available to an employee
 * (`GET /api/rest/Template/{userRecId}/_All_`), validation lists, and the answer to a submit
 * (`POST /api/rest/ServiceRequest/new`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { number, text } from './common.js';

/**
 * A request offering (a `ServiceReqTemplate`): a form employees fill in to request something.
 * Only offerings whose `Status` starts with `Published` reach the catalog.
 *
 * @example
 * ```ts
 * const offering = await ivanti.requestOfferings.get('A299658A3EC84DC1BC401A065C0697D9');
 * console.log(offering.Name, offering.Status, ivanti.requestOfferings.directLink(offering.RecId));
 * ```
 *
 * @category Schemas
 */
export const RequestOfferingSchema = z.looseObject({
  /** The offering's key (`strRecId`); direct links name it. */
  RecId: z.string(),
  /** The name. */
  Name: text,
  /** The description. */
  Description: text,
  /** `Published (Automatic)`, `Published`, `Draft`, `Unpublished`, ... */
  Status: text,
  /** The catalog category. */
  Category: text,
  /** The service it belongs to. */
  Service: text,
});
/**
 * @see {@link RequestOfferingSchema}
 *
 * @category Schemas
 */
export type RequestOffering = z.infer<typeof RequestOfferingSchema>;

/**
 * One parameter of an offering's form, as stored. `RequiredExpression` is `true`, `$(true)`,
 * `$(false)` or a condition on other answers; `ValidationConstraints` and `ConfigOptions` are JSON
 * text (see `OfferingParameter` for them read).
 *
 * @category Schemas
 */
export const OfferingParameterRecordSchema = z.looseObject({
  /** The parameter's key: answers are sent as `par-<RecId>`. */
  RecId: z.string(),
  /** The name other parameters' expressions use. */
  Name: text,
  /** The label shown. */
  DisplayName: text,
  /** `text`, `textarea`, `combo`, `dropdown`, `checkbox`, `date`, `datetime`, `category` (layout), ... */
  DisplayType: text,
  /** Help text. */
  Description: text,
  /** Its place on the form. */
  SequenceNum: number,
  /** When an answer is required. */
  RequiredExpression: text,
  /** When it is shown. */
  VisibilityExpression: text,
  /** When it cannot be changed. */
  ReadOnlyExpression: text,
  /** The validation list behind a list parameter. */
  ValidationList_RecID: text,
  /** JSON: the other parameters a dependent list is filtered by. */
  ValidationConstraints: text,
  /** JSON: display options (multi-select, patterns, ...). */
  ConfigOptions: text,
  /** The default answer. */
  DefaultValue: text,
  /** The offering it belongs to. */
  ParentLink_RecID: text,
});
/**
 * @see {@link OfferingParameterRecordSchema}
 *
 * @category Schemas
 */
export type OfferingParameterRecord = z.infer<typeof OfferingParameterRecordSchema>;

/**
 * An offering as listed for one employee (`GET /api/rest/Template/{userRecId}/_All_`): the
 * subscription through which the employee may request it, and the offering itself.
 *
 * @category Schemas
 */
export const AvailableOfferingSchema = z.looseObject({
  /** The subscription id: what a submit takes (not the offering's RecId). */
  strSubscriptionId: z.string(),
  /** The offering's RecId: what its form and its direct link name. */
  strRecId: z.string(),
  /** The name. */
  strName: z.nullish(z.string()),
  /** The description. */
  strDescription: z.nullish(z.string()),
  /** The category, where the tenant sends it. */
  strCategory: z.nullish(z.string()),
});
/**
 * @see {@link AvailableOfferingSchema}
 *
 * @category Schemas
 */
export type AvailableOffering = z.infer<typeof AvailableOfferingSchema>;

/**
 * The list of `GET /api/rest/Template/{userRecId}/_All_` (no body, a 204, when nothing is available).
 *
 * @category Schemas
 */
export const AvailableOfferingListSchema = z.pipe(z.union([z.undefined(), z.null(), z.array(AvailableOfferingSchema)]), z.transform((list) => list ?? []));

/**
 * One row of a validation list: Ivanti sends `[recId, value, label?]` (or an object on some tenants).
 *
 * @category Schemas
 */
export const ValidationRowSchema = z.union([
  z.tuple([z.string(), z.nullish(z.string())], z.unknown()),
  z.looseObject({ RecId: z.optional(z.string()), recId: z.optional(z.string()), Value: z.nullish(z.string()), value: z.nullish(z.string()), Label: z.nullish(z.string()), label: z.nullish(z.string()) }),
]);

/**
 * The answer of `POST /api/rest/ServiceRequest/{paramRecId}/ValidationList`.
 *
 * @category Schemas
 */
export const ValidationRowListSchema = z.pipe(z.union([z.undefined(), z.null(), z.array(ValidationRowSchema)]), z.transform((list) => list ?? []));

/**
 * One service request a submit made.
 *
 * @category Schemas
 */
export const SubmittedRequestSchema = z.looseObject({
  /** The new request's RecId. */
  strRequestRecId: z.string(),
  /** Its number. */
  strRequestNum: z.nullish(z.union([z.string(), z.number()])),
  /** The subscription it was made through. */
  strSubscriptionRecId: z.nullish(z.string()),
  /** The offering's name. */
  strName: z.nullish(z.string()),
  /** The parameters Ivanti stored, by parameter RecId: empty when none of the answers applied. */
  parameterTemplateParameterIds: z.nullish(z.record(z.string(), z.unknown())),
});
/**
 * @see {@link SubmittedRequestSchema}
 *
 * @category Schemas
 */
export type SubmittedRequest = z.infer<typeof SubmittedRequestSchema>;

/**
 * The answer of `POST /api/rest/ServiceRequest/new` (a failure is a 200 with `IsSuccess: false`, thrown as an error).
 *
 * @category Schemas
 */
export const SubmitResultSchema = z.looseObject({
  /** Always `true` here (a `false` is thrown). */
  IsSuccess: z.boolean(),
  /** Empty on success. */
  ErrorText: z.nullish(z.string()),
  /** The requests made. */
  ServiceRequests: z.array(SubmittedRequestSchema),
});
/**
 * @see {@link SubmitResultSchema}
 *
 * @category Schemas
 */
export type SubmitResult = z.infer<typeof SubmitResultSchema>;
