/**
 * Metadata and limits:
 *
 * - `GET /{Entity}/entityInformation` → `{ info }` (`EntityInformationModel`): what the entity allows;
 * - `GET /{Entity}/entityInformation/fields` → `{ fields }` (`FieldInformationModel`): every field with
 *   its type, flags and picklist (values as strings, `parentValue` for dependent picklists) — where a
 *   client learns the tenant's statuses, priorities, queues, note types and publish values;
 * - `GET /{Entity}/entityInformation/userDefinedFields` → `{ fields }` (`Field`);
 * - `GET /ThresholdInformation` → `{ externalRequestThreshold, requestThresholdTimeframe,
 *   currentTimeframeRequestCount }`, this request included.
 *
 * @module
 */
import type { EntityDefinition } from '../entity.js';
import { ENTITY_LIST } from '../entities/index.js';
import type { FieldDefinition, PicklistValue, UdfDefinition } from '../fields.js';
import { API_PREFIX } from '../paths.js';
import { currentRequestCount } from '../threshold.js';
import type { AutotaskRouter } from './router.js';

function picklistJson(picklist: readonly PicklistValue[] | undefined): object[] {
  return (picklist ?? []).map((entry, index) => ({
    value: entry.value,
    label: entry.label,
    isDefaultValue: entry.isDefaultValue ?? false,
    sortOrder: index,
    parentValue: entry.parentValue ?? '',
    isActive: entry.isActive ?? true,
    isSystem: entry.isSystem ?? false,
  }));
}

/** A field as `entityInformation/fields` describes it. */
export function fieldInformation(entity: EntityDefinition, field: FieldDefinition): object {
  return {
    name: field.name,
    dataType: field.type,
    length: field.length ?? 0,
    isRequired: field.required ?? false,
    isReadOnly: field.readOnly ?? false,
    isQueryable: field.queryable ?? true,
    isReference: field.reference !== undefined,
    referenceEntityType: field.reference ?? '',
    isPickList: field.picklist !== undefined,
    picklistValues: picklistJson(field.picklist),
    picklistParentValueField: field.picklistParent ?? '',
    isSupportedWebhookField: entity.capabilities.supportsWebhookCallouts && field.name !== 'data',
  };
}

function udfInformation(udf: UdfDefinition): object {
  return {
    name: udf.name,
    label: udf.label,
    type: udf.type,
    length: udf.length ?? 0,
    description: udf.description,
    isRequired: false,
    isReadOnly: false,
    isQueryable: true,
    isReference: false,
    referenceEntityType: '',
    isPickList: udf.type === 'list',
    picklistValues: picklistJson(udf.picklist),
    picklistParentValueField: '',
    defaultValue: '',
    isSupportedWebhookField: false,
  };
}

/** Adds the metadata and threshold routes. */
export function metaRoutes(router: AutotaskRouter): void {
  for (const entity of ENTITY_LIST) {
    const base = `${API_PREFIX}/${entity.name.toLowerCase()}/entityinformation`;
    router
      .get(base, () => ({
        status: 200,
        body: {
          info: {
            name: entity.name,
            ...entity.capabilities,
            userAccessForCreate: {},
            userAccessForDelete: {},
            userAccessForQuery: {},
            userAccessForUpdate: {},
            hasUserDefinedFields: entity.udfs !== undefined,
          },
        },
      }))
      .get(`${base}/fields`, () => ({ status: 200, body: { fields: entity.fields.map((field) => fieldInformation(entity, field)) } }))
      .get(`${base}/userdefinedfields`, () => ({ status: 200, body: { fields: (entity.udfs ?? []).map(udfInformation) } }));
  }
  router.get(`${API_PREFIX}/thresholdinformation`, (_request, { state }) => ({
    status: 200,
    body: {
      externalRequestThreshold: state.settings.threshold.limit,
      requestThresholdTimeframe: state.settings.threshold.windowMinutes,
      currentTimeframeRequestCount: currentRequestCount(state),
    },
  }));
}
