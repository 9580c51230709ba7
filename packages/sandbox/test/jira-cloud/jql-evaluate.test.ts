/**
 * The evaluator on a small desk of issue-like records, read through a FieldResolver written for
 * this test: equality and case, options by name/key/id, EMPTY and the `!=`/`NOT IN`/`NOT` rules,
 * users and currentUser(), multi-valued fields, keys, ranks, validation messages, and ORDER BY.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJql, type CompileJqlOptions } from '../../src/jira-cloud/jql/compile.js';
import { JqlError } from '../../src/jira-cloud/jql/errors.js';
import { JIRA_STATUS_CATEGORIES, type FieldResolver, type JqlField, type JqlOption } from '../../src/jira-cloud/jql/fields.js';

interface User {
  accountId: string;
  displayName: string;
  email: string;
}

interface Issue {
  id: string;
  key: string;
  project: string;
  summary: string;
  description?: string;
  comments: string[];
  status: string;
  issuetype: string;
  priority?: string;
  resolution?: string;
  assignee?: User;
  reporter: User;
  created: string;
  updated: string;
  resolved?: string;
  due?: string;
  labels: string[];
  requestType?: string;
  votes: number;
  storyPoints?: number;
}

const alice: User = { accountId: '5b10a2844c20165700ede21g', displayName: 'Alice Adams', email: 'alice@example.com' };
const bob: User = { accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', displayName: 'Bob Brown', email: 'bob@example.com' };
const carol: User = { accountId: 'qm:5a7b:carol', displayName: 'Carol Chen', email: 'carol@example.com' };
const users = [alice, bob, carol];

const projects: JqlOption[] = [
  { id: 10000, key: 'HELP', name: 'Help Desk' },
  { id: 10001, key: 'OPS', name: 'Operations' },
];
const statuses: (JqlOption & { category: string })[] = [
  { id: 1, name: 'Open', category: 'new' },
  { id: 10002, name: 'Waiting for support', category: 'new' },
  { id: 3, name: 'In Progress', category: 'indeterminate' },
  { id: 10001, name: 'Done', category: 'done' },
  { id: 77, name: '3', category: 'new' }, // a status literally named "3", to tell names from ids
];
const priorities: JqlOption[] = [
  { id: 1, name: 'Highest', rank: 5 },
  { id: 2, name: 'High', rank: 4 },
  { id: 3, name: 'Medium', rank: 3 },
  { id: 4, name: 'Low', rank: 2 },
  { id: 5, name: 'Lowest', rank: 1 },
];
const issueTypes: JqlOption[] = [{ id: 10004, name: 'Bug' }, { id: 10001, name: 'Task' }, { id: 10005, name: 'Service Request' }];
const resolutions: JqlOption[] = [{ id: 10000, name: 'Done' }, { id: 10001, name: "Won't Do" }];
const requestTypes: JqlOption[] = [{ id: 1, name: 'Get IT help' }, { id: 2, name: 'Fix an account problem' }];

const issues: Issue[] = [
  {
    id: '10001', key: 'HELP-1', project: 'HELP', summary: 'Printer on floor 3 is jammed',
    description: 'The printer jams on every job. Paper tray broken.', comments: ['Tried restarting the printers', 'Ordered new toner'],
    status: 'Open', issuetype: 'Bug', priority: 'High', assignee: alice, reporter: bob,
    created: '2024-03-01T09:00:00.000+0000', updated: '2024-03-05T10:15:30.000+0000', due: '2024-03-10',
    labels: ['hardware', 'floor-3'], requestType: 'Get IT help', votes: 2, storyPoints: 3,
  },
  {
    id: '10002', key: 'HELP-2', project: 'HELP', summary: 'VPN disconnects every hour', comments: [],
    status: 'In Progress', issuetype: 'Bug', priority: 'Highest', assignee: bob, reporter: alice,
    created: '2024-03-02T12:00:00.000+0000', updated: '2024-03-31T01:29:00.000+0000',
    labels: ['network'], requestType: 'Get IT help', votes: 0,
  },
  {
    id: '10009', key: 'HELP-9', project: 'HELP', summary: 'Password reset for new hire', description: 'Please reset the password',
    comments: ['Done, temporary password sent'], status: 'Done', issuetype: 'Service Request', priority: 'Medium',
    resolution: 'Done', reporter: carol, created: '2024-03-03T08:00:00.000+0000', updated: '2024-03-31T01:30:00.000+0000',
    resolved: '2024-03-04T16:45:00.000+0000', labels: [], requestType: 'Fix an account problem', votes: 5,
  },
  {
    id: '10010', key: 'HELP-10', project: 'HELP', summary: 'Laptop screen flickering', comments: [],
    status: 'Waiting for support', issuetype: 'Task', reporter: bob,
    created: '2024-03-04T15:30:00.000+0000', updated: '2024-03-04T15:30:00.000+0000', due: '2024-03-06',
    labels: ['hardware'], votes: 1,
  },
  {
    id: '20005', key: 'OPS-5', project: 'OPS', summary: 'Database backup failed', description: 'Nightly backup job crashed',
    comments: [], status: 'Open', issuetype: 'Task', priority: 'Low', assignee: carol, reporter: alice,
    created: '2024-02-20T07:00:00.000+0000', updated: '2024-03-01T07:00:00.000+0000', labels: ['database'], votes: 0,
  },
];

const user = (u: User | undefined): JqlOption | undefined => (u === undefined ? undefined : { id: u.accountId, name: u.displayName, key: u.email });
const byName = (list: readonly JqlOption[], name: string | undefined) => list.find((option) => option.name === name);
const userFields = (get: (issue: Issue) => User | undefined): JqlField<Issue> => ({
  type: 'user',
  get: (issue) => user(get(issue)),
  options: () => users.map((u) => user(u) as JqlOption),
});

const fieldTable: Record<string, JqlField<Issue>> = {
  issuekey: { type: 'key', get: (issue) => ({ name: issue.key, id: issue.id }), options: () => issues.map((issue) => ({ name: issue.key, id: issue.id })) },
  summary: { type: 'text', sortable: true, get: (issue) => issue.summary },
  description: { type: 'text', get: (issue) => issue.description },
  comment: { type: 'text', get: (issue) => issue.comments },
  text: { type: 'text', operators: ['~'], get: (issue) => [issue.summary, issue.description ?? '', ...issue.comments] },
  project: { type: 'option', get: (issue) => projects.find((project) => project.key === issue.project), options: () => projects },
  status: { type: 'option', get: (issue) => byName(statuses, issue.status), options: () => statuses },
  statuscategory: {
    type: 'option',
    get: (issue) => JIRA_STATUS_CATEGORIES.find((category) => category.key === statuses.find((status) => status.name === issue.status)?.category),
    options: () => JIRA_STATUS_CATEGORIES,
  },
  issuetype: { type: 'option', get: (issue) => byName(issueTypes, issue.issuetype), options: () => issueTypes },
  priority: {
    type: 'option',
    operators: ['=', '!=', 'in', 'not in', 'is', 'is not', '<', '<=', '>', '>='],
    defaultSortDirection: 'desc',
    get: (issue) => byName(priorities, issue.priority),
    options: () => priorities,
  },
  resolution: { type: 'option', get: (issue) => byName(resolutions, issue.resolution), options: () => resolutions },
  assignee: userFields((issue) => issue.assignee),
  reporter: userFields((issue) => issue.reporter),
  created: { type: 'datetime', get: (issue) => issue.created },
  updated: { type: 'datetime', get: (issue) => issue.updated },
  resolved: { type: 'datetime', get: (issue) => issue.resolved },
  duedate: { type: 'date', get: (issue) => issue.due },
  labels: { type: 'string', get: (issue) => issue.labels },
  'request type': { type: 'option', get: (issue) => byName(requestTypes, issue.requestType), options: () => requestTypes },
  votes: { type: 'number', get: (issue) => issue.votes },
  'cf[10010]': { type: 'number', get: (issue) => issue.storyPoints },
};
const fields: FieldResolver<Issue> = (name) => fieldTable[name];

const NOW = new Date('2024-03-05T12:00:00Z');
const base: CompileJqlOptions<Issue> = { fields, now: () => NOW, currentUser: alice.accountId };

/** The keys of the issues a query matches, in desk order. */
function keys(query: string, options: Partial<CompileJqlOptions<Issue>> = {}): string[] {
  const jql = compileJql(query, { ...base, ...options });
  return issues.filter((issue) => jql.matches(issue)).map((issue) => issue.key);
}

/** The keys of the issues a query selects, in its order. */
function sorted(query: string): string[] {
  return compileJql(query, base).select(issues).map((issue) => issue.key);
}

function errors(query: string, options: Partial<CompileJqlOptions<Issue>> = {}): readonly string[] {
  try {
    compileJql(query, { ...base, ...options });
  } catch (error) {
    if (error instanceof JqlError) return error.errorMessages;
    throw error;
  }
  throw new Error(`expected ${query} to be rejected`);
}

describe('equality on option fields', () => {
  it('matches names in any case', () => {
    expect(keys('status = open')).toEqual(['HELP-1', 'OPS-5']);
    expect(keys('status = "IN PROGRESS"')).toEqual(['HELP-2']);
    expect(keys('issuetype = "service request"')).toEqual(['HELP-9']);
  });

  it('matches a project by key, name or id', () => {
    expect(keys('project = ops')).toEqual(['OPS-5']);
    expect(keys('project = "Operations"')).toEqual(['OPS-5']);
    expect(keys('project = 10001')).toEqual(['OPS-5']);
  });

  it('reads an unquoted number as an id and a quoted one as a name', () => {
    expect(keys('status = 3')).toEqual(['HELP-2']); // id 3: In Progress
    expect(keys('status = "3"')).toEqual([]); // the status named "3"; no issue has it
    expect(keys('status = "10002"')).toEqual(['HELP-10']); // no status is named 10002: falls back to the id
    expect(keys('status = 77')).toEqual([]);
  });

  it('matches status categories by name, key or id', () => {
    expect(keys('statusCategory = "To Do"')).toEqual(['HELP-1', 'HELP-10', 'OPS-5']);
    expect(keys('statusCategory = new')).toEqual(['HELP-1', 'HELP-10', 'OPS-5']);
    expect(keys('statusCategory = indeterminate')).toEqual(['HELP-2']);
    expect(keys('statuscategory in ("In Progress", done)')).toEqual(['HELP-2', 'HELP-9']);
    expect(keys('statusCategory != Done')).toEqual(['HELP-1', 'HELP-2', 'HELP-10', 'OPS-5']);
    expect(keys('statusCategory = 3')).toEqual(['HELP-9']);
  });

  it('resolves field aliases and field-name case', () => {
    expect(keys('TYPE = Task')).toEqual(keys('issuetype = task'));
    expect(keys('Type = Task')).toEqual(['HELP-10', 'OPS-5']);
    expect(keys('"Request Type" = "Get IT help"')).toEqual(['HELP-1', 'HELP-2']);
    expect(keys('request-type = "fix an account problem"')).toEqual(['HELP-9']);
    expect(keys('"customer request type" is empty')).toEqual(['HELP-10', 'OPS-5']);
    expect(keys('cf[10010] = 3')).toEqual(['HELP-1']);
  });
});

describe('EMPTY, != and NOT', () => {
  it('finds empty and non-empty fields', () => {
    expect(keys('assignee IS EMPTY')).toEqual(['HELP-9', 'HELP-10']);
    expect(keys('assignee is null')).toEqual(['HELP-9', 'HELP-10']);
    expect(keys('assignee = EMPTY')).toEqual(['HELP-9', 'HELP-10']);
    expect(keys('assignee IS NOT EMPTY')).toEqual(['HELP-1', 'HELP-2', 'OPS-5']);
    expect(keys('assignee != EMPTY')).toEqual(['HELP-1', 'HELP-2', 'OPS-5']);
    expect(keys('resolution is empty')).toEqual(['HELP-1', 'HELP-2', 'HELP-10', 'OPS-5']);
  });

  it('never lets != or NOT IN match an empty field', () => {
    expect(keys('assignee != "bob@example.com"')).toEqual(['HELP-1', 'OPS-5']);
    expect(keys('assignee not in ("bob@example.com")')).toEqual(['HELP-1', 'OPS-5']);
    expect(keys('priority != High')).toEqual(['HELP-2', 'HELP-9', 'OPS-5']);
    expect(keys('assignee != "bob@example.com" OR assignee is EMPTY')).toEqual(['HELP-1', 'HELP-9', 'HELP-10', 'OPS-5']);
  });

  it('reads NOT as the negated operator, so NOT = also skips empty fields', () => {
    expect(keys('NOT assignee = "bob@example.com"')).toEqual(keys('assignee != "bob@example.com"'));
    expect(keys('NOT assignee in ("bob@example.com", EMPTY)')).toEqual(['HELP-1', 'OPS-5']);
    expect(keys('NOT assignee is EMPTY')).toEqual(keys('assignee is not empty'));
    expect(keys('NOT priority > Medium')).toEqual(['HELP-9', 'OPS-5']);
    expect(keys('NOT NOT status = Open')).toEqual(['HELP-1', 'OPS-5']);
  });

  it("applies De Morgan's laws through AND and OR", () => {
    // = status != Open AND priority != Highest: HELP-10 has no priority, so != skips it
    expect(keys('NOT (status = Open OR priority = Highest)')).toEqual(['HELP-9']);
    expect(keys('NOT (project = HELP AND assignee = "bob@example.com")')).toEqual(['HELP-1', 'OPS-5']);
  });

  it('matches EMPTY inside IN lists', () => {
    expect(keys('assignee in (EMPTY, "bob@example.com")')).toEqual(['HELP-2', 'HELP-9', 'HELP-10']);
    expect(keys('assignee not in (EMPTY, "bob@example.com")')).toEqual(['HELP-1', 'OPS-5']);
    expect(keys('priority in (null, Low)')).toEqual(['HELP-10', 'OPS-5']);
  });
});

describe('users and currentUser()', () => {
  it('matches account ids, display names and emails', () => {
    expect(keys('assignee = 5b10a2844c20165700ede21g')).toEqual(['HELP-1']);
    expect(keys('assignee = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"')).toEqual(['HELP-2']);
    expect(keys('reporter = "carol chen"')).toEqual(['HELP-9']);
    expect(keys('reporter in ("bob@example.com", "qm:5a7b:carol")')).toEqual(['HELP-1', 'HELP-9', 'HELP-10']);
  });

  it('resolves currentUser() to the caller', () => {
    expect(keys('assignee = currentUser()')).toEqual(['HELP-1']);
    expect(keys('assignee = currentUser()', { currentUser: carol.accountId })).toEqual(['OPS-5']);
    expect(keys('reporter = currentUser() AND assignee != currentUser()')).toEqual(['HELP-2', 'OPS-5']);
    expect(keys('assignee in (currentUser(), EMPTY)')).toEqual(['HELP-1', 'HELP-9', 'HELP-10']);
    expect(keys('assignee = CURRENTUSER()')).toEqual(['HELP-1']);
  });

  it('matches nobody for an anonymous caller', () => {
    expect(keys('assignee = currentUser()', { currentUser: undefined })).toEqual([]);
    expect(keys('assignee != currentUser()', { currentUser: undefined })).toEqual(['HELP-1', 'HELP-2', 'OPS-5']);
  });
});

describe('multi-valued fields', () => {
  it('matches when any value matches, and != when none does', () => {
    expect(keys('labels = hardware')).toEqual(['HELP-1', 'HELP-10']);
    expect(keys('labels = HARDWARE')).toEqual(['HELP-1', 'HELP-10']);
    expect(keys('labels in (network, database)')).toEqual(['HELP-2', 'OPS-5']);
    expect(keys('labels != hardware')).toEqual(['HELP-2', 'OPS-5']);
    expect(keys('labels not in (hardware, network)')).toEqual(['OPS-5']);
    expect(keys('labels is empty')).toEqual(['HELP-9']);
    expect(keys('labels = hardware AND labels = floor-3')).toEqual(['HELP-1']);
  });
});

describe('keys, numbers and ranks', () => {
  it('compares keys by project and then numerically', () => {
    expect(keys('key > HELP-9')).toEqual(['HELP-10']);
    expect(keys('key >= HELP-2 AND key < HELP-10')).toEqual(['HELP-2', 'HELP-9']);
    expect(keys('issuekey <= help-2')).toEqual(['HELP-1', 'HELP-2']);
    expect(keys('key >= OPS-5')).toEqual(['OPS-5']);
    expect(keys('key < OPS-5')).toEqual([]);
  });

  it('matches keys in any case, by alias, and ids', () => {
    expect(keys('issue = help-2')).toEqual(['HELP-2']);
    expect(keys('key in (HELP-1, OPS-5)')).toEqual(['HELP-1', 'OPS-5']);
    expect(keys('id = 10009')).toEqual(['HELP-9']);
    expect(keys('id > 10009')).toEqual(['HELP-10', 'OPS-5']);
    expect(keys('key != HELP-1')).toEqual(['HELP-2', 'HELP-9', 'HELP-10', 'OPS-5']);
  });

  it('compares numbers', () => {
    expect(keys('votes > 1')).toEqual(['HELP-1', 'HELP-9']);
    expect(keys('votes <= 0')).toEqual(['HELP-2', 'OPS-5']);
    expect(keys('votes in (0, 5)')).toEqual(['HELP-2', 'HELP-9', 'OPS-5']);
    expect(keys('cf[10010] > 2')).toEqual(['HELP-1']);
    expect(keys('cf[10010] < 10')).toEqual(['HELP-1']);
  });

  it('compares options by rank', () => {
    expect(keys('priority > Medium')).toEqual(['HELP-1', 'HELP-2']);
    expect(keys('priority >= medium')).toEqual(['HELP-1', 'HELP-2', 'HELP-9']);
    expect(keys('priority < 3')).toEqual(['OPS-5']);
  });
});

describe('connectives', () => {
  it('binds AND tighter than OR when evaluating', () => {
    expect(keys('project = OPS OR status = Open AND priority = High')).toEqual(['HELP-1', 'OPS-5']);
    expect(keys('(project = OPS OR status = Open) AND priority = High')).toEqual(['HELP-1']);
    expect(keys('status = Done OR status = Open AND project = OPS')).toEqual(['HELP-9', 'OPS-5']);
  });

  it('matches everything without a restriction', () => {
    expect(keys('')).toHaveLength(issues.length);
    expect(keys('ORDER BY key')).toHaveLength(issues.length);
  });

  it('keeps NOT equivalences on random clause combinations', () => {
    const atoms = [
      'status = Open', 'assignee = currentUser()', 'assignee is EMPTY', 'labels = hardware', 'labels in (network, database)',
      'priority > Medium', 'key > HELP-2', 'votes >= 1', 'text ~ printer', 'created >= "2024-03-02"', 'resolution = Done',
    ];
    type Tree = string | { op: 'AND' | 'OR'; left: Tree; right: Tree } | { not: Tree };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(...atoms),
        fc.record({ op: fc.constantFrom('AND' as const, 'OR' as const), left: tie('tree'), right: tie('tree') }),
        fc.record({ not: tie('tree') }),
      ),
    })).tree;
    const print = (t: Tree): string => (typeof t === 'string' ? t : 'not' in t ? `NOT (${print(t.not)})` : `(${print(t.left)} ${t.op} ${print(t.right)})`);
    const dual = (t: Tree): string => (typeof t === 'string' ? `NOT ${t}` : 'not' in t ? print(t.not) : `(${dual(t.left)} ${t.op === 'AND' ? 'OR' : 'AND'} ${dual(t.right)})`);
    fc.assert(
      fc.property(tree, (t) => {
        expect(keys(`NOT NOT ${print(t)}`)).toEqual(keys(print(t)));
        expect(keys(`NOT ${print(t)}`)).toEqual(keys(dual(t)));
      }),
    );
  });
});

describe('validation', () => {
  it.each([
    ['foo = bar', "Field 'foo' does not exist or you do not have permission to view it."],
    ['"Story Points" > 3', "Field 'Story Points' does not exist or you do not have permission to view it."],
    ['cf[99999] = 1', "Field 'cf[99999]' does not exist or you do not have permission to view it."],
    ['project = INVALID', "The value 'INVALID' does not exist for the field 'project'."],
    ['status = "Blocked"', "The value 'Blocked' does not exist for the field 'status'."],
    ['status = 666', "A value with ID '666' does not exist for the field 'status'."],
    ['assignee = nobody', "The value 'nobody' does not exist for the field 'assignee'."],
    ['summary = test', "The operator '=' is not supported by the 'summary' field."],
    ['text !~ printer', "The operator '!~' is not supported by the 'text' field."],
    ['labels > x', "The operator '>' is not supported by the 'labels' field."],
    ['status ~ open', "The operator '~' is not supported by the 'status' field."],
    ['summary in test', 'Operator \'in\' does not support the non-list value \'"test"\' for field \'summary\'.'],
    ['status = (Open, Done)', 'Operator \'=\' does not support the list value \'("Open", "Done")\' for field \'status\'.'],
    ['status is Open', "Operator 'is' only supports the EMPTY or NULL keyword for field 'status'."],
    ['text ~ EMPTY', "The field 'text' does not support searching for EMPTY values."],
    ['key in (HELP-1, EMPTY)', "The field 'key' does not support searching for EMPTY values."],
    ['votes > EMPTY', "The operator '>' does not support searching for EMPTY values."],
    ['key = foo', "The issue key 'foo' for field 'key' is invalid."],
    ['key = HELP-999', "An issue with key 'HELP-999' does not exist for field 'key'."],
    ['id = 4242', "A value with ID '4242' does not exist for the field 'id'."],
    ['votes = many', "Value 'many' for the 'votes' field is not a valid number."],
    ['summary ~ ""', "The field 'summary' does not support searching for an empty string."],
    ['summary ~ "*start"', "The text query '*start' for field 'summary' is not allowed to start with '*'."],
    ['summary ~ "?"', "The text query '?' for field 'summary' is not allowed to start with '?'."],
    ['summary ~ "BAD +"', "Unable to parse the text 'BAD +' for field 'summary'."],
    ['text ~ "AND"', "Unable to parse the text 'AND' for field 'text'."],
    ['status = currentUser()', "A value provided by the function 'currentUser' is invalid for the field 'status'."],
    ['created > currentUser()', "A value provided by the function 'currentUser' is invalid for the field 'created'."],
    ['assignee = now()', "A value provided by the function 'now' is invalid for the field 'assignee'."],
    ['assignee in membersOf("jira-users")', "Unable to find JQL function 'membersOf(jira-users)'."],
    ['sprint in openSprints()', "Field 'sprint' does not exist or you do not have permission to view it."],
    ['assignee = bogus()', "Unable to find JQL function 'bogus()'."],
    ['created > now(1)', "Function 'now' expected '0' arguments but received '1'."],
    ['created > startOfDay(1, 2)', "Function 'startOfDay' expected between '0' and '1' arguments but received '2'."],
    ['created > startOfDay("invalid")', "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier."],
    ['project = HELP ORDER BY description', "Not able to sort using field 'description'."],
    ['project = HELP ORDER BY bogus', "Not able to sort using field 'bogus'."],
  ])('%s', (query, message) => {
    expect(errors(query)).toEqual([message]);
  });

  it('reports every problem of a query, in order', () => {
    expect(errors('foo = 1 AND project = NOPE OR status = Open AND summary = x ORDER BY bar')).toEqual([
      "Field 'foo' does not exist or you do not have permission to view it.",
      "The value 'NOPE' does not exist for the field 'project'.",
      "The operator '=' is not supported by the 'summary' field.",
      "Not able to sort using field 'bar'.",
    ]);
  });

  it('can report unknown values as warnings instead (for /jql/parse?validation=warn)', () => {
    const jql = compileJql('project = NOPE OR status = Open', { ...base, unknownValues: 'warning' });
    expect(jql.warnings).toEqual(["The value 'NOPE' does not exist for the field 'project'."]);
    expect(issues.filter((issue) => jql.matches(issue)).map((issue) => issue.key)).toEqual(['HELP-1', 'OPS-5']);
    expect(errors('summary = x', { unknownValues: 'warning' })).toEqual(["The operator '=' is not supported by the 'summary' field."]);
  });

  it('throws a validation JqlError with the 400 body', () => {
    try {
      compileJql('universe = 42', base);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JqlError);
      expect((error as JqlError).kind).toBe('validation');
      expect((error as JqlError).toErrorCollection()).toEqual({
        errorMessages: ["Field 'universe' does not exist or you do not have permission to view it."],
        errors: {},
      });
    }
  });

  it('passes syntax errors through', () => {
    expect(() => compileJql('project = ', base)).toThrow('Error in JQL Query: Expecting either a value, list or function before the end of the query.');
  });

  it('rejects an unknown time zone', () => {
    expect(() => compileJql('project = HELP', { ...base, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('ORDER BY', () => {
  it('sorts keys by project and then numerically', () => {
    expect(sorted('ORDER BY key')).toEqual(['HELP-1', 'HELP-2', 'HELP-9', 'HELP-10', 'OPS-5']);
    expect(sorted('ORDER BY key DESC')).toEqual(['OPS-5', 'HELP-10', 'HELP-9', 'HELP-2', 'HELP-1']);
  });

  it('sorts by key, descending, when the query has no ORDER BY', () => {
    expect(sorted('project = HELP')).toEqual(['HELP-10', 'HELP-9', 'HELP-2', 'HELP-1']);
    expect(compileJql('project = HELP', base).orderBy).toEqual([]);
  });

  it('uses ranks for options, with empty values last ascending and first descending', () => {
    expect(sorted('ORDER BY priority ASC')).toEqual(['OPS-5', 'HELP-9', 'HELP-1', 'HELP-2', 'HELP-10']);
    expect(sorted('ORDER BY priority DESC')).toEqual(['HELP-10', 'HELP-2', 'HELP-1', 'HELP-9', 'OPS-5']);
  });

  it("uses each field's default direction", () => {
    expect(compileJql('ORDER BY created, priority, summary', base).orderBy).toEqual([
      { field: 'created', name: 'created', direction: 'desc' },
      { field: 'priority', name: 'priority', direction: 'desc' },
      { field: 'summary', name: 'summary', direction: 'asc' },
    ]);
    expect(sorted('ORDER BY createdDate')).toEqual(['HELP-10', 'HELP-9', 'HELP-2', 'HELP-1', 'OPS-5']);
  });

  it('sorts users by display name, text case-insensitively, and several fields in order', () => {
    expect(sorted('assignee is not empty ORDER BY assignee')).toEqual(['HELP-1', 'HELP-2', 'OPS-5']);
    expect(sorted('ORDER BY summary')).toEqual(['OPS-5', 'HELP-10', 'HELP-9', 'HELP-1', 'HELP-2']);
    expect(sorted('ORDER BY status ASC, votes DESC')).toEqual(['HELP-9', 'HELP-2', 'HELP-1', 'OPS-5', 'HELP-10']);
  });

  it('breaks ties by key, descending', () => {
    expect(sorted('ORDER BY project')).toEqual(['HELP-10', 'HELP-9', 'HELP-2', 'HELP-1', 'OPS-5']);
    expect(sorted('ORDER BY labels')).toEqual(['OPS-5', 'HELP-10', 'HELP-1', 'HELP-2', 'HELP-9']);
  });

  it('gives a total order: antisymmetric and transitive on every sort field', () => {
    const jql = compileJql('ORDER BY priority, assignee DESC, due', base);
    for (const a of issues) {
      expect(jql.compare(a, a)).toBe(0);
      for (const b of issues) {
        expect(Math.sign(jql.compare(a, b)) + Math.sign(jql.compare(b, a))).toBe(0);
        if (a !== b) expect(jql.compare(a, b)).not.toBe(0);
        for (const c of issues) {
          if (jql.compare(a, b) < 0 && jql.compare(b, c) < 0) expect(jql.compare(a, c)).toBeLessThan(0);
        }
      }
    }
  });
});
