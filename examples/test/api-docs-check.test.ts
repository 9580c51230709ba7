// The typedoc check of `npm test` (scripts/check-api-docs.ts, run by `pnpm run docs` on the site's
// JSON model): proof on small models that it fails on an export without a topic, on a topic that is
// not configured, on a README shown twice and on a type of another package left unlinked, with a
// message that says what to change; and that the configured topics are the ones the site uses.
import { describe, expect, it } from 'vitest';
import { checkApiDocs, configuredRules, type ApiDocsRules, type ApiProject, type ApiReflection } from '../../scripts/check-api-docs.ts';

const MODULE = 2;
const NAMESPACE = 4;
const INTERFACE = 256;
const FUNCTION = 64;

const rules: ApiDocsRules = {
  categories: ['Connector', 'Errors', 'Simulator'],
  defaultCategory: 'Uncategorized',
  packageDirs: { '@itsm/demo': 'packages/demo', '@itsm/core': 'packages/core' },
};

const text = (value: string) => [{ kind: 'text', text: value }];

/** A one-entry package `@itsm/demo` with two exports of src/connector.ts and one of src/errors.ts. */
function demoProject(edit: (pkg: ApiReflection, project: ApiProject) => void = () => {}): ApiProject {
  const pkg: ApiReflection = {
    id: 1,
    name: '@itsm/demo',
    kind: MODULE,
    readme: text('# @itsm/demo\n\nThe demo package.'),
    children: [
      { id: 2, name: 'createDemoConnector', kind: FUNCTION },
      { id: 3, name: 'DemoConnector', kind: INTERFACE },
      { id: 4, name: 'DemoError', kind: INTERFACE },
    ],
    categories: [
      { title: 'Connector', children: [2, 3] },
      { title: 'Errors', children: [4] },
    ],
  };
  const project: ApiProject = {
    id: 0,
    name: '@itsm',
    kind: 1,
    readme: text('# @itsm\n\nThe front page.'),
    documents: [{ name: 'Errors', content: text('# Errors\n\nThe guide.') }],
    children: [pkg],
    symbolIdMap: {
      '2': { packageName: '@itsm/demo', packagePath: 'src/connector.ts', qualifiedName: 'createDemoConnector' },
      '3': { packageName: '@itsm/demo', packagePath: 'src/connector.ts', qualifiedName: 'DemoConnector' },
      '4': { packageName: '@itsm/demo', packagePath: 'src/errors.ts', qualifiedName: 'DemoError' },
    },
  };
  edit(pkg, project);
  return project;
}

describe('checkApiDocs', () => {
  it('passes a site where every export has a configured topic, each README shows once and links resolve', () => {
    expect(checkApiDocs(demoProject(), rules)).toEqual([]);
  });

  it('names an export without a topic, its file, and the topic of the other exports of that file', () => {
    const project = demoProject((pkg) => {
      pkg.categories = [
        { title: 'Connector', children: [2] },
        { title: 'Uncategorized', children: [3] },
        { title: 'Errors', children: [4] },
      ];
    });
    expect(checkApiDocs(project, rules)).toEqual([
      {
        code: 'no-category',
        message: expect.stringMatching(/`DemoConnector` \(packages\/demo\/src\/connector\.ts\) has no topic\. Add the line ` \* @category <topic>`.*the other exports of packages\/demo\/src\/connector\.ts use "@category Connector"/),
      },
    ]);
  });

  it('counts an export that typedoc left out of every category (one topic on the page) as without a topic', () => {
    const project = demoProject((pkg) => {
      pkg.children!.push({ id: 5, name: 'helper', kind: FUNCTION });
    });
    expect(checkApiDocs(project, rules)).toEqual([
      { code: 'no-category', message: expect.stringContaining('`helper` (packages/demo) has no topic') },
    ]);
  });

  it('lists the configured topics when no export of the file has one yet', () => {
    const project = demoProject((pkg) => {
      pkg.categories = [{ title: 'Connector', children: [2, 3] }];
    });
    expect(checkApiDocs(project, rules)).toEqual([
      { code: 'no-category', message: expect.stringContaining('`DemoError` (packages/demo/src/errors.ts) has no topic. Add the line ` * @category <topic>` at the end of its TSDoc comment; one of: Connector, Errors, Simulator.') },
    ]);
  });

  it('refuses a topic that is not configured (a typo would make a topic of its own)', () => {
    const project = demoProject((pkg) => {
      pkg.categories = [
        { title: 'Connector', children: [2, 3] },
        { title: 'Erors', children: [4] },
      ];
    });
    expect(checkApiDocs(project, rules)).toEqual([
      { code: 'unknown-category', message: expect.stringContaining('`DemoError` (packages/demo/src/errors.ts) has "@category Erors", which is not in categoryOrder of typedoc.base.json') },
    ]);
  });

  it('checks the exports of a namespace and of every entry point of a package with several', () => {
    const project = demoProject((pkg) => {
      pkg.children!.push({ id: 6, name: 'simulators', kind: NAMESPACE, children: [{ id: 7, name: 'demoSimulator', kind: FUNCTION }] });
      pkg.categories![0]!.children.push(6);
    });
    project.children!.push({
      id: 10,
      name: '@itsm/core',
      kind: MODULE,
      readme: text('# @itsm/core'),
      children: [{ id: 11, name: 'index', kind: MODULE, comment: { summary: text('The main entry.') }, children: [{ id: 12, name: 'ItsmError', kind: INTERFACE }] }],
    });
    expect(checkApiDocs(project, rules).map((problem) => problem.message)).toEqual([
      expect.stringContaining('@itsm/demo › simulators: `demoSimulator` (packages/demo) has no topic'),
      expect.stringContaining('@itsm/core/index: `ItsmError` (packages/core) has no topic'),
    ]);
  });

  it('fails when a one-entry package shows a module comment above its README', () => {
    const project = demoProject((pkg) => {
      pkg.comment = { summary: text('`@itsm/demo`: the demo package.') };
    });
    expect(checkApiDocs(project, rules)).toEqual([
      { code: 'readme-twice', message: expect.stringContaining('comment of packages/demo/src/index.ts into a plain') },
    ]);
  });

  it('fails when a README is also rendered as a guide', () => {
    const project = demoProject((_pkg, site) => {
      site.documents!.push({ name: 'Demo', content: text('# @itsm/demo\n\nThe   demo package.') });
    });
    expect(checkApiDocs(project, rules)).toEqual([
      { code: 'readme-twice', message: 'the page of @itsm/demo (its README.md) repeats the guide "Demo" word for word: render it once (drop it from projectDocuments, or link to it).' },
    ]);
  });

  it("fails on a type of another @itsm package that did not resolve to its page, once per user of it", () => {
    const unresolved = { type: 'reference', name: 'AccessReport', target: { packageName: '@itsm/core', packagePath: 'dist/index.d.ts', qualifiedName: 'AccessReport' } };
    const project = demoProject((pkg) => {
      const connector = pkg.children![1]!;
      connector.children = [
        { id: 8, name: 'verifyAccess', kind: 2048, signatures: [{ type: { type: 'reference', name: 'Promise', typeArguments: [unresolved] } }] },
        { id: 9, name: 'recheck', kind: 2048, signatures: [{ type: unresolved }] },
      ];
      // Resolved references (a number) and references within the package itself are fine.
      pkg.children![0]!.signatures = [{ type: { type: 'reference', name: 'DemoConnector', target: 3 } }];
      pkg.children![2]!.type = { type: 'reference', name: 'Internal', target: { packageName: '@itsm/demo', packagePath: 'src/internal.ts', qualifiedName: 'Internal' } };
    });
    const problems = checkApiDocs(project, rules);
    expect(problems).toEqual([
      { code: 'unlinked-type', message: expect.stringContaining('@itsm/demo › verifyAccess refers to `AccessReport` of @itsm/core (dist/index.d.ts), which did not resolve to its page') },
      { code: 'unlinked-type', message: expect.stringContaining('@itsm/demo › recheck refers to `AccessReport`') },
    ]);
  });
});

describe('configuredRules', () => {
  it('reads the topics of typedoc.base.json, which cover the ones the packages are organised by', () => {
    const configured = configuredRules();
    expect(configured.defaultCategory).toBe('Uncategorized');
    expect(configured.categories).not.toContain(configured.defaultCategory);
    expect(configured.categories).toEqual(expect.arrayContaining(['Connector', 'Client', 'Errors', 'Schemas', 'Model', 'Pagination', 'Transport', 'Sandbox']));
    expect(configured.packageDirs).toMatchObject({ '@itsm/core': 'packages/core', '@itsm/jira-cloud': 'packages/jira-cloud', '@itsm/sandbox': 'packages/sandbox' });
  });
});
