/**
 * `Resources` (`ResourceModel`): the MSP's staff (agents) and its API-only users. Resources cannot be
 * created over the API; they have no user-defined fields.
 *
 * @module
 */
import { defineEntity } from '../entity.js';
import { boolean, datetime, double, integer, long, string } from '../fields.js';
import { LICENSE_TYPES } from '../picklists.js';

const ro = { readOnly: true } as const;

/** The Resources entity. */
export const RESOURCES = defineEntity({
  name: 'Resources',
  internalName: 'Resource',
  capabilities: { canCreate: false, canUpdate: true, canDelete: false, canQuery: true, supportsWebhookCallouts: false },
  indexed: ['email', 'userName'],
  fields: [
    long('id', ro),
    string('accountingReferenceID', { length: 100 }),
    string('dateFormat', { length: 20 }),
    long('defaultServiceDeskRoleID', { reference: 'Role' }),
    string('email', { required: true, length: 50 }),
    string('email2', { length: 50 }),
    string('email3', { length: 50 }),
    string('emailTypeCode', { length: 10 }),
    string('emailTypeCode2', { length: 10 }),
    string('emailTypeCode3', { length: 10 }),
    string('firstName', { required: true, length: 50 }),
    string('gender', { length: 1 }),
    integer('greeting'),
    datetime('hireDate'),
    string('homePhone', { length: 25 }),
    string('initials', { length: 3 }),
    double('internalCost', ro),
    boolean('isActive'),
    string('lastName', { required: true, length: 50 }),
    integer('licenseType', { ...ro, picklist: LICENSE_TYPES }),
    integer('locationID', { reference: 'InternalLocation' }),
    string('middleName', { length: 50 }),
    string('mobilePhone', { length: 25 }),
    string('numberFormat', { length: 20 }),
    string('officeExtension', { length: 10 }),
    string('officePhone', { length: 25 }),
    string('payrollIdentifier', { length: 32 }),
    integer('payrollType'),
    string('resourceType', ro),
    integer('suffix'),
    double('surveyResourceRating', ro),
    string('timeFormat', { length: 20 }),
    string('title', { length: 50 }),
    string('travelAvailabilityPct', { length: 15 }),
    string('userName', { ...ro, length: 32 }),
    integer('userType', ro),
  ],
  udfs: undefined,
});
