/**
 * `Contacts` (`ContactModel`): the customers' people. Written only under `/Companies/{id}/Contacts`;
 * `isActive` is an int32 (1 or 0), not a boolean.
 *
 * @module
 */
import { defineEntity } from '../entity.js';
import { boolean, datetime, integer, long, string } from '../fields.js';

const ro = { readOnly: true } as const;

/** The Contacts entity. */
export const CONTACTS = defineEntity({
  name: 'Contacts',
  internalName: 'Contact',
  capabilities: { canCreate: true, canUpdate: true, canDelete: true, canQuery: true, supportsWebhookCallouts: true },
  indexed: ['companyID', 'emailAddress', 'emailAddress2', 'emailAddress3'],
  fields: [
    long('id', ro),
    string('additionalAddressInformation', { length: 100 }),
    string('addressLine', { length: 128 }),
    string('addressLine1', { length: 128 }),
    string('alternatePhone', { length: 32 }),
    integer('apiVendorID', ro),
    datetime('bulkEmailOptOutTime', ro),
    string('city', { length: 32 }),
    integer('companyID', { required: true, reference: 'Company' }),
    integer('companyLocationID', { reference: 'CompanyLocation' }),
    integer('countryID', { reference: 'Country' }),
    datetime('createDate', ro),
    string('emailAddress', { length: 254 }),
    string('emailAddress2', { length: 254 }),
    string('emailAddress3', { length: 254 }),
    string('extension', { length: 10 }),
    string('externalID', { length: 50 }),
    string('facebookUrl', { length: 200 }),
    string('faxNumber', { length: 25 }),
    string('firstName', { required: true, length: 50 }),
    integer('impersonatorCreatorResourceID', { ...ro, reference: 'Resource' }),
    integer('isActive', { required: true }),
    boolean('isOptedOutFromBulkEmail'),
    datetime('lastActivityDate', ro),
    datetime('lastModifiedDate', ro),
    string('lastName', { required: true, length: 50 }),
    string('linkedInUrl', { length: 200 }),
    string('middleInitial', { length: 50 }),
    string('mobilePhone', { length: 25 }),
    integer('namePrefix'),
    integer('nameSuffix'),
    string('note', { length: 8000 }),
    boolean('receivesEmailNotifications'),
    string('phone', { length: 25 }),
    boolean('primaryContact'),
    boolean('billingContact'),
    string('roomNumber', { length: 50 }),
    boolean('solicitationOptOut'),
    datetime('solicitationOptOutTime', ro),
    string('state', { length: 40 }),
    boolean('surveyOptOut'),
    string('title', { length: 50 }),
    string('twitterUrl', { length: 200 }),
    string('zipCode', { length: 16 }),
  ],
  udfs: [
    {
      name: 'Preferred Language',
      label: 'Preferred Language',
      type: 'list',
      description: 'The language the contact wants to be answered in.',
      picklist: [
        { value: '1', label: 'English' },
        { value: '2', label: 'Dutch' },
        { value: '3', label: 'German' },
      ],
    },
  ],
});
