/**
 * `jira.issues.remoteLinks`: an issue's links to things outside Jira — the chat a ticket came from,
 * a runbook, another tracker's ticket.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { RemoteLinkIdentifiesSchema, RemoteLinkSchema, type RemoteLink, type RemoteLinkIdentifies } from '../schemas/collaboration.js';

/**
 * A remote link. Give a `globalId` (your own id of the linked object, e.g. `chat:4711`) to make
 * `upsert` update the same link instead of adding another.
 *
 * @example
 * ```ts
 * await jira.issues.remoteLinks.upsert('HELP-1', {
 *   globalId: `chat:${conversation.id}`, url: conversation.url, title: 'Chat with Ann', relationship: 'chat transcript',
 * });
 * ```
 *
 * @category Resources
 */
export interface RemoteLinkInput {
  /** Where the link goes (`http:` or `https:`). */
  url: string;
  /** What the link shows. */
  title: string;
  /** Your id of the linked object; a second `upsert` with it updates this link. */
  globalId?: string | undefined;
  /** How the object relates to the issue ("chat transcript", "mentioned in"). */
  relationship?: string | undefined;
  /** A line shown under the title. */
  summary?: string | undefined;
  /** A 16×16 icon and its tooltip. */
  icon?: { url16x16?: string | undefined; title?: string | undefined } | undefined;
  /** Whether the linked object is done (shown struck through). */
  resolved?: boolean | undefined;
  /** The application the object lives in (groups links in Jira's UI). */
  application?: { name?: string | undefined; type?: string | undefined } | undefined;
}

const INPUT_KEYS: readonly string[] = ['url', 'title', 'globalId', 'relationship', 'summary', 'icon', 'resolved', 'application'];

/**
 * Options of `remoteLinks.list`.
 *
 * @category Resources
 */
export interface ListRemoteLinksOptions extends CallOptions {
  /** Only the link with this global id (the list then has at most one link). */
  globalId?: string | undefined;
}

/**
 * Remote links of an issue (`/rest/api/3/issue/{issueIdOrKey}/remotelink`). An `upsert` with a
 * `globalId` is retried on transient failures (a second one updates the same link); one without
 * is not (it could add the link twice).
 *
 * @category Resources
 */
export class IssueRemoteLinksResource extends JiraResource {
  /**
   * The remote links of an issue, oldest first.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - `globalId`, call options.
   */
  async list(issueIdOrKey: string, options: ListRemoteLinksOptions = {}): Promise<RemoteLink[]> {
    const { globalId, ...call } = options;
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/remotelink`;
    if (globalId === undefined) return this.send('GET', path, { schema: z.array(RemoteLinkSchema) }, call);
    if (typeof globalId !== 'string' || globalId === '') this.kit.fail('globalId', 'must be a non-empty string');
    // With globalId Jira answers the one link, not a list.
    return [await this.send('GET', path, { query: { globalId }, schema: RemoteLinkSchema }, call)];
  }

  /**
   * One remote link by id.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param linkId - The remote link id.
   * @param options - Call options.
   */
  async get(issueIdOrKey: string, linkId: string, options?: CallOptions): Promise<RemoteLink> {
    return this.send('GET', this.path`/rest/api/3/issue/${{ issueIdOrKey }}/remotelink/${{ linkId }}`, { schema: RemoteLinkSchema }, options);
  }

  /**
   * Creates a remote link, or updates the one with the same `globalId`.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param input - URL, title, and what else the link shows.
   * @param options - Call options.
   * @returns The link's id and URL.
   */
  async upsert(issueIdOrKey: string, input: RemoteLinkInput, options?: CallOptions): Promise<RemoteLinkIdentifies> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/remotelink`;
    const json = this.#body(input);
    return this.send('POST', path, { json, schema: RemoteLinkIdentifiesSchema, retryable: input.globalId !== undefined }, options);
  }

  /**
   * Deletes a remote link by id.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param linkId - The remote link id.
   * @param options - Call options.
   */
  async delete(issueIdOrKey: string, linkId: string, options?: CallOptions): Promise<void> {
    await this.send('DELETE', this.path`/rest/api/3/issue/${{ issueIdOrKey }}/remotelink/${{ linkId }}`, {}, options);
  }

  /**
   * Deletes the remote link with a global id.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param globalId - The link's global id.
   * @param options - Call options.
   */
  async deleteByGlobalId(issueIdOrKey: string, globalId: string, options?: CallOptions): Promise<void> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/remotelink`;
    if (typeof globalId !== 'string' || globalId === '') this.kit.fail('globalId', 'must be a non-empty string');
    await this.send('DELETE', path, { query: { globalId } }, options);
  }

  #body(input: RemoteLinkInput): Record<string, unknown> {
    if (typeof input !== 'object' || input === null) this.kit.fail('input', 'must be an object with url and title');
    this.kit.knownKeys(input, INPUT_KEYS);
    if (typeof input.url !== 'string' || !/^https?:\/\/\S+$/iu.test(input.url)) this.kit.fail('url', 'must be an http(s) URL');
    if (typeof input.title !== 'string' || input.title.trim() === '') this.kit.fail('title', 'must be a non-empty string');
    for (const field of ['globalId', 'relationship', 'summary'] as const) {
      if (input[field] !== undefined && (typeof input[field] !== 'string' || input[field] === '')) this.kit.fail(field, 'must be a non-empty string');
    }
    if (input.resolved !== undefined && typeof input.resolved !== 'boolean') this.kit.fail('resolved', 'must be a boolean');
    const object: Record<string, unknown> = { url: input.url, title: input.title };
    if (input.summary !== undefined) object.summary = input.summary;
    if (input.icon !== undefined) {
      if (typeof input.icon !== 'object' || input.icon === null) this.kit.fail('icon', 'must be an object');
      this.kit.knownKeys(input.icon, ['url16x16', 'title'], 'icon');
      object.icon = { ...input.icon };
    }
    if (input.resolved !== undefined) object.status = { resolved: input.resolved };
    const json: Record<string, unknown> = { object };
    if (input.globalId !== undefined) json.globalId = input.globalId;
    if (input.relationship !== undefined) json.relationship = input.relationship;
    if (input.application !== undefined) {
      if (typeof input.application !== 'object' || input.application === null) this.kit.fail('application', 'must be an object');
      this.kit.knownKeys(input.application, ['name', 'type'], 'application');
      json.application = { ...input.application };
    }
    return json;
  }
}
