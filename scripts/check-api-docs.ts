// Checks the typedoc site through its JSON model (`docs/api.json`, written by `pnpm run docs` next
// to the HTML in `docs/api/`):
//
//   1. every exported symbol is listed under a topic: a `@category` in its TSDoc, one of the
//      `categoryOrder` of typedoc.base.json (a symbol without one would land in "Uncategorized");
//   2. each README shows once: a package page shows the package's README, so the entry point of a
//      one-entry package has no module comment of its own (it would show above the README and
//      repeat it), and no README or guide is rendered twice;
//   3. a type of another `@itsm` package (`AccessReport` in a provider's `verifyAccess()`, ...) links
//      to that package's page instead of staying a bare name.
//
// CLI: `node scripts/check-api-docs.ts [api.json]` prints each problem with what to change and exits
// 1 if there is any. The test examples/test/api-docs-check.test.ts runs the same function on
// fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** typedoc's `ReflectionKind` of a module (an entry point). */
const MODULE = 2;
/** typedoc's `ReflectionKind` of a namespace (`export * as name`). */
const NAMESPACE = 4;

/** A run of text in a typedoc comment or README. */
export interface DisplayPart {
  kind: string;
  text: string;
}

/** Where a reflection's symbol is declared, as typedoc's JSON `symbolIdMap` records it. */
export interface SymbolLocation {
  packageName: string;
  packagePath: string;
  qualifiedName: string;
}

/** The parts of a typedoc JSON reflection this check reads. */
export interface ApiReflection {
  id: number;
  name: string;
  kind: number;
  comment?: { summary?: DisplayPart[] };
  children?: ApiReflection[];
  categories?: { title: string; children: number[] }[];
  readme?: DisplayPart[];
  documents?: { name: string; content?: DisplayPart[] }[];
  [key: string]: unknown;
}

/** The parts of typedoc's JSON project this check reads. */
export interface ApiProject extends ApiReflection {
  symbolIdMap?: Record<string, SymbolLocation>;
}

/** How the site is meant to be organised. */
export interface ApiDocsRules {
  /** The allowed topics (`categoryOrder`). */
  categories: string[];
  /** Where typedoc puts a symbol without a `@category` (`defaultCategory`). */
  defaultCategory: string;
  /** Package name → its folder, relative to the repository (for the messages). */
  packageDirs: Record<string, string>;
}

/** One problem, with the change that fixes it. */
export interface ApiDocsProblem {
  code: 'no-category' | 'unknown-category' | 'readme-twice' | 'unlinked-type';
  message: string;
}

/** The rules as configured: the topics and default of typedoc.base.json, the packages' folders. */
export function configuredRules(root = repoRoot): ApiDocsRules {
  const file = join(root, 'typedoc.base.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(`cannot read ${file}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { categoryOrder, defaultCategory } = config as { categoryOrder?: string[]; defaultCategory?: string };
  if (!categoryOrder?.length || !defaultCategory) throw new Error(`${file} must set categoryOrder and defaultCategory`);
  const packageDirs: Record<string, string> = {};
  for (const dir of readdirSync(join(root, 'packages'))) {
    const manifest = join(root, 'packages', dir, 'package.json');
    if (existsSync(manifest)) packageDirs[(JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name] = `packages/${dir}`;
  }
  return { categories: categoryOrder, defaultCategory, packageDirs };
}

/** The modules and namespaces whose children are listed on a page of their own. */
function listingPages(pkg: ApiReflection): { label: string; page: ApiReflection }[] {
  const entries = pkg.children?.some((child) => child.kind === MODULE) ? pkg.children.filter((child) => child.kind === MODULE) : [pkg];
  const pages: { label: string; page: ApiReflection }[] = [];
  const visit = (label: string, page: ApiReflection) => {
    pages.push({ label, page });
    for (const child of page.children ?? []) if (child.kind === NAMESPACE) visit(`${label} › ${child.name}`, child);
  };
  for (const entry of entries) visit(entry === pkg ? pkg.name : `${pkg.name}/${entry.name}`, entry);
  return pages;
}

/** The text of display parts, with whitespace folded, for comparing READMEs and guides. */
function plainText(parts: DisplayPart[] | undefined): string {
  return (parts ?? []).map((part) => part.text).join('').replace(/\s+/g, ' ').trim();
}

function checkCategories(project: ApiProject, rules: ApiDocsRules, problems: ApiDocsProblem[]): void {
  const allowed = new Set(rules.categories);
  const where = (pkgName: string, id: number): string => {
    const location = project.symbolIdMap?.[String(id)];
    const dir = rules.packageDirs[location?.packageName ?? pkgName] ?? pkgName;
    return location ? `${dir}/${location.packagePath}` : dir;
  };
  for (const pkg of project.children ?? []) {
    for (const { label, page } of listingPages(pkg)) {
      const categoryOf = new Map<number, string[]>();
      for (const category of page.categories ?? []) {
        for (const id of category.children) categoryOf.set(id, [...(categoryOf.get(id) ?? []), category.title]);
      }
      // The topics already used by the other exports of each file, to suggest one.
      const topicsOfFile = new Map<string, Set<string>>();
      for (const child of page.children ?? []) {
        for (const title of categoryOf.get(child.id) ?? []) {
          if (title === rules.defaultCategory) continue;
          const file = where(pkg.name, child.id);
          topicsOfFile.set(file, (topicsOfFile.get(file) ?? new Set()).add(title));
        }
      }
      for (const child of page.children ?? []) {
        if (child.kind === MODULE) continue;
        const file = where(pkg.name, child.id);
        const titles = (categoryOf.get(child.id) ?? []).filter((title) => title !== rules.defaultCategory);
        if (titles.length === 0) {
          const siblings = [...(topicsOfFile.get(file) ?? [])];
          const hint =
            siblings.length > 0
              ? `the other exports of ${file} use ${siblings.map((title) => `"@category ${title}"`).join(' or ')}`
              : `one of: ${rules.categories.join(', ')}`;
          problems.push({
            code: 'no-category',
            message: `${label}: \`${child.name}\` (${file}) has no topic. Add the line \` * @category <topic>\` at the end of its TSDoc comment; ${hint}. A new topic goes in categoryOrder of typedoc.base.json first.`,
          });
        }
        for (const title of titles.filter((title) => !allowed.has(title))) {
          problems.push({
            code: 'unknown-category',
            message: `${label}: \`${child.name}\` (${file}) has "@category ${title}", which is not in categoryOrder of typedoc.base.json. Use one of: ${rules.categories.join(', ')}; or add "${title}" there.`,
          });
        }
      }
    }
  }
}

function checkReadmes(project: ApiProject, rules: ApiDocsRules, problems: ApiDocsProblem[]): void {
  for (const pkg of project.children ?? []) {
    const oneEntry = !pkg.children?.some((child) => child.kind === MODULE);
    if (pkg.readme && oneEntry && plainText(pkg.comment?.summary) !== '') {
      const dir = rules.packageDirs[pkg.name] ?? pkg.name;
      problems.push({
        code: 'readme-twice',
        message: `${pkg.name}: its page shows README.md and, above it, the module comment of its entry point, which repeats it. Turn the \`@packageDocumentation\` / \`@module\` comment of ${dir}/src/index.ts into a plain \`//\` comment (or move what it adds into the README).`,
      });
    }
  }
  const shown = new Map<string, string>();
  const show = (where: string, parts: DisplayPart[] | undefined) => {
    const text = plainText(parts);
    if (text === '') return;
    const first = shown.get(text);
    if (first === undefined) shown.set(text, where);
    else problems.push({ code: 'readme-twice', message: `${where} repeats ${first} word for word: render it once (drop it from projectDocuments, or link to it).` });
  };
  show('the site\'s front page (README.md)', project.readme);
  for (const document of project.documents ?? []) show(`the guide "${document.name}"`, document.content);
  for (const pkg of project.children ?? []) {
    show(`the page of ${pkg.name} (its README.md)`, pkg.readme);
    for (const document of pkg.documents ?? []) show(`the document "${document.name}" of ${pkg.name}`, document.content);
  }
}

/** Every reference to a type of another `@itsm` package must have resolved to a page of the site. */
function checkLinks(project: ApiProject, problems: ApiDocsProblem[]): void {
  const seen = new Set<string>();
  const walk = (value: unknown, pkgName: string, owner: string) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, pkgName, owner);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    const target = node.target;
    if (node.type === 'reference' && target !== null && typeof target === 'object') {
      const { packageName, packagePath } = target as SymbolLocation;
      const key = `${owner}→${packageName}:${String(node.name)}`;
      if (packageName !== pkgName && packageName?.startsWith('@itsm/') && !seen.has(key)) {
        seen.add(key);
        problems.push({
          code: 'unlinked-type',
          message: `${owner} refers to \`${String(node.name)}\` of ${packageName} (${packagePath}), which did not resolve to its page. Run typedoc from the repository root (\`pnpm run docs\`), and map ${packageName} to its sources in compilerOptions.paths of typedoc.base.json.`,
        });
      }
    }
    const name = typeof node.name === 'string' && typeof node.kind === 'number' ? `${pkgName} › ${node.name}` : owner;
    for (const [key, child] of Object.entries(node)) if (key !== 'target') walk(child, pkgName, name);
  };
  for (const pkg of project.children ?? []) walk(pkg, pkg.name, pkg.name);
}

/**
 * Checks typedoc's JSON model of the site.
 *
 * @param project - The parsed `docs/api.json`.
 * @param rules - The topics and packages (see {@link configuredRules}).
 * @returns The problems, each with what to change; none when the site is as meant.
 */
export function checkApiDocs(project: ApiProject, rules: ApiDocsRules): ApiDocsProblem[] {
  const problems: ApiDocsProblem[] = [];
  checkCategories(project, rules, problems);
  checkReadmes(project, rules, problems);
  checkLinks(project, problems);
  return problems;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = resolve(process.argv[2] ?? join(repoRoot, 'docs', 'api.json'));
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`pnpm run docs\` (typedoc writes it next to docs/api/).`);
    process.exitCode = 1;
  } else {
    const problems = checkApiDocs(JSON.parse(readFileSync(file, 'utf8')) as ApiProject, configuredRules());
    for (const problem of problems) console.error(`[${problem.code}] ${problem.message}`);
    if (problems.length > 0) {
      console.error(`\n${problems.length} problem(s) in the API docs (scripts/check-api-docs.ts)`);
      process.exitCode = 1;
    } else {
      console.log('API docs: every export has a topic, each README shows once, types of other packages link to their pages');
    }
  }
}
