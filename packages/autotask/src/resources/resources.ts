/**
 * `autotask.resources`: Autotask's users (agents, and API-only users). Resources cannot be created
 * or deleted through the API.
 *
 * @module
 */
import { EmailSchema } from '@itsm/core';
import type { CallOptions } from '../options.js';
import type { OperationResult } from '../schemas/common.js';
import { AutotaskResourceSchema, type AutotaskResource } from '../schemas/entities.js';
import type { ResourceContext } from './context.js';
import { EntityReader, type EntityFields } from './entity.js';
import { anyEmailIs, hasEmail } from './people.js';

/**
 * The email fields of a resource.
 *
 * @category Resources
 */
export const RESOURCE_EMAIL_FIELDS: readonly string[] = Object.freeze(['email', 'email2', 'email3']);

/**
 * Options of `resources.withEmail()`.
 *
 * @category Resources
 */
export interface ResourceEmailOptions extends CallOptions {
  /** Include inactive resources. Default `false`. */
  includeInactive?: boolean | undefined;
}

/**
 * Resources (`Resources`): the people who work tickets. To assign a ticket to one, give its
 * `assignedResourceRoleID` too (e.g. the resource's `defaultServiceDeskRoleID`).
 *
 * @example
 * ```ts
 * const [agent] = await autotask.resources.withEmail('dana.cole@example.com');
 * ```
 *
 * @category Resources
 */
export class ResourcesResource extends EntityReader<AutotaskResource> {
  /**
   * Made by `AutotaskClient`.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    super(context, 'Resources', AutotaskResourceSchema);
  }

  /**
   * Every resource with this address in one of its email fields (case-insensitive), active ones only unless asked.
   *
   * @param email - The address.
   * @param options - `includeInactive`, call options.
   */
  async withEmail(email: string, options: ResourceEmailOptions = {}): Promise<AutotaskResource[]> {
    const address = this.kit.parse(EmailSchema, email, 'email');
    const { includeInactive = false, ...call } = options;
    const filter = includeInactive ? [anyEmailIs(RESOURCE_EMAIL_FIELDS, address)] : [anyEmailIs(RESOURCE_EMAIL_FIELDS, address), { op: 'eq' as const, field: 'isActive', value: true }];
    const found = await this.query({ filter, ...call }).toArray({ limit: Infinity });
    return found.filter((resource) => hasEmail(resource, RESOURCE_EMAIL_FIELDS, address));
  }

  /**
   * Changes the fields of a resource: `PATCH /Resources`.
   *
   * @param id - The resource id.
   * @param fields - The fields to change.
   * @param options - Call options.
   */
  async update(id: number, fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.updateAt(this.base, id, fields, options);
  }
}
