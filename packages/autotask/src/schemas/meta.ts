/**
 * What Autotask says about its entities: `entityInformation` (what an entity allows),
 * `entityInformation/fields` (every field, with picklists) and `entityInformation/userDefinedFields`.
 *
 * @module
 */
import { z } from 'zod';

/**
 * One value of a picklist (`PickListValue`). `value` is a string even for numeric picklists.
 *
 * @category Schemas
 */
export const PicklistValueSchema = z.looseObject({
  value: z.string(),
  label: z.string(),
  isDefaultValue: z.boolean().nullish(),
  sortOrder: z.number().nullish(),
  /** The value of the parent picklist this value belongs under (`subIssueType` under `issueType`); empty when none. */
  parentValue: z.string().nullish(),
  isActive: z.boolean().nullish(),
  isSystem: z.boolean().nullish(),
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
  dataType: z.string().nullish(),
  length: z.number().nullish(),
  isRequired: z.boolean().nullish(),
  isReadOnly: z.boolean().nullish(),
  isQueryable: z.boolean().nullish(),
  isReference: z.boolean().nullish(),
  referenceEntityType: z.string().nullish(),
  isPickList: z.boolean().nullish(),
  picklistValues: z.array(PicklistValueSchema).nullish(),
  /** The field whose value this picklist's values depend on (`issueType` for `subIssueType`). */
  picklistParentValueField: z.string().nullish(),
  isSupportedWebhookField: z.boolean().nullish(),
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
  label: z.string().nullish(),
  type: z.string().nullish(),
  isRequired: z.boolean().nullish(),
  isPickList: z.boolean().nullish(),
  picklistValues: z.array(PicklistValueSchema).nullish(),
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
  canCreate: z.boolean().nullish(),
  canDelete: z.boolean().nullish(),
  canQuery: z.boolean().nullish(),
  canUpdate: z.boolean().nullish(),
  hasUserDefinedFields: z.boolean().nullish(),
  supportsWebhookCallouts: z.boolean().nullish(),
  userAccessForCreate: z.unknown().optional(),
  userAccessForDelete: z.unknown().optional(),
  userAccessForQuery: z.unknown().optional(),
  userAccessForUpdate: z.unknown().optional(),
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
