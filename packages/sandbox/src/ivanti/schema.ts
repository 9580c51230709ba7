/**
 * The business objects the simulator serves, as data: each object's entity set (the object name
 * plus a literal `s`, `journal__notes` → `journal__notess`), its fields with their types, display
 * names and validation lists, what a create requires, its relationships, quick actions and saved
 * searches. The OData routes, the `$metadata` document, the write rules and the serializer all read
 * these definitions, so a field exists in exactly one place.
 *
 * Field names are case-sensitive (`LoginID`, not `LoginId`, on employees); entity-set names are not.
 *
 * @module
 */
import type { PicklistName } from './picklists.js';

/**
 * An Ivanti field type, as its CSDL names it (`Edm.String`, ...).
 *
 * @category Definitions
 */
export type FieldType = 'String' | 'Int32' | 'Double' | 'Boolean' | 'DateTimeOffset';

/**
 * Who writes a field:
 * - `free`: the client;
 * - `create`: the client on create only (Ivanti keeps a `CreatedBy` sent on create), ignored later;
 * - `engine`: Ivanti (counters, stamps, `_Valid` companions, values derived from links); a value
 *   sent for it is ignored, as Ivanti ignores `IncidentNumber` in a create.
 *
 * @category Definitions
 */
export type FieldWrite = 'free' | 'create' | 'engine';

/**
 * One field of a business object.
 *
 * @category Definitions
 */
export interface FieldDef {
  /** The technical name (`Symptom`). */
  readonly name: string;
  /** Its type. */
  readonly type: FieldType;
  /** The display name (`Description`), which required-field messages use. */
  readonly display: string;
  /** Who writes it. */
  readonly write: FieldWrite;
  /** The validation list of a validated field; `<name>_Valid` then holds the entry's RecId. */
  readonly picklist?: PicklistName;
  /** For the `X` of a link triple (`X`, `X_RecID`, `X_Category`): the objects it may point at. */
  readonly linkTargets?: readonly TableName[];
  /** For `X_RecID` and `X_Category`: the link (`X`) they belong to. */
  readonly linkOf?: string;
}

/**
 * The stores behind the entity sets (a view such as `journal__notess` shares its group's store).
 *
 * @category Definitions
 */
export type TableName =
  | 'incidents'
  | 'servicereqs'
  | 'employees'
  | 'journals'
  | 'attachments'
  | 'servicereqtemplates'
  | 'servicereqtemplateparams'
  | 'servicereqparams'
  | 'contacts'
  | 'teams';

/**
 * How a relationship finds its records.
 *
 * @category Definitions
 */
export type RelationshipVia =
  | {
      /** Target rows whose `ParentLink_RecID` is the source's RecId (link/unlink set or clear that pair). */
      readonly kind: 'parent';
    }
  | {
      /** The one target row whose RecId is in the source's `field` (read only). */
      readonly kind: 'reference';
      /** The source's field holding the target's RecId (`Owner_Valid`). */
      readonly field: string;
    }
  | {
      /** A many-to-many association kept apart from both rows (link/unlink add or remove the pair). */
      readonly kind: 'association';
      /** Whether the source is the association's second side (the service request). */
      readonly reverse: boolean;
    };

/**
 * A relationship (an OData navigation property).
 *
 * @category Definitions
 */
export interface RelationshipDef {
  /** Its name (`IncidentContainsJournal`). */
  readonly name: string;
  /** The entity set of the related records. */
  readonly target: EntitySetName;
  /** How the related records are found. */
  readonly via: RelationshipVia;
}

/**
 * What a quick action does.
 *
 * @category Definitions
 */
export type QuickActionKind = 'resolve' | 'close' | 'reopen' | 'cancel' | 'ui';

/**
 * A quick action (an OData bound action); its ActionId is per tenant and role (see the state).
 *
 * @category Definitions
 */
export interface QuickActionDef {
  /** Its name (`Close_Incident`). */
  readonly name: string;
  /** What it does. */
  readonly kind: QuickActionKind;
}

/**
 * A saved search (an OData bound function).
 *
 * @category Definitions
 */
export interface SavedSearchDef {
  /** Its name (`My_Open_Incidents`). */
  readonly name: string;
  /** Which rows it returns; "my" means the API key's own account. */
  readonly kind: 'mine-open' | 'open' | 'unassigned' | 'resolved-this-week';
}

/**
 * The entity sets served, by lower-case name.
 *
 * @category Definitions
 */
export type EntitySetName =
  | 'incidents'
  | 'servicereqs'
  | 'employees'
  | 'journals'
  | 'journal__notess'
  | 'attachments'
  | 'servicereqtemplates'
  | 'servicereqtemplateparams'
  | 'servicereqparams'
  | 'frs_compositecontract_contacts'
  | 'standarduserteams';

/**
 * A business object and its entity set.
 *
 * @category Definitions
 */
export interface BusinessObjectDef {
  /** The entity set (lower case), the OData path segment. */
  readonly entitySet: EntitySetName;
  /** The object name records use (`ParentLink_Category: "Incident"`) and messages name (`Incident.Summary`). */
  readonly name: string;
  /** The AdminUI id (`Incident#`, `Journal#Notes`), used by attachments' `ParentLink_Category` and uploads' `objectType`. */
  readonly adminId: string;
  /** The CSDL entity type name (`incident`, `journal__notes`). */
  readonly csdlType: string;
  /** The store behind the set. */
  readonly table: TableName;
  /** For a view over a shared store: the rows that belong to it (`JournalType eq 'Notes'`). */
  readonly view?: {
    /** The field that selects the view's rows. */
    readonly field: string;
    /** Its value on them. */
    readonly value: string;
  };
  /** The fields, in the order Ivanti writes them. */
  readonly fields: readonly FieldDef[];
  /** Fields (technical names) a create must give (or a link's `X`). */
  readonly required: readonly string[];
  /** Relationships. */
  readonly relationships: readonly RelationshipDef[];
  /** Quick actions. */
  readonly quickActions: readonly QuickActionDef[];
  /** Saved searches. */
  readonly savedSearches: readonly SavedSearchDef[];
  /** Keyword search (`$search`), when the object has indexed text. */
  readonly search?: {
    /** The fields searched. */
    readonly fields: readonly string[];
    /** Words match the start of a word (tickets) or any substring (people). */
    readonly mode: 'word-prefix' | 'substring';
    /** Whether a ticket's notes are searched too. */
    readonly includeNotes?: boolean;
  };
  /** The fields indexed for `eq` look-ups. */
  readonly indexed: readonly string[];
}

const field = (name: string, type: FieldType, write: FieldWrite = 'free', display = name): FieldDef => ({ name, type, display, write });
const text = (name: string, display = name): FieldDef => field(name, 'String', 'free', display);
const engine = (name: string, type: FieldType = 'String', display = name): FieldDef => field(name, type, 'engine', display);
const date = (name: string, write: FieldWrite = 'free'): FieldDef => field(name, 'DateTimeOffset', write);
const flag = (name: string, write: FieldWrite = 'free'): FieldDef => field(name, 'Boolean', write);
/** A validated field and its `_Valid` companion. */
const pick = (name: string, picklist: PicklistName, display = name): FieldDef[] => [
  { name, type: 'String', display, write: 'free', picklist },
  engine(`${name}_Valid`),
];
/** A link triple: `X` (the RecId), `X_RecID` (the same), `X_Category` (the object name). */
const link = (name: string, targets: readonly TableName[], display = name): FieldDef[] => [
  { name, type: 'String', display, write: 'free', linkTargets: targets },
  { name: `${name}_RecID`, type: 'String', display, write: 'free', linkOf: name },
  { name: `${name}_Category`, type: 'String', display, write: 'free', linkOf: name },
];
const stamps = (): FieldDef[] => [field('CreatedBy', 'String', 'create'), date('CreatedDateTime', 'engine'), engine('LastModBy'), date('LastModDateTime', 'engine')];

/**
 * The custom text field this tenant's administrator added to Incident, ServiceReq and Journal
 * (Configuration Console → Build → Business Objects → Fields), for integrations to keep an
 * idempotency key with what they create: `IdempotencyKey` (Text, 255). A stock tenant has no such
 * field; the connector's `idempotencyField` and `noteIdempotencyField` options name it.
 *
 * @category Definitions
 */
export const IDEMPOTENCY_FIELD = 'IdempotencyKey';

/** The custom field {@link IDEMPOTENCY_FIELD}. */
const idempotencyKey = (): FieldDef => text(IDEMPOTENCY_FIELD, 'Idempotency Key');

const INCIDENT: BusinessObjectDef = {
  entitySet: 'incidents',
  name: 'Incident',
  adminId: 'Incident#',
  csdlType: 'incident',
  table: 'incidents',
  fields: [
    engine('RecId'),
    engine('IncidentNumber', 'Int32', 'Incident ID'),
    text('Subject', 'Summary'),
    text('Symptom', 'Description'),
    ...pick('Status', 'IncidentStatus'),
    ...pick('Priority', 'Priority'),
    ...pick('Urgency', 'Urgency'),
    ...pick('Impact', 'Impact'),
    ...pick('Category', 'IncidentCategory'),
    ...pick('Service', 'Service'),
    ...pick('Source', 'Source'),
    ...pick('TypeOfIncident', 'TypeOfIncident', 'Type'),
    ...link('ProfileLink', ['employees'], 'Customer'),
    engine('ProfileFullName'),
    engine('Email'),
    engine('Phone'),
    engine('LoginId'),
    text('CustomerLocation', 'Customer Location'),
    flag('IsVIP', 'engine'),
    ...pick('Owner', 'Owner'),
    engine('OwnerType'),
    engine('OwnerEmail'),
    ...pick('OwnerTeam', 'Team', 'Team'),
    text('Resolution'),
    ...pick('CauseCode', 'CauseCode', 'Cause Code'),
    engine('ResolvedBy'),
    date('ResolvedDateTime', 'engine'),
    engine('ClosedBy'),
    date('ClosedDateTime', 'engine'),
    flag('FirstCallResolution'),
    engine('SocialTextHeader'),
    idempotencyKey(),
    ...stamps(),
    flag('IsInFinalState', 'engine'),
    flag('ReadOnly', 'engine'),
  ],
  required: ['Subject', 'Symptom', 'ProfileLink'],
  relationships: [
    { name: 'IncidentContainsJournal', target: 'journals', via: { kind: 'parent' } },
    { name: 'IncidentContainsAttachment', target: 'attachments', via: { kind: 'parent' } },
    { name: 'IncidentOwnerEmployee', target: 'employees', via: { kind: 'reference', field: 'Owner_Valid' } },
    { name: 'IncidentAssociatedServiceReq', target: 'servicereqs', via: { kind: 'association', reverse: false } },
  ],
  quickActions: [
    { name: 'Resolve_Incident', kind: 'resolve' },
    { name: 'Close_Incident', kind: 'close' },
    { name: 'Reopen_Incident', kind: 'reopen' },
    { name: 'Print_Incident', kind: 'ui' },
  ],
  savedSearches: [
    { name: 'My_Open_Incidents', kind: 'mine-open' },
    { name: 'All_Open_Incidents', kind: 'open' },
    { name: 'Unassigned_Incidents', kind: 'unassigned' },
    { name: 'Resolved_This_Week', kind: 'resolved-this-week' },
  ],
  search: { fields: ['Subject', 'Symptom', 'Resolution'], mode: 'word-prefix', includeNotes: true },
  indexed: ['IncidentNumber', 'Status', 'ProfileLink_RecID', 'Owner', 'OwnerTeam', IDEMPOTENCY_FIELD],
};

const SERVICE_REQUEST: BusinessObjectDef = {
  entitySet: 'servicereqs',
  name: 'ServiceReq',
  adminId: 'ServiceReq#',
  csdlType: 'servicereq',
  table: 'servicereqs',
  fields: [
    engine('RecId'),
    engine('ServiceReqNumber', 'Int32', 'Request ID'),
    text('Subject', 'Summary'),
    text('Symptom', 'Description'),
    ...pick('Status', 'ServiceReqStatus'),
    ...pick('Urgency', 'Urgency'),
    ...pick('Impact', 'Impact'),
    ...pick('Priority', 'Priority'),
    ...pick('Service', 'Service'),
    ...pick('Source', 'Source'),
    ...link('ProfileLink', ['employees'], 'Contact Link'),
    engine('ProfileFullName'),
    engine('ProfileLoginId'),
    engine('Email'),
    engine('Phone'),
    ...link('AlternateContactLink', ['employees'], 'Alternate Contact'),
    text('CustomerLocation', 'Customer Location'),
    ...pick('Owner', 'Owner'),
    engine('OwnerEmail'),
    ...pick('OwnerTeam', 'Team', 'Team'),
    ...link('SvcReqTmplLink', ['servicereqtemplates'], 'Request Offering'),
    flag('IsDraft', 'engine'),
    flag('Cancelable', 'engine'),
    flag('IsEditable', 'engine'),
    text('Resolution'),
    engine('ResolvedBy'),
    date('ResolvedDateTime', 'engine'),
    engine('ClosedBy'),
    date('ClosedDateTime', 'engine'),
    engine('SocialTextHeader'),
    idempotencyKey(),
    ...stamps(),
    flag('IsInFinalState', 'engine'),
    flag('ReadOnly', 'engine'),
  ],
  required: ['Symptom', 'ProfileLink'],
  relationships: [
    { name: 'ServiceReqContainsJournal', target: 'journals', via: { kind: 'parent' } },
    { name: 'ServiceReqContainsAttachment', target: 'attachments', via: { kind: 'parent' } },
    { name: 'ServiceReqContainsServiceReqParam', target: 'servicereqparams', via: { kind: 'parent' } },
    { name: 'ServiceReqAssociatedIncident', target: 'incidents', via: { kind: 'association', reverse: true } },
  ],
  quickActions: [
    { name: 'Fulfill_ServiceReq', kind: 'resolve' },
    { name: 'Close_ServiceReq', kind: 'close' },
    { name: 'Cancel_ServiceReq', kind: 'cancel' },
    { name: 'Reopen_ServiceReq', kind: 'reopen' },
  ],
  savedSearches: [
    { name: 'My_Open_ServiceReqs', kind: 'mine-open' },
    { name: 'All_Open_ServiceReqs', kind: 'open' },
  ],
  search: { fields: ['Subject', 'Symptom', 'Resolution'], mode: 'word-prefix', includeNotes: true },
  indexed: ['ServiceReqNumber', 'Status', 'ProfileLink_RecID', 'Owner', 'SvcReqTmplLink_RecID', IDEMPOTENCY_FIELD],
};

const EMPLOYEE: BusinessObjectDef = {
  entitySet: 'employees',
  name: 'Employee',
  adminId: 'Employee#',
  csdlType: 'employee',
  table: 'employees',
  fields: [
    engine('RecId'),
    text('LoginID', 'Login ID'),
    text('PrimaryEmail', 'Primary Email'),
    text('FirstName', 'First Name'),
    text('MiddleName', 'Middle Name'),
    text('LastName', 'Last Name'),
    engine('DisplayName', 'String', 'Display Name'),
    ...pick('Status', 'EmployeeStatus'),
    flag('Disabled'),
    text('Department'),
    text('Team'),
    text('Title', 'Job Title'),
    text('Phone1', 'Phone'),
    text('EmployeeLocation', 'Location'),
    text('ManagerEmail', 'Manager Email'),
    flag('IsManager'),
    flag('IsVIP'),
    engine('PrimaryRole'),
    flag('IsLDAPUserAccountEnabled'),
    ...stamps(),
  ],
  required: ['LoginID', 'LastName', 'PrimaryEmail'],
  relationships: [],
  quickActions: [],
  savedSearches: [],
  search: { fields: ['DisplayName', 'FirstName', 'LastName', 'LoginID', 'PrimaryEmail', 'Department', 'Title', 'Team'], mode: 'substring' },
  indexed: ['LoginID', 'PrimaryEmail', 'Status', 'Team'],
};

const JOURNAL_FIELDS: readonly FieldDef[] = [
  engine('RecId'),
  text('Subject', 'Summary'),
  text('NotesBody', 'Notes'),
  engine('DisplayText'),
  ...pick('Category', 'JournalCategory'),
  ...pick('Source', 'JournalSource'),
  text('JournalType', 'Journal Type'),
  ...link('ParentLink', ['incidents', 'servicereqs'], 'Parent'),
  flag('PublishToWeb'),
  flag('IsUnRead', 'engine'),
  flag('ReadOnly', 'engine'),
  idempotencyKey(),
  ...stamps(),
];

const JOURNAL: BusinessObjectDef = {
  entitySet: 'journals',
  name: 'Journal',
  adminId: 'Journal#',
  csdlType: 'journal',
  table: 'journals',
  fields: JOURNAL_FIELDS,
  required: ['JournalType', 'Subject'],
  relationships: [],
  quickActions: [],
  savedSearches: [],
  indexed: ['ParentLink_RecID', 'JournalType'],
};

const JOURNAL_NOTES: BusinessObjectDef = {
  ...JOURNAL,
  entitySet: 'journal__notess',
  adminId: 'Journal#Notes',
  csdlType: 'journal__notes',
  view: { field: 'JournalType', value: 'Notes' },
  required: ['Subject'],
};

const ATTACHMENT: BusinessObjectDef = {
  entitySet: 'attachments',
  name: 'Attachment',
  adminId: 'Attachment#',
  csdlType: 'attachment',
  table: 'attachments',
  fields: [
    engine('RecId'),
    engine('ATTACHNAME', 'String', 'File Name'),
    engine('ATTACHSIZE', 'Int32', 'File Size'),
    engine('ATTACHTYPE', 'String', 'Content Type'),
    ...link('ParentLink', ['incidents', 'servicereqs'], 'Parent'),
    ...stamps(),
  ],
  required: [],
  relationships: [],
  quickActions: [],
  savedSearches: [],
  indexed: ['ParentLink_RecID'],
};

const TEMPLATE: BusinessObjectDef = {
  entitySet: 'servicereqtemplates',
  name: 'ServiceReqTemplate',
  adminId: 'ServiceReqTemplate#',
  csdlType: 'servicereqtemplate',
  table: 'servicereqtemplates',
  fields: [
    engine('RecId'),
    text('Name'),
    text('Description'),
    ...pick('Status', 'TemplateStatus'),
    text('Category'),
    ...pick('Service', 'Service'),
    ...pick('OwnerTeam', 'Team', 'Team'),
    field('Price', 'Double'),
    flag('RequiresApproval', 'free'),
    text('ConfigOptions', 'Config Options'),
    ...stamps(),
  ],
  required: ['Name'],
  relationships: [{ name: 'ServiceReqTemplateContainsServiceReqTemplateParam', target: 'servicereqtemplateparams', via: { kind: 'parent' } }],
  quickActions: [],
  savedSearches: [],
  search: { fields: ['Name', 'Description', 'Category'], mode: 'word-prefix' },
  indexed: ['Status', 'Name'],
};

const TEMPLATE_PARAM: BusinessObjectDef = {
  entitySet: 'servicereqtemplateparams',
  name: 'ServiceReqTemplateParam',
  adminId: 'ServiceReqTemplateParam#',
  csdlType: 'servicereqtemplateparam',
  table: 'servicereqtemplateparams',
  fields: [
    engine('RecId'),
    text('Name'),
    text('DisplayName', 'Display Name'),
    text('DisplayType', 'Display Type'),
    text('Description'),
    field('SequenceNum', 'Int32'),
    text('RequiredExpression', 'Required'),
    text('VisibilityExpression', 'Visible'),
    text('ReadOnlyExpression', 'Read Only'),
    text('DefaultValue', 'Default Value'),
    text('ValidationList_RecID', 'Validation List'),
    text('ValidationConstraints', 'Validation Constraints'),
    text('ConfigOptions', 'Config Options'),
    field('Price', 'Double'),
    flag('IsCalculated'),
    text('ValueExpression', 'Value Expression'),
    text('AutoFillExpression', 'Auto Fill Expression'),
    text('TriggerFields', 'Trigger Fields'),
    flag('RequiresSubscription'),
    ...link('ParentLink', ['servicereqtemplates'], 'Request Offering'),
    ...stamps(),
  ],
  required: ['Name'],
  relationships: [],
  quickActions: [],
  savedSearches: [],
  indexed: ['ParentLink_RecID'],
};

const REQUEST_PARAM: BusinessObjectDef = {
  entitySet: 'servicereqparams',
  name: 'ServiceReqParam',
  adminId: 'ServiceReqParam#',
  csdlType: 'servicereqparam',
  table: 'servicereqparams',
  fields: [
    engine('RecId'),
    text('ParameterName', 'Parameter Name'),
    text('DisplayName', 'Display Name'),
    text('ParameterValue', 'Value'),
    text('ParameterValueRecId', 'Value RecId'),
    field('SequenceNum', 'Int32'),
    ...link('SvcReqTmplParamLink', ['servicereqtemplateparams'], 'Template Parameter'),
    ...link('ParentLink', ['servicereqs'], 'Service Request'),
    ...stamps(),
  ],
  required: ['ParameterName'],
  relationships: [],
  quickActions: [],
  savedSearches: [],
  indexed: ['ParentLink_RecID'],
};

const CONTACT: BusinessObjectDef = {
  entitySet: 'frs_compositecontract_contacts',
  name: 'Frs_CompositeContract_Contact',
  adminId: 'Frs_CompositeContract_Contact#',
  csdlType: 'frs_compositecontract_contact',
  table: 'contacts',
  fields: [
    engine('RecId'),
    engine('DisplayName', 'String', 'Display Name'),
    engine('FirstName', 'String', 'First Name'),
    engine('LastName', 'String', 'Last Name'),
    engine('NetworkUserName', 'String', 'Network User Name'),
    engine('PrimaryEmail', 'String', 'Email'),
    engine('EmployeeLocation', 'String', 'Employee Location'),
    engine('Status'),
    engine('ContactType', 'String', 'Type'),
    ...stamps(),
  ],
  required: [],
  relationships: [],
  quickActions: [],
  savedSearches: [],
  search: { fields: ['DisplayName', 'NetworkUserName', 'PrimaryEmail'], mode: 'substring' },
  indexed: ['NetworkUserName', 'PrimaryEmail'],
};

const TEAM: BusinessObjectDef = {
  entitySet: 'standarduserteams',
  name: 'StandardUserTeam',
  adminId: 'StandardUserTeam#',
  csdlType: 'standarduserteam',
  table: 'teams',
  fields: [engine('RecId'), text('Team'), text('TeamEmail', 'Team Email'), text('Department'), text('Description'), ...stamps()],
  required: ['Team'],
  relationships: [],
  quickActions: [],
  savedSearches: [],
  indexed: ['Team'],
};

/**
 * Every business object served, by entity set.
 *
 * @category Definitions
 */
export const BUSINESS_OBJECTS: Readonly<Record<EntitySetName, BusinessObjectDef>> = {
  incidents: INCIDENT,
  servicereqs: SERVICE_REQUEST,
  employees: EMPLOYEE,
  journals: JOURNAL,
  journal__notess: JOURNAL_NOTES,
  attachments: ATTACHMENT,
  servicereqtemplates: TEMPLATE,
  servicereqtemplateparams: TEMPLATE_PARAM,
  servicereqparams: REQUEST_PARAM,
  frs_compositecontract_contacts: CONTACT,
  standarduserteams: TEAM,
};

/** The business object of an entity-set name (any case), or `undefined`. */
export function businessObject(entitySet: string): BusinessObjectDef | undefined {
  const key = entitySet.toLowerCase();
  return Object.hasOwn(BUSINESS_OBJECTS, key) ? BUSINESS_OBJECTS[key as EntitySetName] : undefined;
}

/** The field of an object by its exact (case-sensitive) name, or `undefined`. */
export function fieldOf(object: BusinessObjectDef, name: string): FieldDef | undefined {
  return fieldMaps.get(object)?.get(name);
}

const fieldMaps = new Map<BusinessObjectDef, Map<string, FieldDef>>(
  Object.values(BUSINESS_OBJECTS).map((object) => [object, new Map(object.fields.map((item) => [item.name, item]))]),
);

/** The business object that owns a store's rows (the group for a shared store). */
export function objectOfTable(table: TableName): BusinessObjectDef {
  const found = Object.values(BUSINESS_OBJECTS).find((object) => object.table === table && object.view === undefined);
  if (found === undefined) throw new Error(`no business object for table ${table}`);
  return found;
}

/**
 * The object name a `ParentLink_Category` (or an upload's `objectType`) names, in any of the
 * spellings Ivanti accepts: `Incident`, `incident`, `Incident#`, `incident#` → `incidents`.
 */
export function tableOfCategory(category: string): TableName | undefined {
  const name = category.trim().replace(/#.*$/u, '').toLowerCase();
  const found = Object.values(BUSINESS_OBJECTS).find((object) => object.view === undefined && object.name.toLowerCase() === name);
  return found?.table;
}
