/**
 * `autotask.contacts`: customers' people, queried at the root and written under their company
 * (`/Companies/{id}/Contacts`: `PATCH /Contacts` is not served on every zone).
 *
 * @module
 */
import { EmailSchema } from '@itsm/core';
import type { CallOptions } from '../options.js';
import type { OperationResult } from '../schemas/common.js';
import { AutotaskContactSchema, type AutotaskContact } from '../schemas/entities.js';
import type { ResourceContext } from './context.js';
import { EntityReader, type EntityFields } from './entity.js';
import { anyEmailIs, hasEmail } from './people.js';

/**
 * The email fields of a contact.
 *
 * @category Resources
 */
export const CONTACT_EMAIL_FIELDS: readonly string[] = Object.freeze(['emailAddress', 'emailAddress2', 'emailAddress3']);

/**
 * Options of `contacts.withEmail()`.
 *
 * @category Resources
 */
export interface ContactEmailOptions extends CallOptions {
  /** Include inactive contacts (`isActive` 0). Default `false`. */
  includeInactive?: boolean | undefined;
}

/**
 * Contacts (`Contacts`). `isActive` is `1` or `0`.
 *
 * @example
 * ```ts
 * const [ann] = await autotask.contacts.withEmail('ann.lee@example.com');
 * await autotask.contacts.update(ann!.companyID!, ann!.id, { mobilePhone: '+31 6 1234 5678' });
 * ```
 *
 * @category Resources
 */
export class ContactsResource extends EntityReader<AutotaskContact> {
  /**
   * Made by `AutotaskClient`.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    super(context, 'Contacts', AutotaskContactSchema);
  }

  /**
   * Every contact with this address in one of its three email fields (case-insensitive), active ones
   * only unless asked. More than one means the address is not unique, which an integration matching
   * people by email cannot work with.
   *
   * @param email - The address.
   * @param options - `includeInactive`, call options.
   */
  async withEmail(email: string, options: ContactEmailOptions = {}): Promise<AutotaskContact[]> {
    const address = this.kit.parse(EmailSchema, email, 'email');
    const { includeInactive = false, ...call } = options;
    const filter = includeInactive ? [anyEmailIs(CONTACT_EMAIL_FIELDS, address)] : [anyEmailIs(CONTACT_EMAIL_FIELDS, address), { op: 'eq' as const, field: 'isActive', value: 1 }];
    const found = await this.query({ filter, ...call }).toArray({ limit: Infinity });
    return found.filter((contact) => hasEmail(contact, CONTACT_EMAIL_FIELDS, address));
  }

  /**
   * Creates a contact in a company: `POST /Companies/{id}/Contacts`.
   *
   * @param companyId - The company.
   * @param fields - The contact's fields (`firstName`, `lastName`, `emailAddress`, `isActive`, ...).
   * @param options - Call options.
   */
  async create(companyId: number, fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    const parent = this.id(companyId, 'companyId');
    const body = this.writeFields(fields, 'fields');
    if (body.companyID !== undefined && Number(body.companyID) !== parent) this.kit.fail('fields.companyID', `must be left out, or be companyId (${parent})`);
    return this.childOf(parent, 'Contacts', AutotaskContactSchema, 'Companies').create({ ...body, companyID: parent }, options);
  }

  /**
   * Changes the fields of a contact: `PATCH /Companies/{id}/Contacts`.
   *
   * @param companyId - The contact's company.
   * @param contactId - The contact.
   * @param fields - The fields to change.
   * @param options - Call options.
   */
  async update(companyId: number, contactId: number, fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.childOf(companyId, 'Contacts', AutotaskContactSchema, 'Companies').update(contactId, fields, options);
  }

  /**
   * Deletes a contact: `DELETE /Companies/{id}/Contacts/{contactId}`.
   *
   * @param companyId - The contact's company.
   * @param contactId - The contact.
   * @param options - Call options.
   */
  async delete(companyId: number, contactId: number, options?: CallOptions): Promise<OperationResult> {
    return this.childOf(companyId, 'Contacts', AutotaskContactSchema, 'Companies').delete(contactId, options);
  }
}
