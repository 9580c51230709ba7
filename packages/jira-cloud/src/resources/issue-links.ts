/**
 * `jira.issues.links`: links between issues (duplicates, blockers, the incident a problem caused).
 *
 * @module
 */
import type { AdfDocument } from '../adf/index.js';
import { toAdf, type BodyFormat } from '../internal/body.js';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { IssueLinkSchema, IssueLinkTypesSchema, type IssueLink, type IssueLinkType } from '../schemas/collaboration.js';

/**
 * A new link between two issues. With `type: 'Blocks'`, the outward issue *blocks* the inward one
 * (the inward one *is blocked by* it); `Relates` reads the same both ways.
 *
 * @example
 * ```ts
 * await jira.issues.links.create({ type: 'Duplicate', outwardIssue: 'HELP-7', inwardIssue: 'HELP-3', comment: 'Same VPN outage.' });
 * ```
 *
 * @category Resources
 */
export interface NewIssueLink {
  /** The link type's name (`Blocks`, `Cloners`, `Duplicate`, `Relates`, ...), as `links.types()` lists them. */
  type: string;
  /** The issue on the link type's inward side (key or id). */
  inwardIssue: string;
  /** The issue on the link type's outward side (key or id). */
  outwardIssue: string;
  /** A comment added to the outward issue with the link: plain text, Markdown (`format`) or ADF. */
  comment?: string | AdfDocument | undefined;
  /** How a string `comment` is read. Default `text`. */
  format?: BodyFormat | undefined;
}

const LINK_KEYS: readonly string[] = ['type', 'inwardIssue', 'outwardIssue', 'comment', 'format'];

/** A key or numeric id of an issue as the link body wants it. */
function issueRef(value: string): { key: string } | { id: string } {
  return /^\d+$/u.test(value) ? { id: value } : { key: value };
}

/**
 * Issue links (`/rest/api/3/issueLink`) and their types (`/rest/api/3/issueLinkType`). Creating a
 * link is not retried (a failed attempt may have linked, and a second would add the comment twice).
 *
 * @category Resources
 */
export class IssueLinksResource extends JiraResource {
  /**
   * The site's link types, each with its inward and outward phrase.
   *
   * @param options - Call options.
   * @example
   * ```ts
   * const relates = (await jira.issues.links.types()).find((type) => type.name === 'Relates');
   * ```
   */
  async types(options?: CallOptions): Promise<IssueLinkType[]> {
    const result = await this.send('GET', '/rest/api/3/issueLinkType', { schema: IssueLinkTypesSchema }, options);
    return result.issueLinkTypes;
  }

  /**
   * Links two issues. Jira answers with no body: read the link's id from either issue's
   * `issuelinks` field.
   *
   * @param input - The link type, the two issues, an optional comment.
   * @param options - Call options.
   */
  async create(input: NewIssueLink, options?: CallOptions): Promise<void> {
    if (typeof input !== 'object' || input === null) this.kit.fail('input', 'must be an object with type, inwardIssue and outwardIssue');
    this.kit.knownKeys(input, LINK_KEYS);
    for (const field of ['type', 'inwardIssue', 'outwardIssue'] as const) {
      if (typeof input[field] !== 'string' || input[field].trim() === '') this.kit.fail(field, 'must be a non-empty string');
    }
    const json: Record<string, unknown> = { type: { name: input.type }, inwardIssue: issueRef(input.inwardIssue), outwardIssue: issueRef(input.outwardIssue) };
    if (input.comment !== undefined) json.comment = { body: await toAdf(input.comment, input.format, 'comment') };
    else if (input.format !== undefined) this.kit.fail('format', 'is only read with a comment');
    await this.send('POST', '/rest/api/3/issueLink', { json }, options);
  }

  /**
   * A link by id, with both issues and its type.
   *
   * @param linkId - The link id.
   * @param options - Call options.
   */
  async get(linkId: string, options?: CallOptions): Promise<IssueLink> {
    return this.send('GET', this.path`/rest/api/3/issueLink/${{ linkId }}`, { schema: IssueLinkSchema }, options);
  }

  /**
   * Deletes a link (from both issues).
   *
   * @param linkId - The link id.
   * @param options - Call options.
   */
  async delete(linkId: string, options?: CallOptions): Promise<void> {
    await this.send('DELETE', this.path`/rest/api/3/issueLink/${{ linkId }}`, {}, options);
  }
}
