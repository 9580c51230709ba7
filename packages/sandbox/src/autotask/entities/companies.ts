/**
 * `Companies` (`CompanyModel`): the MSP's own organisation (id 0) and its customers, prospects and
 * vendors.
 *
 * @module
 */
import { defineEntity } from '../entity.js';
import { boolean, datetime, double, integer, long, string } from '../fields.js';
import { COMPANY_TYPES } from '../picklists.js';

const ro = { readOnly: true } as const;

/** The Companies entity. */
export const COMPANIES = defineEntity({
  name: 'Companies',
  internalName: 'Account',
  capabilities: { canCreate: true, canUpdate: true, canDelete: false, canQuery: true, supportsWebhookCallouts: true },
  indexed: [],
  fields: [
    long('id', ro),
    string('additionalAddressInformation', { length: 100 }),
    string('address1', { length: 128 }),
    string('address2', { length: 128 }),
    string('alternatePhone1', { length: 25 }),
    string('alternatePhone2', { length: 25 }),
    integer('apiVendorID', ro),
    double('assetValue'),
    integer('billToCompanyLocationID'),
    string('billToAdditionalAddressInformation', { length: 100 }),
    string('billingAddress1', { length: 150 }),
    string('billingAddress2', { length: 150 }),
    integer('billToAddressToUse'),
    string('billToAttention', { length: 50 }),
    string('billToCity', { length: 50 }),
    integer('billToCountryID'),
    string('billToState', { length: 128 }),
    string('billToZipCode', { length: 50 }),
    string('city', { length: 30 }),
    integer('classification'),
    integer('companyCategoryID'),
    string('companyName', { required: true, length: 100 }),
    string('companyNumber', { length: 50 }),
    integer('companyType', { required: true, picklist: COMPANY_TYPES }),
    integer('competitorID'),
    integer('countryID', { reference: 'Country' }),
    datetime('createDate', ro),
    integer('createdByResourceID', { ...ro, reference: 'Resource' }),
    integer('currencyID', { reference: 'Currency' }),
    string('fax', { length: 25 }),
    integer('impersonatorCreatorResourceID', { ...ro, reference: 'Resource' }),
    integer('invoiceEmailMessageID'),
    integer('invoiceMethod'),
    boolean('invoiceNonContractItemsToParentCompany'),
    integer('invoiceTemplateID'),
    boolean('isActive'),
    boolean('isClientPortalActive', ro),
    boolean('isEnabledForComanaged'),
    boolean('isSample', ro),
    boolean('isTaskFireActive', ro),
    boolean('isTaxExempt'),
    datetime('lastActivityDate', ro),
    datetime('lastTrackedModifiedDateTime', ro),
    integer('marketSegmentID'),
    integer('ownerResourceID', { required: true, reference: 'Resource' }),
    integer('parentCompanyID', { reference: 'Account' }),
    string('phone', { required: true, length: 25 }),
    string('postalCode', { length: 10 }),
    integer('purchaseOrderTemplateID'),
    integer('quoteEmailMessageID'),
    integer('quoteTemplateID'),
    string('sicCode', { length: 32 }),
    string('state', { length: 25 }),
    string('stockMarket', { length: 10 }),
    string('stockSymbol', { length: 10 }),
    double('surveyCompanyRating', ro),
    string('taxID', { length: 50 }),
    integer('taxRegionID'),
    integer('territoryID'),
    string('webAddress', { length: 255 }),
  ],
  udfs: [
    { name: 'Number of Employees', label: 'Number of Employees', type: 'double', description: 'Head count of the customer.' },
    {
      name: 'CustomerRanking',
      label: 'Customer Ranking',
      type: 'list',
      description: 'How important the customer is to the MSP.',
      picklist: [
        { value: 'Golden', label: 'Golden' },
        { value: 'Silver', label: 'Silver' },
        { value: 'Bronze', label: 'Bronze' },
      ],
    },
  ],
});
