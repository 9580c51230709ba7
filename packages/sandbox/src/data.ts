/**
 * Deterministic, realistic data for the simulators to share: people with e-mail addresses on a company
 * domain, companies, departments, job titles, and IT helpdesk tickets (password resets, VPN, laptops,
 * printers, access requests, ...) with comments. Every generator draws only from the {@link Random} it
 * is given, so the same seed yields the same data.
 *
 * Domains end in `.example` (reserved by RFC 2606), so no generated address can reach a real mailbox.
 *
 * @module
 */
import type { Random } from './random.js';

const FIRST_NAMES = [
  'Aisha', 'Alejandro', 'Amara', 'Anna', 'Arjun', 'Ben', 'Carlos', 'Chen', 'Chloe', 'Daniel',
  'Elena', 'Emeka', 'Emma', 'Fatima', 'Freya', 'Gabriel', 'Hana', 'Hugo', 'Ingrid', 'Isabel',
  'Jakub', 'James', 'Jonas', 'Julia', 'Kenji', 'Laila', 'Lars', 'Leila', 'Liam', 'Lucia',
  'Mai', 'Marco', 'Maria', 'Mateo', 'Mia', 'Mohammed', 'Nadia', 'Noah', 'Olga', 'Omar',
  'Priya', 'Rafael', 'Ravi', 'Rosa', 'Samuel', 'Sara', 'Sofia', 'Tariq', 'Thomas', 'Yuki',
] as const;

const LAST_NAMES = [
  'Adeyemi', 'Andersen', 'Bauer', 'Becker', 'Brown', 'Castillo', 'Chowdhury', 'Costa', 'Dubois', 'Eriksson',
  'Fernandes', 'Fischer', 'García', 'Gupta', 'Haddad', 'Hansen', 'Ito', 'Jensen', 'Kim', 'Kowalski',
  'Larsen', 'Lee', 'Lopez', 'Martin', 'Mensah', 'Meyer', 'Moreau', 'Müller', 'Nakamura', 'Nguyen',
  'Novak', "O'Brien", 'Okafor', 'Patel', 'Petrov', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh',
  'Smith', 'Sørensen', 'Tanaka', 'Taylor', 'Van Dijk', 'Wagner', 'Walsh', 'Wang', 'Williams', 'Zhang',
] as const;

const COMPANY_FIRST = [
  'Northwind', 'Bluefin', 'Cedar', 'Harbor', 'Summit', 'Ironbridge', 'Silverline', 'Redwood', 'Brightwater',
  'Granite', 'Lakeside', 'Oakridge', 'Pinecrest', 'Riverbend', 'Stonegate', 'Westfield', 'Aurora', 'Meridian',
] as const;

const COMPANY_SECOND = [
  'Logistics', 'Health', 'Foods', 'Engineering', 'Legal', 'Energy', 'Retail', 'Insurance', 'Media',
  'Manufacturing', 'Consulting', 'Dental', 'Architects', 'Pharma', 'Analytics', 'Travel', 'Finance', 'Labs',
] as const;

const COMPANY_SUFFIXES = ['', '', '', ' Inc.', ' Ltd', ' GmbH', ' LLC', ' Group'] as const;

const DEPARTMENTS = [
  'Finance', 'Human Resources', 'Sales', 'Marketing', 'Engineering', 'Operations', 'Legal',
  'Customer Support', 'Procurement', 'IT',
] as const;

const JOB_TITLES = [
  'Accountant', 'Account Manager', 'Business Analyst', 'Customer Success Manager', 'Data Analyst',
  'HR Generalist', 'Marketing Specialist', 'Office Manager', 'Operations Coordinator', 'Paralegal',
  'Product Manager', 'Project Manager', 'Sales Representative', 'Software Engineer', 'Team Lead',
] as const;

const AGENT_TITLES = ['Service Desk Analyst', 'IT Support Engineer', 'Systems Administrator', 'Network Engineer'] as const;

const APPS = ['Salesforce', 'Workday', 'SAP', 'Microsoft Teams', 'Outlook', 'SharePoint', 'Slack', 'Zoom', 'Confluence', 'the HR portal'] as const;
const SOFTWARE = ['Adobe Acrobat Pro', 'Visual Studio Code', 'Tableau', 'Power BI Desktop', 'Microsoft Visio', 'Python 3', 'Docker Desktop', 'Figma'] as const;
const DEVICES = ['laptop', 'docking station', 'desktop PC', 'monitor', 'headset', 'keyboard'] as const;
const LAPTOP_MODELS = ['ThinkPad T14', 'Latitude 5440', 'EliteBook 840', 'MacBook Pro 14', 'Surface Laptop 5'] as const;
const PRINTERS = ['PRN-2F-EAST', 'PRN-3F-WEST', 'PRN-RECEPTION', 'PRN-FINANCE-01', 'PRN-WAREHOUSE'] as const;
const SHARES = ['Finance', 'Marketing Assets', 'Projects', 'HR Confidential', 'Sales Reports', 'Engineering'] as const;
const GROUPS = ['all-staff', 'sales-emea', 'finance-approvers', 'project-leads', 'it-announcements', 'social-club'] as const;
const ROOMS = ['Atlas', 'Borealis', 'Cypress', 'Delta', 'Everest', 'Fjord'] as const;
const SITES = ['head office', 'the warehouse', 'the Berlin office', 'the Austin office', 'home'] as const;
const VPN_ERRORS = ['809', '691', '720', '0x80072746', 'TLS handshake failed'] as const;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

/**
 * A generated person.
 *
 * @category Seed data
 */
export interface Person {
  /** Given name, e.g. `'Anna'`. */
  readonly firstName: string;
  /** Family name, e.g. `'Schmidt'`. */
  readonly lastName: string;
  /** Display name: first and last name. */
  readonly name: string;
  /** `first.last@domain`, lower-case ASCII. */
  readonly email: string;
}

/**
 * Options of {@link person} and {@link people}.
 *
 * @category Seed data
 */
export interface PersonOptions {
  /** The e-mail domain, e.g. `'northwind.example'`. */
  readonly domain: string;
}

/**
 * A generated company.
 *
 * @category Seed data
 */
export interface Company {
  /** Display name, e.g. `'Northwind Logistics'`. */
  readonly name: string;
  /** Its e-mail domain, derived from the name, e.g. `'northwind-logistics.example'`. */
  readonly domain: string;
}

/**
 * The subjects of helpdesk tickets that {@link helpdeskIssue} generates.
 *
 * @category Seed data
 */
export const HELPDESK_TOPICS = [
  'password_reset',
  'account_lockout',
  'vpn',
  'laptop',
  'printer',
  'access_request',
  'email',
  'software',
  'mobile',
  'network',
  'hardware',
  'onboarding',
  'offboarding',
] as const;

/**
 * One of {@link HELPDESK_TOPICS}.
 *
 * @category Seed data
 */
export type HelpdeskTopic = (typeof HELPDESK_TOPICS)[number];

/**
 * What a helpdesk ticket is, in ITIL terms: something broken, or something asked for.
 *
 * @category Seed data
 */
export type HelpdeskKind = 'incident' | 'service_request';

/**
 * A generated helpdesk ticket's content.
 *
 * @category Seed data
 */
export interface HelpdeskIssue {
  /** What it is about. */
  readonly topic: HelpdeskTopic;
  /** Incident (something is broken) or service request (something is asked for). */
  readonly kind: HelpdeskKind;
  /** A one-line summary, as a user would type it. */
  readonly subject: string;
  /** A few sentences of plain text. */
  readonly description: string;
}

/**
 * Options of {@link helpdeskIssue}.
 *
 * @category Seed data
 */
export interface HelpdeskIssueOptions {
  /** Restrict to these topics (default: all of {@link HELPDESK_TOPICS}). */
  readonly topics?: readonly HelpdeskTopic[];
  /** Who raises it; some descriptions end with their signature. */
  readonly requester?: Person;
}

/**
 * Who writes a comment on a ticket: the agent working it, or the requester.
 *
 * @category Seed data
 */
export type CommentAuthorRole = 'agent' | 'requester';

/**
 * A random person with an e-mail address on `options.domain`.
 *
 * @category Seed data
 */
export function person(random: Random, options: PersonOptions): Person {
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  return { firstName, lastName, name: `${firstName} ${lastName}`, email: `${emailPart(firstName)}.${emailPart(lastName)}@${options.domain}` };
}

/**
 * `count` people on one domain, with distinct e-mail addresses: a repeated name gets a number in its
 * address (`anna.schmidt2@...`), as mail administrators do.
 *
 * @category Seed data
 */
export function people(random: Random, count: number, options: PersonOptions): Person[] {
  const seen = new Map<string, number>();
  const result: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    const candidate = person(random, options);
    const [local] = candidate.email.split('@') as [string];
    const times = (seen.get(local) ?? 0) + 1;
    seen.set(local, times);
    result.push(times === 1 ? candidate : { ...candidate, email: `${local}${times}@${options.domain}` });
  }
  return result;
}

/**
 * A random company name, e.g. `'Summit Engineering GmbH'`.
 *
 * @category Seed data
 */
export function companyName(random: Random): string {
  return `${random.pick(COMPANY_FIRST)} ${random.pick(COMPANY_SECOND)}${random.pick(COMPANY_SUFFIXES)}`;
}

/**
 * The e-mail domain for a company name: `'Summit Engineering GmbH'` → `'summit-engineering.example'`.
 *
 * @category Seed data
 */
export function companyDomain(name: string): string {
  const words = name
    .replace(/\b(Inc\.|Ltd|GmbH|LLC|Group)$/u, '')
    .split(/\s+/u)
    .map(emailPart)
    .filter((word) => word.length > 0);
  return `${words.join('-') || 'company'}.example`;
}

/**
 * `count` companies with distinct names and domains.
 *
 * @category Seed data
 */
export function companies(random: Random, count: number): Company[] {
  const maximum = COMPANY_FIRST.length * COMPANY_SECOND.length;
  if (count > maximum) throw new RangeError(`companies: at most ${maximum} distinct companies (asked for ${count})`);
  const byDomain = new Map<string, Company>();
  while (byDomain.size < count) {
    const name = companyName(random);
    const domain = companyDomain(name);
    if (!byDomain.has(domain)) byDomain.set(domain, { name, domain });
  }
  return [...byDomain.values()];
}

/**
 * A department name, e.g. `'Finance'`.
 *
 * @category Seed data
 */
export function department(random: Random): string {
  return random.pick(DEPARTMENTS);
}

/**
 * An employee's job title; `agent: true` gives an IT support title instead.
 *
 * @category Seed data
 */
export function jobTitle(random: Random, options: { readonly agent?: boolean } = {}): string {
  return options.agent === true ? random.pick(AGENT_TITLES) : random.pick(JOB_TITLES);
}

/**
 * A helpdesk ticket's topic, kind, subject and description.
 *
 * @category Seed data
 */
export function helpdeskIssue(random: Random, options: HelpdeskIssueOptions = {}): HelpdeskIssue {
  const topic = random.pick(options.topics ?? HELPDESK_TOPICS);
  const template = TEMPLATES[topic];
  const fill = filler(random);
  const subject = fill(random.pick(template.subjects));
  const description = `${fill(random.pick(template.descriptions))}${signature(random, options.requester)}`;
  return { topic, kind: template.kind, subject, description };
}

/**
 * A comment as an agent or a requester would write it on a helpdesk ticket.
 *
 * @category Seed data
 */
export function helpdeskComment(random: Random, role: CommentAuthorRole): string {
  return filler(random)(random.pick(role === 'agent' ? AGENT_COMMENTS : REQUESTER_COMMENTS));
}

interface Template {
  readonly kind: HelpdeskKind;
  readonly subjects: readonly string[];
  readonly descriptions: readonly string[];
}

const TEMPLATES: Readonly<Record<HelpdeskTopic, Template>> = {
  password_reset: {
    kind: 'service_request',
    subjects: ['Password reset for {app}', 'Forgot my password', 'Password expired, cannot log in to {app}', 'Need a password reset'],
    descriptions: [
      'My password for {app} expired over the weekend and the self-service reset page says my account is not eligible.',
      'I forgot my password after coming back from holiday. Could you reset it so I can log in to {app}?',
      'I changed my password this morning and now {app} keeps rejecting it on my {device}.',
    ],
  },
  account_lockout: {
    kind: 'incident',
    subjects: ['Account locked out', 'Locked out of my account after too many attempts', 'Cannot sign in: account disabled'],
    descriptions: [
      'My account got locked after I typed an old password on my phone. I cannot sign in to anything.',
      'Since {weekday} I get "your account has been locked" when signing in from {site}.',
    ],
  },
  vpn: {
    kind: 'incident',
    subjects: ['VPN keeps disconnecting', 'Cannot connect to VPN from {site}', 'VPN error {vpnError}', 'VPN very slow'],
    descriptions: [
      'The VPN client drops the connection every few minutes when I work from {site}, so calls in {app} keep freezing.',
      'Connecting to the VPN fails with error {vpnError}. It worked fine until {weekday}.',
      'Once I am on the VPN, internal sites take a minute to load. Without VPN the internet is fast.',
    ],
  },
  laptop: {
    kind: 'incident',
    subjects: ['Laptop will not boot', 'Laptop extremely slow', 'Battery not charging on my {laptop}', 'Blue screen on startup'],
    descriptions: [
      'My {laptop} shows the manufacturer logo and then switches off again. I have a deadline on {weekday}.',
      'The laptop takes ten minutes to start and {app} freezes constantly. The fan is very loud.',
      'The battery stays at 0% even when plugged in; the charger light is on.',
    ],
  },
  printer: {
    kind: 'incident',
    subjects: ['Printer {printer} jammed', 'Cannot print to {printer}', 'Printer shows offline', 'Printouts come out blank'],
    descriptions: [
      'Printer {printer} shows a paper jam but there is no paper stuck anywhere I can see.',
      'Jobs sent to {printer} stay in the queue forever. Colleagues have the same problem.',
      'The printer prints blank pages since the toner was replaced on {weekday}.',
    ],
  },
  access_request: {
    kind: 'service_request',
    subjects: ['Access to the {share} shared drive', 'Request access to {app}', 'Add me to the {group} distribution list', 'Admin rights for {software}'],
    descriptions: [
      'I moved to a new team and need read and write access to the {share} share. My manager has approved it.',
      'Please grant me access to {app}; I need it for the quarterly reporting starting {weekday}.',
      'Could you add me to {group}? I am not receiving the team announcements.',
    ],
  },
  email: {
    kind: 'incident',
    subjects: ['Outlook not syncing', 'Mailbox full', 'Shared mailbox missing in Outlook', 'Emails stuck in outbox'],
    descriptions: [
      'Outlook has not received new mail since {weekday}; webmail shows the messages fine.',
      'I get "mailbox full" warnings and cannot send anything. Can the quota be increased?',
      'The shared mailbox for my team disappeared from Outlook after the last update.',
    ],
  },
  software: {
    kind: 'service_request',
    subjects: ['Install {software}', 'Licence for {software}', 'Update {software} to the latest version'],
    descriptions: [
      'I need {software} installed on my {laptop} for a client project. It is on the approved software list.',
      'My {software} licence expired and the application now opens in read-only mode.',
    ],
  },
  mobile: {
    kind: 'service_request',
    subjects: ['Set up MFA on my new phone', 'New mobile phone', 'Company email on personal phone'],
    descriptions: [
      'I replaced my phone and the authenticator app no longer has my work account. I cannot approve sign-ins.',
      'My company phone screen is broken; I need a replacement handset.',
    ],
  },
  network: {
    kind: 'incident',
    subjects: ['Wi-Fi drops in meeting room {room}', 'No network on the desk port', 'Internet very slow at {site}'],
    descriptions: [
      'The Wi-Fi in meeting room {room} drops every few minutes, which breaks video calls.',
      'The network port at my desk does not work; the light on the {device} stays off.',
    ],
  },
  hardware: {
    kind: 'incident',
    subjects: ['Second monitor not detected', 'Docking station not working', 'Keyboard keys not responding', 'Headset microphone not working'],
    descriptions: [
      'When I connect my {laptop} to the docking station the external monitor stays black.',
      'My {device} stopped working this morning; I already tried another USB port.',
    ],
  },
  onboarding: {
    kind: 'service_request',
    subjects: ['New starter: {newStarter} ({department})', 'Onboarding for {newStarter}', 'Laptop and accounts for new hire {newStarter}'],
    descriptions: [
      '{newStarter} joins {department} on {weekday}. Please prepare a {laptop}, an email account and access to {app}.',
      'New hire {newStarter} starts next {weekday} and needs access to the {share} share and {group}.',
    ],
  },
  offboarding: {
    kind: 'service_request',
    subjects: ['Leaver: {newStarter}', 'Disable accounts for {newStarter}', 'Return of equipment from {newStarter}'],
    descriptions: [
      "{newStarter}'s last day in {department} is {weekday}. Please disable the accounts and forward email to the manager.",
      '{newStarter} is leaving; the {laptop} and badge will be returned to {site}.',
    ],
  },
};

const AGENT_COMMENTS = [
  'Thanks for reporting this. I am looking into it now.',
  'Could you send a screenshot of the error message, please?',
  'I have reset it; please try again and let me know if it works.',
  'This needs a replacement part, which should arrive by {weekday}.',
  'I escalated this to the network team.',
  'Can you restart the {device} and tell me whether the problem remains?',
  'Access has been granted. It can take up to an hour to take effect.',
  'Closing this as resolved. Reply if the problem comes back.',
] as const;

const REQUESTER_COMMENTS = [
  'It works now, thank you!',
  'Still the same problem after restarting.',
  'Attached the screenshot you asked for.',
  'Any update on this? It is blocking my work.',
  'I will be at {site} on {weekday} if you need the device.',
  'My manager approved this request.',
] as const;

/** Replaces `{placeholders}` in a template with random vocabulary. */
function filler(random: Random): (template: string) => string {
  const vocabulary: Readonly<Record<string, () => string>> = {
    app: () => random.pick(APPS),
    software: () => random.pick(SOFTWARE),
    device: () => random.pick(DEVICES),
    laptop: () => random.pick(LAPTOP_MODELS),
    printer: () => random.pick(PRINTERS),
    share: () => random.pick(SHARES),
    group: () => random.pick(GROUPS),
    room: () => random.pick(ROOMS),
    site: () => random.pick(SITES),
    vpnError: () => random.pick(VPN_ERRORS),
    weekday: () => random.pick(WEEKDAYS),
    department: () => random.pick(DEPARTMENTS),
    newStarter: () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
  };
  return (template) =>
    template.replace(/\{(\w+)\}/gu, (match, name: string) => {
      const draw = vocabulary[name];
      return draw === undefined ? match : draw();
    });
}

function signature(random: Random, requester: Person | undefined): string {
  if (requester === undefined) return '';
  return random.pick(['', `\n\nThanks,\n${requester.firstName}`, `\n\nBest regards,\n${requester.name}`]);
}

/** Lower-case ASCII for an e-mail local part: accents stripped, apostrophes and spaces removed. */
function emailPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/ø/gu, 'o')
    .replace(/Ø/gu, 'O')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '');
}
