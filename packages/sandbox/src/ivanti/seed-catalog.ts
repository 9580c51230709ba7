/**
 * The seeded service catalog: ten request offerings with realistic forms — required and optional
 * fields, text with a maximum length or a pattern, multi-line text, numbers with a range, dates,
 * date-times, checkboxes, single choices and a multi-select backed by validation lists, two
 * dependent lists (a laptop model by device type, a finance role by system), user pickers over the
 * employees, help text, defaults, headings and labels, and a field that is shown and required only
 * when a checkbox is ticked. Subscriptions make one offering Finance-only and two managers-only;
 * one offering is a draft and one is "Published" rather than "Published (Automatic)".
 *
 * @module
 */
import type { Random } from '../random.js';
import { buildRow } from './write.js';
import { BUSINESS_OBJECTS } from './schema.js';
import type { Subscription, SubscriptionAudience, ValidationList, ValidationListEntry } from './store.js';
import type { Row } from './table.js';

/** A form field of a seeded offering. */
interface ParamSeed {
  readonly name: string;
  readonly label: string;
  readonly type: 'category' | 'label' | 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'checkbox' | 'combo' | 'list';
  readonly help?: string;
  /** `RequiredExpression`; default `$(false)`. */
  readonly required?: string;
  /** `VisibilityExpression`; default `$(true)`. */
  readonly visible?: string;
  readonly defaultValue?: string;
  /** The key of the validation list (see {@link LISTS}). */
  readonly list?: ListKey;
  /** For a dependent list: the parameter whose answer constrains it (also the list's constraint field). */
  readonly dependsOn?: string;
  readonly config?: Readonly<Record<string, unknown>>;
}

/** A seeded offering. */
interface OfferingSeed {
  readonly key: OfferingKey;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly service: string;
  readonly team: string;
  readonly status: string;
  readonly price: number;
  readonly approval: boolean;
  readonly audience: SubscriptionAudience;
  readonly params: readonly ParamSeed[];
}

/** The seeded offerings' keys. */
export type OfferingKey = 'laptop' | 'software' | 'share' | 'password' | 'onboarding' | 'mobile' | 'finance' | 'offboarding' | 'vpnToken' | 'meetingRoom';

type ListKey =
  | 'deviceTypes'
  | 'deviceModels'
  | 'accessories'
  | 'employees'
  | 'software'
  | 'shares'
  | 'accessLevels'
  | 'applications'
  | 'departments'
  | 'locations'
  | 'phoneModels'
  | 'mobilePlans'
  | 'financeSystems'
  | 'financeRoles'
  | 'rooms';

const CITIES = ['Amsterdam', 'Austin', 'Berlin', 'Chicago', 'Dublin', 'London', 'Madrid', 'Mumbai', 'Singapore', 'Sydney', 'Tokyo', 'Toronto'];
const BUILDINGS = ['Building A', 'Building B', 'Warehouse', 'Head Office'];

/** The values of each list; a dependent list's entries carry the value of their constraint. */
const LISTS: Readonly<Record<Exclude<ListKey, 'employees'>, readonly { value: string; label?: string; constraint?: Readonly<Record<string, string>> }[]>> = {
  deviceTypes: ['Laptop', 'Desktop', 'Tablet'].map((value) => ({ value })),
  deviceModels: [
    ...['ThinkPad T14 Gen 4', 'Latitude 5440', 'EliteBook 840 G10', 'MacBook Pro 14'].map((value) => ({ value, constraint: { DeviceType: 'Laptop' } })),
    ...['OptiPlex 7010', 'ThinkCentre M90q'].map((value) => ({ value, constraint: { DeviceType: 'Desktop' } })),
    ...['iPad Air 11', 'Surface Pro 9'].map((value) => ({ value, constraint: { DeviceType: 'Tablet' } })),
  ],
  accessories: ['Docking station', '27" monitor', 'Headset', 'Keyboard and mouse', 'Laptop bag'].map((value) => ({ value })),
  software: ['Adobe Acrobat Pro', 'Visual Studio Code', 'Tableau', 'Power BI Desktop', 'Microsoft Visio', 'Python 3', 'Docker Desktop', 'Figma'].map((value) => ({ value })),
  shares: ['Finance', 'Marketing Assets', 'Projects', 'HR Confidential', 'Sales Reports', 'Engineering'].map((value) => ({ value, label: `\\\\files\\${value}` })),
  accessLevels: ['Read only', 'Read and write'].map((value) => ({ value })),
  applications: ['Salesforce', 'Workday', 'SAP', 'Microsoft Teams', 'Outlook', 'SharePoint', 'Slack', 'Zoom', 'Confluence'].map((value) => ({ value })),
  departments: ['Finance', 'Human Resources', 'Sales', 'Marketing', 'Engineering', 'Operations', 'Legal', 'Customer Support', 'Procurement', 'IT'].map((value) => ({ value })),
  locations: CITIES.flatMap((city) => BUILDINGS.map((building) => ({ value: `${city} - ${building}` }))),
  phoneModels: ['iPhone 15', 'iPhone 15 Pro', 'Samsung Galaxy S24', 'Google Pixel 8'].map((value) => ({ value })),
  mobilePlans: ['Standard (10 GB)', 'Unlimited', 'Travel (EU roaming)'].map((value) => ({ value })),
  financeSystems: ['SAP FI', 'Coupa', 'Concur', 'Anaplan'].map((value) => ({ value })),
  financeRoles: [
    ...['Viewer', 'Accountant', 'Approver'].map((value) => ({ value, constraint: { System: 'SAP FI' } })),
    ...['Requester', 'Approver'].map((value) => ({ value, constraint: { System: 'Coupa' } })),
    ...['Traveller', 'Approver', 'Auditor'].map((value) => ({ value, constraint: { System: 'Concur' } })),
    ...['Planner', 'Viewer'].map((value) => ({ value, constraint: { System: 'Anaplan' } })),
  ],
  rooms: ['Atlas', 'Borealis', 'Cypress', 'Delta', 'Everest', 'Fjord'].map((value) => ({ value })),
};

const PICKER = { configData: { validationListAdditionalConfig: [{ boName: 'Employee#' }] } };
const LIST = { configData: { validationListAdditionalConfig: [{ boName: 'FRS_ValidationList#' }] } };
const EVERYONE: SubscriptionAudience = { kind: 'everyone' };
const MANAGERS: SubscriptionAudience = { kind: 'managers' };

/** The department whose members alone see the finance offering. */
export const FINANCE_DEPARTMENT = 'Finance';

const OFFERINGS: readonly OfferingSeed[] = [
  {
    key: 'laptop',
    name: 'New Laptop Request',
    description: 'Request a new or replacement laptop, desktop or tablet, with accessories.',
    category: 'Hardware',
    service: 'Desktop Service',
    team: 'Desktop Support',
    status: 'Published (Automatic)',
    price: 1450,
    approval: true,
    audience: EVERYONE,
    params: [
      { name: 'DeviceSection', label: 'Device', type: 'category' },
      { name: 'DeviceType', label: 'Device type', type: 'combo', list: 'deviceTypes', required: '$(true)', help: 'What kind of device do you need?' },
      { name: 'DeviceModel', label: 'Model', type: 'combo', list: 'deviceModels', dependsOn: 'DeviceType', required: '$(true)', help: 'The models available for the device type you chose.' },
      { name: 'Accessories', label: 'Accessories', type: 'list', list: 'accessories', help: 'Pick any accessories you need with the device.' },
      { name: 'Quantity', label: 'Quantity', type: 'number', required: '$(true)', defaultValue: '1', config: { minValue: 1, maxValue: 5 } },
      { name: 'NeededBy', label: 'Needed by', type: 'date', required: '$(true)', help: 'The date you need the device by.' },
      { name: 'BusinessJustification', label: 'Business justification', type: 'textarea', required: 'true', config: { maxLength: 500 } },
      { name: 'CostCenter', label: 'Cost center', type: 'text', required: '$(true)', help: 'Your cost center, e.g. CC-1234.', config: { maxLength: 7, regex: '^CC-\\d{4}$', regexMessage: 'Cost center must look like CC-1234.' } },
      { name: 'Manager', label: 'Approving manager', type: 'combo', list: 'employees', required: '$(true)', config: PICKER },
      { name: 'ExpressDelivery', label: 'Express delivery', type: 'checkbox', defaultValue: 'false' },
      { name: 'DeliveryAddress', label: 'Delivery address', type: 'textarea', required: '$(ExpressDelivery == true)', visible: '$(ExpressDelivery == true)', config: { maxLength: 250 } },
      { name: 'DeliveryNote', label: 'Laptops are delivered within five working days; express delivery within two.', type: 'label' },
    ],
  },
  {
    key: 'software',
    name: 'Software Installation',
    description: 'Install licensed software from the approved list on your computer.',
    category: 'Software',
    service: 'Desktop Service',
    team: 'Desktop Support',
    status: 'Published (Automatic)',
    price: 0,
    approval: false,
    audience: EVERYONE,
    params: [
      { name: 'SoftwareTitle', label: 'Software', type: 'combo', list: 'software', required: '$(true)', config: LIST },
      { name: 'Version', label: 'Version', type: 'text', help: 'Leave empty for the latest version.', config: { maxLength: 20 } },
      { name: 'LicenceRequired', label: 'I need a licence', type: 'checkbox', defaultValue: 'true' },
      { name: 'Justification', label: 'Why do you need it?', type: 'textarea', required: '$(true)', config: { maxLength: 300 } },
      { name: 'InstallBy', label: 'Install by', type: 'datetime', help: 'When the installation may happen at the latest.' },
    ],
  },
  {
    key: 'share',
    name: 'Access to a Shared Drive',
    description: 'Request read or write access to a department share.',
    category: 'Access',
    service: 'Identity Management',
    team: 'Identity Management',
    status: 'Published (Automatic)',
    price: 0,
    approval: true,
    audience: EVERYONE,
    params: [
      { name: 'Share', label: 'Shared drive', type: 'combo', list: 'shares', required: '$(true)', config: LIST },
      { name: 'AccessLevel', label: 'Access level', type: 'combo', list: 'accessLevels', required: '$(true)', config: LIST },
      { name: 'AccessUntil', label: 'Access until', type: 'datetime', help: 'Leave empty for permanent access.' },
      { name: 'Approver', label: 'Data owner', type: 'combo', list: 'employees', required: '$(true)', help: 'The person who owns the data on the share.', config: PICKER },
    ],
  },
  {
    key: 'password',
    name: 'Password Reset',
    description: 'Reset a password or unlock an account for a business application.',
    category: 'Access',
    service: 'Identity Management',
    team: 'Service Desk',
    status: 'Published (Automatic)',
    price: 0,
    approval: false,
    audience: EVERYONE,
    params: [
      { name: 'Application', label: 'Application', type: 'combo', list: 'applications', required: '$(true)', config: LIST },
      { name: 'LockedOut', label: 'My account is locked', type: 'checkbox', defaultValue: 'false' },
      { name: 'Details', label: 'Anything else we should know?', type: 'textarea', config: { maxLength: 1000 } },
    ],
  },
  {
    key: 'onboarding',
    name: 'New Starter Onboarding',
    description: 'Accounts, equipment and access for a new member of your team.',
    category: 'HR',
    service: 'HR Services',
    team: 'Service Desk',
    status: 'Published (Automatic)',
    price: 0,
    approval: false,
    audience: MANAGERS,
    params: [
      { name: 'StarterSection', label: 'New starter', type: 'category' },
      { name: 'FirstName', label: 'First name', type: 'text', required: '$(true)', config: { maxLength: 50 } },
      { name: 'LastName', label: 'Last name', type: 'text', required: '$(true)', config: { maxLength: 50 } },
      { name: 'StartDate', label: 'Start date', type: 'date', required: '$(true)' },
      { name: 'Department', label: 'Department', type: 'combo', list: 'departments', required: '$(true)', config: LIST },
      { name: 'Location', label: 'Office', type: 'combo', list: 'locations', required: '$(true)', help: 'Type to narrow the list of offices.', config: LIST },
      { name: 'Manager', label: 'Line manager', type: 'combo', list: 'employees', required: '$(true)', config: PICKER },
      { name: 'NeedsLaptop', label: 'Needs a laptop', type: 'checkbox', defaultValue: 'true' },
      { name: 'Equipment', label: 'Other equipment', type: 'list', list: 'accessories' },
    ],
  },
  {
    key: 'mobile',
    name: 'Mobile Phone Request',
    description: 'A company mobile phone with a calling plan.',
    category: 'Hardware',
    service: 'Mobile Service',
    team: 'Desktop Support',
    status: 'Published (Automatic)',
    price: 650,
    approval: true,
    audience: EVERYONE,
    params: [
      { name: 'PhoneModel', label: 'Phone', type: 'combo', list: 'phoneModels', required: '$(true)', config: LIST },
      { name: 'Plan', label: 'Plan', type: 'combo', list: 'mobilePlans', required: '$(true)', config: LIST },
      { name: 'PortNumber', label: 'Keep my existing number', type: 'checkbox', defaultValue: 'false' },
      {
        name: 'ExistingNumber',
        label: 'Existing number',
        type: 'text',
        required: '$(PortNumber == true)',
        visible: '$(PortNumber == true)',
        config: { maxLength: 16, regex: '^\\+?[0-9 ]{7,15}$', regexMessage: 'Enter the number in international format, e.g. +44 20 7946 0000.' },
      },
    ],
  },
  {
    key: 'finance',
    name: 'Finance System Access',
    description: 'Access to the finance systems, for members of the Finance department.',
    category: 'Access',
    service: 'Application Hosting',
    team: 'Application Support',
    status: 'Published (Automatic)',
    price: 0,
    approval: true,
    audience: { kind: 'department', department: FINANCE_DEPARTMENT },
    params: [
      { name: 'System', label: 'System', type: 'combo', list: 'financeSystems', required: '$(true)', config: LIST },
      { name: 'Role', label: 'Role in the system', type: 'combo', list: 'financeRoles', dependsOn: 'System', required: '$(true)', config: LIST },
      { name: 'Reason', label: 'Reason', type: 'textarea', required: '$(true)', config: { maxLength: 400 } },
    ],
  },
  {
    key: 'offboarding',
    name: 'Leaver Offboarding',
    description: 'Disable the accounts of someone leaving your team and arrange the return of their equipment.',
    category: 'HR',
    service: 'HR Services',
    team: 'Identity Management',
    status: 'Published (Automatic)',
    price: 0,
    approval: false,
    audience: MANAGERS,
    params: [
      { name: 'Leaver', label: 'Who is leaving?', type: 'combo', list: 'employees', required: '$(true)', config: PICKER },
      { name: 'LastDay', label: 'Last working day', type: 'date', required: '$(true)' },
      { name: 'ForwardEmailTo', label: 'Forward e-mail to', type: 'combo', list: 'employees', config: PICKER },
      { name: 'ReturnEquipment', label: 'Equipment to collect', type: 'list', list: 'accessories' },
    ],
  },
  {
    key: 'vpnToken',
    name: 'VPN Hardware Token',
    description: 'A hardware token for VPN access (being redesigned).',
    category: 'Access',
    service: 'Network Service',
    team: 'Network Operations',
    status: 'Draft',
    price: 40,
    approval: false,
    audience: EVERYONE,
    params: [{ name: 'Reason', label: 'Reason', type: 'textarea', required: '$(true)' }],
  },
  {
    key: 'meetingRoom',
    name: 'Meeting Room AV Support',
    description: 'Book a technician to set up audio and video for a meeting.',
    category: 'Facilities',
    service: 'Service Desk',
    team: 'Service Desk',
    status: 'Published',
    price: 0,
    approval: false,
    audience: EVERYONE,
    params: [
      { name: 'Room', label: 'Meeting room', type: 'combo', list: 'rooms', required: '$(true)', config: LIST },
      { name: 'MeetingStart', label: 'Meeting starts', type: 'datetime', required: '$(true)' },
      { name: 'Notes', label: 'Notes for the technician', type: 'textarea', config: { maxLength: 500 } },
    ],
  },
];

/** What the catalog seed produced. */
export interface SeededCatalog {
  readonly templates: Row[];
  readonly params: Row[];
  readonly validationLists: Map<string, ValidationList>;
  readonly subscriptions: Map<string, Subscription>;
  /** Offering key → its template RecId and subscription id. */
  readonly offerings: ReadonlyMap<OfferingKey, { readonly templateRecId: string; readonly subscriptionId: string; readonly name: string }>;
}

function recId(random: Random): string {
  return random.hex(32).toUpperCase();
}

/** Builds the catalog; `stamp` dates its rows, `author` creates them. */
export function seedCatalog(random: Random, stamp: number, author: string): SeededCatalog {
  const validationLists = new Map<string, ValidationList>();
  const listIds = new Map<ListKey, string>();
  for (const key of [...Object.keys(LISTS), 'employees'] as ListKey[]) {
    const id = recId(random);
    listIds.set(key, id);
    const entries: ValidationListEntry[] =
      key === 'employees'
        ? []
        : LISTS[key].map((entry) => ({ recId: recId(random), value: entry.value, label: entry.label ?? entry.value, ...(entry.constraint === undefined ? {} : { constraints: entry.constraint }) }));
    validationLists.set(id, { recId: id, name: key, entries, ...(key === 'employees' ? { source: 'employees' as const } : {}) });
  }
  const stamps = { CreatedBy: author, CreatedDateTime: stamp, LastModBy: author, LastModDateTime: stamp };
  const templates: Row[] = [];
  const params: Row[] = [];
  const subscriptions = new Map<string, Subscription>();
  const offerings = new Map<OfferingKey, { templateRecId: string; subscriptionId: string; name: string }>();
  for (const offering of OFFERINGS) {
    const template = buildRow(BUSINESS_OBJECTS.servicereqtemplates, recId(random), {
      Name: offering.name,
      Description: offering.description,
      Status: offering.status,
      Category: offering.category,
      Service: offering.service,
      OwnerTeam: offering.team,
      Price: offering.price,
      RequiresApproval: offering.approval,
      ConfigOptions: JSON.stringify({ columns: 2, showPrice: offering.price > 0, currency: 'USD', layout: 'ServiceReq.ResponsiveAnalyst.DefaultLayout' }),
      ...stamps,
    });
    templates.push(template);
    const subscriptionId = recId(random);
    subscriptions.set(subscriptionId, { subscriptionId, templateRecId: template.RecId, audience: offering.audience });
    offerings.set(offering.key, { templateRecId: template.RecId, subscriptionId, name: offering.name });
    offering.params.forEach((param, index) => {
      params.push(
        buildRow(BUSINESS_OBJECTS.servicereqtemplateparams, recId(random), {
          Name: param.name,
          DisplayName: param.label,
          DisplayType: param.type,
          Description: param.help ?? null,
          SequenceNum: (index + 1) * 10,
          RequiredExpression: param.required ?? '$(false)',
          VisibilityExpression: param.visible ?? '$(true)',
          ReadOnlyExpression: '$(false)',
          DefaultValue: param.defaultValue ?? null,
          ValidationList_RecID: param.list === undefined ? null : (listIds.get(param.list) ?? null),
          ValidationConstraints: param.dependsOn === undefined ? null : JSON.stringify([{ ConstraintFieldName: param.dependsOn, FormFieldName: param.dependsOn }]),
          ConfigOptions: param.config === undefined ? null : JSON.stringify(param.config),
          IsCalculated: false,
          TriggerFields: param.dependsOn ?? null,
          RequiresSubscription: false,
          ParentLink: template.RecId,
          ParentLink_RecID: template.RecId,
          ParentLink_Category: 'ServiceReqTemplate',
          ...stamps,
        }),
      );
    });
  }
  return { templates, params, validationLists, subscriptions, offerings };
}

/** The offering a seeded service request of a helpdesk topic was raised from. */
export const OFFERING_BY_TOPIC: Readonly<Record<string, OfferingKey>> = {
  password_reset: 'password',
  access_request: 'share',
  software: 'software',
  mobile: 'mobile',
  onboarding: 'onboarding',
  offboarding: 'offboarding',
};
