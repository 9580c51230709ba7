/**
 * `jira.issues.properties`: the entity properties of an issue, key–value pairs an integration keeps
 * with it (the connector keeps idempotency keys this way).
 *
 * @module
 */
import * as z from 'zod/mini';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { kit } from '../provider.js';
import { EntityPropertySchema, type EntityProperty } from '../schemas/common.js';

/** The keys of an issue's properties. */
const PropertyKeysSchema = z.looseObject({ keys: z.array(z.looseObject({ key: z.string(), self: z.optional(z.string()) })) });

/**
 * The largest property value Jira stores, in bytes of JSON.
 *
 * @category Resources
 */
export const PROPERTY_VALUE_MAX_BYTES = 32_768;

/**
 * Issue properties (`/rest/api/3/issue/{issueIdOrKey}/properties`).
 *
 * @category Resources
 */
export class IssuePropertiesResource extends JiraResource {
  /**
   * The keys of an issue's properties.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - Call options.
   */
  async keys(issueIdOrKey: string, options?: CallOptions): Promise<string[]> {
    const result = await this.send('GET', this.path`/rest/api/3/issue/${{ issueIdOrKey }}/properties`, { schema: PropertyKeysSchema }, options);
    return result.keys.map((entry) => entry.key);
  }

  /**
   * One property of an issue. A missing property (or issue) gives a `NotFoundError`.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param propertyKey - The property key (at most 255 characters).
   * @param options - Call options.
   */
  async get(issueIdOrKey: string, propertyKey: string, options?: CallOptions): Promise<EntityProperty> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/properties/${{ propertyKey }}`;
    return this.send('GET', path, { schema: EntityPropertySchema }, options);
  }

  /**
   * Sets a property (`PUT`: setting the same value again is harmless, so it is retried on transient
   * failures). The value is any JSON value of at most 32,768 bytes.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param propertyKey - The property key (at most 255 characters).
   * @param value - The value.
   * @param options - Call options.
   * @example
   * ```ts
   * await jira.issues.properties.set('HELP-1', 'acme.sync', { externalId: 'CRM-4711' });
   * ```
   */
  async set(issueIdOrKey: string, propertyKey: string, value: unknown, options?: CallOptions): Promise<void> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/properties/${{ propertyKey }}`;
    const json = value === undefined ? undefined : JSON.stringify(value);
    if (json === undefined) kit.fail('value', 'must be a JSON value');
    if (new TextEncoder().encode(json).byteLength > PROPERTY_VALUE_MAX_BYTES) kit.fail('value', `must be at most ${PROPERTY_VALUE_MAX_BYTES} bytes of JSON`);
    await this.send('PUT', path, { json: value }, options);
  }

  /**
   * Deletes a property.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param propertyKey - The property key.
   * @param options - Call options.
   */
  async delete(issueIdOrKey: string, propertyKey: string, options?: CallOptions): Promise<void> {
    await this.send('DELETE', this.path`/rest/api/3/issue/${{ issueIdOrKey }}/properties/${{ propertyKey }}`, {}, options);
  }
}
