/**
 * Jira Service Management (`/rest/servicedeskapi`): service desks, request types and their fields,
 * customer requests, request comments and customer transitions.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JiraFieldTypeSchema, JsmDateSchema, type OpenEnum } from './common.js';
import { JiraUserSchema } from './users.js';

/**
 * A service desk: the JSM side of a project.
 *
 * @category Schemas
 */
export const ServiceDeskSchema = z.looseObject({
  /** The service desk id (not the project id). */
  id: z.string(),
  projectId: z.string(),
  projectKey: z.string(),
  projectName: z.optional(z.string()),
  projectTypeKey: z.optional(z.string()),
  _links: z.optional(z.looseObject({ self: z.optional(z.string()) })),
});
/**
 * A service desk. See {@link ServiceDeskSchema}.
 *
 * @category Schemas
 */
export type ServiceDesk = z.infer<typeof ServiceDeskSchema>;

/**
 * A request type as Jira sends it. The client's `requestTypes()` adds `portalUrl`; see {@link RequestType}.
 *
 * @category Schemas
 */
export const RequestTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  helpText: z.optional(z.string()),
  /** The issue type requests of this type are created as. */
  issueTypeId: z.optional(z.string()),
  serviceDeskId: z.optional(z.string()),
  /** The customer portal of the desk (for portal links). */
  portalId: z.optional(z.string()),
  groupIds: z.optional(z.array(z.string())),
  icon: z.optional(z.unknown()),
  /** Whether the caller may raise requests of this type. */
  canCreateRequest: z.optional(z.boolean()),
  restrictionStatus: z.optional(z.string() as z.ZodMiniType<OpenEnum<'OPEN' | 'RESTRICTED'>, string>),
  practice: z.optional(z.string()),
  _links: z.optional(z.looseObject({ self: z.optional(z.string()) })),
});

/**
 * A request type, with `portalUrl`: the portal page where a customer raises a request of this type
 * (`{site}/servicedesk/customer/portal/{portalId}/create/{id}`), or `undefined` without a `portalId`.
 *
 * @category Schemas
 */
export type RequestType = z.infer<typeof RequestTypeSchema> & {
  /** The portal page to raise a request of this type. */
  portalUrl: string | undefined;
};

/**
 * A request type group: how the portal groups request types (`RequestType.groupIds` refer to it).
 *
 * @category Schemas
 */
export const RequestTypeGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
});
/**
 * A request type group. See {@link RequestTypeGroupSchema}.
 *
 * @category Schemas
 */
export type RequestTypeGroup = z.infer<typeof RequestTypeGroupSchema>;

/**
 * One valid or default value of a request type field (a select option, with its cascading children).
 *
 * @category Schemas
 */
export interface RequestTypeFieldValue {
  /** The value to send (an option id for select fields). */
  value: string;
  /** The label customers see. */
  label: string;
  /** Child options of a cascading select. */
  children?: RequestTypeFieldValue[] | undefined;
  /** Fields this package does not model. */
  [key: string]: unknown;
}

/**
 * A {@link RequestTypeFieldValue}.
 *
 * @category Schemas
 */
export const RequestTypeFieldValueSchema: z.ZodMiniType<RequestTypeFieldValue> = z.looseObject({
  value: z.string(),
  label: z.string(),
  get children() {
    return z.optional(z.array(RequestTypeFieldValueSchema));
  },
});

/**
 * A field of a request type's form: its Jira field id (the key in `requestFieldValues`), whether it
 * is required, and the values it accepts.
 *
 * @category Schemas
 */
export const RequestTypeFieldSchema = z.looseObject({
  /** The Jira field id: `summary`, `description`, `customfield_10010`, ... */
  fieldId: z.string(),
  /** The label on the portal form (may differ from the Jira field name). */
  name: z.string(),
  description: z.optional(z.string()),
  required: z.boolean(),
  visible: z.optional(z.boolean()),
  validValues: z.optional(z.array(RequestTypeFieldValueSchema)),
  defaultValues: z.optional(z.array(RequestTypeFieldValueSchema)),
  presetValues: z.optional(z.array(z.string())),
  jiraSchema: z.optional(JiraFieldTypeSchema),
});
/**
 * A field of a request type. See {@link RequestTypeFieldSchema}.
 *
 * @category Schemas
 */
export type RequestTypeField = z.infer<typeof RequestTypeFieldSchema>;

/**
 * The form of a request type (`CustomerRequestCreateMeta`).
 *
 * @category Schemas
 */
export const RequestTypeFieldsSchema = z.looseObject({
  requestTypeFields: z.array(RequestTypeFieldSchema),
  /** Whether the caller may use `raiseOnBehalfOf`. */
  canRaiseOnBehalfOf: z.optional(z.boolean()),
  /** Whether the caller may add `requestParticipants`. */
  canAddRequestParticipants: z.optional(z.boolean()),
});
/**
 * The form of a request type. See {@link RequestTypeFieldsSchema}.
 *
 * @category Schemas
 */
export type RequestTypeFields = z.infer<typeof RequestTypeFieldsSchema>;

/**
 * JSM's status category names: `NEW`, `INDETERMINATE`, `DONE`, `UNDEFINED`.
 *
 * @category Schemas
 */
export type RequestStatusCategory = OpenEnum<'UNDEFINED' | 'NEW' | 'INDETERMINATE' | 'DONE'>;

/**
 * The current status of a customer request.
 *
 * @category Schemas
 */
export const CustomerRequestStatusSchema = z.looseObject({
  status: z.string(),
  statusCategory: z.optional(z.string() as z.ZodMiniType<RequestStatusCategory, string>),
  statusDate: z.optional(JsmDateSchema),
});
/**
 * A customer request's status. See {@link CustomerRequestStatusSchema}.
 *
 * @category Schemas
 */
export type CustomerRequestStatus = z.infer<typeof CustomerRequestStatusSchema>;

/**
 * One field value of a customer request, as the portal shows it.
 *
 * @category Schemas
 */
export const CustomerRequestFieldValueSchema = z.looseObject({
  fieldId: z.string(),
  label: z.optional(z.string()),
  value: z.optional(z.unknown()),
  renderedValue: z.optional(z.unknown()),
});

/**
 * A customer request: a JSM view of an issue, with its request type, current status and portal link
 * (`_links.web`).
 *
 * @category Schemas
 */
export const CustomerRequestSchema = z.looseObject({
  /** The issue id. */
  issueId: z.string(),
  /** The issue key. */
  issueKey: z.string(),
  requestTypeId: z.optional(z.string()),
  serviceDeskId: z.optional(z.string()),
  summary: z.optional(z.string()),
  createdDate: z.optional(JsmDateSchema),
  reporter: z.optional(JiraUserSchema),
  requestFieldValues: z.optional(z.array(CustomerRequestFieldValueSchema)),
  currentStatus: z.optional(CustomerRequestStatusSchema),
  _links: z.optional(z.looseObject({
    /** The portal page of the request, for customers. */
    web: z.optional(z.string()),
    /** The agent view. */
    agent: z.optional(z.string()),
    jiraRest: z.optional(z.string()),
    self: z.optional(z.string()),
  })),
});
/**
 * A customer request. See {@link CustomerRequestSchema}.
 *
 * @category Schemas
 */
export type CustomerRequest = z.infer<typeof CustomerRequestSchema>;

/**
 * A comment on a customer request: a plain/wiki string body, public or internal.
 *
 * @category Schemas
 */
export const RequestCommentSchema = z.looseObject({
  id: z.string(),
  /** The text (wiki markup / plain text, not ADF). */
  body: z.string(),
  /** `false` for an internal note customers do not see. */
  public: z.boolean(),
  author: z.optional(JiraUserSchema),
  created: z.optional(JsmDateSchema),
  renderedBody: z.optional(z.unknown()),
  _links: z.optional(z.looseObject({ self: z.optional(z.string()) })),
});
/**
 * A comment on a customer request. See {@link RequestCommentSchema}.
 *
 * @category Schemas
 */
export type RequestComment = z.infer<typeof RequestCommentSchema>;

/**
 * A transition customers can perform from the portal.
 *
 * @category Schemas
 */
export const CustomerTransitionSchema = z.looseObject({ id: z.string(), name: z.string() });
/**
 * A customer transition. See {@link CustomerTransitionSchema}.
 *
 * @category Schemas
 */
export type CustomerTransition = z.infer<typeof CustomerTransitionSchema>;
