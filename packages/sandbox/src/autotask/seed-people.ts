/**
 * The seeded organisation: the MSP's own company (id 0) with its staff as resources (agents with
 * service desk roles, one inactive, and the API-only user of the sandbox's credentials), and its
 * customers as companies with contacts. Among the contacts: some with a second address
 * (`emailAddress2`), some inactive, and one person registered twice under two customers with the
 * same e-mail address (the ambiguous lookup a bot must refuse).
 *
 * @module
 */
import { companies, companyDomain, jobTitle, people, type Person } from '../data.js';
import { Random } from '../random.js';
import { COMPANY_CUSTOMER, LICENSE_API_USER } from './picklists.js';
import type { SeededData, Company, Contact, Resource } from './store.js';
import type { FieldValue } from './table.js';

/** The MSP (the Autotask tenant) of a seed: its name and e-mail domain, the same in `credentials()` and `createState()`. */
export function mspCompany(seed: string): { name: string; domain: string } {
  const random = new Random(`${seed}/autotask/msp`);
  const name = `${random.pick(['Bluewave', 'Northpoint', 'Clearpath', 'Ironclad', 'Brightline', 'Keystone'])} IT Services`;
  return { name, domain: companyDomain(name) };
}

/** The API user's user name for a seed, as Autotask generates them (`<key>@<domain>`). */
export function apiUsername(seed: string): string {
  const random = new Random(`${seed}/autotask/api-user`);
  return `${random.hex(15)}@${mspCompany(seed).domain}`.toUpperCase().replace(/@.*/u, (domain) => domain.toLowerCase());
}

/** Service desk roles, by id. */
export const ROLES = {
  technician: { id: 29683460, name: 'Service Desk Technician' },
  engineer: { id: 29683461, name: 'Senior Engineer' },
  manager: { id: 29683462, name: 'Service Desk Manager' },
} as const;

/** The API user's resource id. */
export const API_USER_RESOURCE_ID = 29682885;

const DAY = 86_400_000;

function plain(fields: Record<string, FieldValue | undefined>): Record<string, FieldValue> {
  const record: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== null) record[name] = value;
  return record;
}

function phone(random: Random): string {
  return `+1 ${random.int(200, 989)} ${random.int(200, 999)} ${String(random.int(0, 9999)).padStart(4, '0')}`;
}

/** What the organisation seed tells the ticket seed and the facts. */
export interface SeededPeople {
  readonly agents: readonly Resource[];
  readonly inactiveAgent: Resource;
  readonly customers: readonly Company[];
  /** Active contacts by company id. */
  readonly contactsByCompany: ReadonlyMap<number, readonly Contact[]>;
  readonly duplicate: { readonly email: string; readonly contactIds: readonly [number, number] };
  readonly alias: { readonly id: number; readonly alias: string; readonly email: string };
  readonly inactiveContact: Contact;
}

/** Seeds resources, companies and contacts into the state. */
export function seedPeople(state: SeededData, random: Random, seed: string, username: string): SeededPeople {
  const until = state.seededUntil.getTime();
  const msp = mspCompany(seed);
  const { Resources, Companies, Contacts } = state.tables;

  Resources.insert(
    plain({
      id: API_USER_RESOURCE_ID,
      firstName: 'Workspace',
      lastName: 'API User',
      email: `api-user@${msp.domain}`,
      userName: username,
      isActive: true,
      licenseType: LICENSE_API_USER,
      resourceType: 'Employee',
      userType: 7,
      title: 'API User (system)',
      dateFormat: 'yyyy-MM-dd',
      timeFormat: 'HH:mm',
      numberFormat: 'X,XXX.XX',
    }) as unknown as Resource,
  );
  const roleList = [ROLES.technician, ROLES.engineer, ROLES.manager];
  for (const role of roleList) state.roles.set(role.id, role.name);
  const staff = people(random.fork('staff'), 10, { domain: msp.domain });
  const resources = staff.map((person, index) => {
    const defaultRole = index === 0 ? ROLES.manager : index % 3 === 2 ? ROLES.engineer : ROLES.technician;
    const resource = Resources.insert(
      plain({
        id: API_USER_RESOURCE_ID + 1 + index,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        userName: person.email.split('@')[0],
        isActive: index !== staff.length - 1,
        licenseType: 1,
        resourceType: 'Employee',
        userType: 1,
        title: jobTitle(random, { agent: true }),
        defaultServiceDeskRoleID: defaultRole.id,
        officePhone: phone(random),
        initials: `${person.firstName[0] ?? ''}${person.lastName[0] ?? ''}`,
        hireDate: until - random.int(200, 3000) * DAY,
        dateFormat: 'MM/dd/yyyy',
        timeFormat: 'h:mm a',
        numberFormat: 'X,XXX.XX',
        locationID: 1,
      }) as unknown as Resource,
    );
    state.resourceRoles.set(resource.id, new Set([defaultRole.id, ROLES.technician.id]));
    return resource;
  });
  const agents = resources.filter((resource) => resource.isActive);
  const inactiveAgent = resources.find((resource) => !resource.isActive) as Resource;
  const owner = agents[0] as Resource;

  const companyRecord = (id: number, name: string, type: number, active: boolean, created: number): Company =>
    Companies.insert(
      plain({
        id,
        companyName: name,
        companyType: type,
        isActive: active,
        ownerResourceID: owner.id,
        phone: phone(random),
        createDate: created,
        lastActivityDate: created,
        lastTrackedModifiedDateTime: created,
        createdByResourceID: owner.id,
        city: random.pick(['Austin', 'Denver', 'Portland', 'Raleigh', 'Columbus', 'Madison']),
        countryID: 237,
        webAddress: `www.${companyDomain(name)}`,
        isClientPortalActive: type === COMPANY_CUSTOMER,
        isTaskFireActive: false,
        isSample: false,
      }) as unknown as Company,
    );
  companyRecord(0, msp.name, 8, true, until - 3000 * DAY);
  const customerList = companies(random.fork('companies'), 11).filter((company) => company.domain !== msp.domain).slice(0, 10);
  const customers: Company[] = [];
  customerList.forEach((customer, index) => {
    const type = index === 8 ? 3 : index === 9 ? 4 : COMPANY_CUSTOMER;
    const company = companyRecord(174 + index, customer.name, type, index !== 9, until - random.int(400, 2500) * DAY);
    Companies.setUdf(company.id, 'Number of Employees', String(random.int(15, 900)));
    Companies.setUdf(company.id, 'CustomerRanking', random.pick(['Golden', 'Silver', 'Bronze']));
    if (type === COMPANY_CUSTOMER) customers.push(company);
  });

  const contactsByCompany = new Map<number, Contact[]>();
  let nextContactId = 29684001;
  const addContact = (company: Company, person: Person, extra: Record<string, FieldValue | undefined> = {}): Contact => {
    const created = until - random.int(30, 900) * DAY;
    const contact = Contacts.insert(
      plain({
        id: nextContactId,
        companyID: company.id,
        firstName: person.firstName,
        lastName: person.lastName,
        emailAddress: person.email,
        isActive: 1,
        phone: phone(random),
        mobilePhone: random.chance(0.6) ? phone(random) : undefined,
        title: jobTitle(random),
        createDate: created,
        lastActivityDate: created + random.int(0, 25) * DAY,
        lastModifiedDate: created + random.int(0, 25) * DAY,
        receivesEmailNotifications: true,
        primaryContact: false,
        billingContact: false,
        city: company.city,
        ...extra,
      }) as unknown as Contact,
    );
    nextContactId += 1;
    if (random.chance(0.3)) Contacts.setUdf(contact.id, 'Preferred Language', random.pick(['1', '1', '2', '3']));
    return contact;
  };
  for (const company of customers) {
    const domain = companyDomain(company.companyName);
    const staffOfCompany = people(random.fork(`contacts-${company.id}`), random.int(9, 18), { domain });
    const list: Contact[] = [];
    staffOfCompany.forEach((person, index) => {
      const alias = index % 7 === 3 ? `${person.firstName[0]?.toLowerCase() ?? ''}${person.email.split('@')[0]?.split('.')[1] ?? 'x'}@${domain}` : undefined;
      const contact = addContact(company, person, { primaryContact: index === 0, billingContact: index === 1, emailAddress2: alias, isActive: index % 11 === 10 ? 0 : 1 });
      if (contact.isActive === 1) list.push(contact);
    });
    contactsByCompany.set(company.id, list);
  }

  const [first, second] = customers as [Company, Company, ...Company[]];
  const drawn = people(random.fork('duplicate'), 1, { domain: companyDomain(first.companyName) })[0] as Person;
  const consultant: Person = { ...drawn, email: `it.${drawn.email}` };
  const twinA = addContact(first, consultant, { title: 'IT Coordinator' });
  const twinB = addContact(second, consultant, { title: 'External IT Coordinator', note: 'Registered twice: also a contact of another customer.' });
  const aliasContact = [...Contacts.rows()].find((contact) => contact.emailAddress2 !== undefined && contact.isActive === 1) as Contact;
  const inactiveContact = [...Contacts.rows()].find((contact) => contact.isActive === 0) as Contact;
  return {
    agents,
    inactiveAgent,
    customers,
    contactsByCompany,
    duplicate: { email: consultant.email, contactIds: [twinA.id, twinB.id] },
    alias: { id: aliasContact.id, alias: aliasContact.emailAddress2 ?? '', email: aliasContact.emailAddress ?? '' },
    inactiveContact,
  };
}
