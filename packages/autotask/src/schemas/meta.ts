/**
 * What Autotask says about its entities: `entityInformation` (what an entity allows),
 * `entityInformation/fields` (every field, with picklists) and `entityInformation/userDefinedFields`.
 *
 * @module
 */
import * as z from 'zod/mini';

/**
 * One value of a picklist (`PickListValue`). `value` is a string even for numeric picklists.
 *
 * @category Schemas
 */
export const PicklistValueSchema = z.looseObject({
  value: z.string(),
  label: z.string(),
  isDefaultValue: z.nullish(z.boolean()),
  sortOrder: z.nullish(z.number()),
  /** The value of the parent picklist this value belongs under (`subIssueType` under `issueType`); empty when none. */
  parentValue: z.nullish(z.string()),
  isActive: z.nullish(z.boolean()),
  isSystem: z.nullish(z.boolean()),
});
/**
 * @see {@link PicklistValueSchema}
 *
 * @category Schemas
 */
export type PicklistValue = z.infer<typeof PicklistValueSchema>;

/**
 * One field of an entity (`FieldInformationModel`).
 *
 * @category Schemas
 */
export const FieldInformationSchema = z.looseObject({
  name: z.string(),
  /** `integer`, `long`, `string`, `datetime`, `boolean`, `double`, ... */
  dataType: z.nullish(z.string()),
  length: z.nullish(z.number()),
  isRequired: z.nullish(z.boolean()),
  isReadOnly: z.nullish(z.boolean()),
  isQueryable: z.nullish(z.boolean()),
  isReference: z.nullish(z.boolean()),
  referenceEntityType: z.nullish(z.string()),
  isPickList: z.nullish(z.boolean()),
  picklistValues: z.nullish(z.array(PicklistValueSchema)),
  /** The field whose value this picklist's values depend on (`issueType` for `subIssueType`). */
  picklistParentValueField: z.nullish(z.string()),
  isSupportedWebhookField: z.nullish(z.boolean()),
});
/**
 * @see {@link FieldInformationSchema}
 *
 * @category Schemas
 */
export type FieldInformation = z.infer<typeof FieldInformationSchema>;

/**
 * `{ fields }` of `entityInformation/fields`.
 *
 * @category Schemas
 */
export const FieldInformationListSchema = z.looseObject({ fields: z.array(FieldInformationSchema) });

/**
 * One user-defined field of an entity.
 *
 * @category Schemas
 */
export const UserDefinedFieldInformationSchema = z.looseObject({
  name: z.string(),
  label: z.nullish(z.string()),
  type: z.nullish(z.string()),
  isRequired: z.nullish(z.boolean()),
  isPickList: z.nullish(z.boolean()),
  picklistValues: z.nullish(z.array(PicklistValueSchema)),
});
/**
 * @see {@link UserDefinedFieldInformationSchema}
 *
 * @category Schemas
 */
export type UserDefinedFieldInformation = z.infer<typeof UserDefinedFieldInformationSchema>;

/**
 * `{ fields }` of `entityInformation/userDefinedFields`.
 *
 * @category Schemas
 */
export const UserDefinedFieldInformationListSchema = z.looseObject({ fields: z.array(UserDefinedFieldInformationSchema) });

/**
 * What an entity allows (`EntityInformationModel`).
 *
 * @category Schemas
 */
export const EntityInformationSchema = z.looseObject({
  name: z.string(),
  canCreate: z.nullish(z.boolean()),
  canDelete: z.nullish(z.boolean()),
  canQuery: z.nullish(z.boolean()),
  canUpdate: z.nullish(z.boolean()),
  hasUserDefinedFields: z.nullish(z.boolean()),
  supportsWebhookCallouts: z.nullish(z.boolean()),
  userAccessForCreate: z.optional(z.unknown()),
  userAccessForDelete: z.optional(z.unknown()),
  userAccessForQuery: z.optional(z.unknown()),
  userAccessForUpdate: z.optional(z.unknown()),
});
/**
 * @see {@link EntityInformationSchema}
 *
 * @category Schemas
 */
export type EntityInformation = z.infer<typeof EntityInformationSchema>;

/**
 * `{ info }` of `entityInformation`.
 *
 * @category Schemas
 */
export const EntityInformationResultSchema = z.looseObject({ info: EntityInformationSchema });
