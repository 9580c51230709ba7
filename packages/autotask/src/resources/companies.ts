/**
 * `autotask.companies`: your customers (and your own organisation, id `0`), and their contacts.
 *
 * @module
 */
import type { CallOptions } from '../options.js';
import type { OperationResult } from '../schemas/common.js';
import { AutotaskCompanySchema, AutotaskContactSchema, type AutotaskCompany, type AutotaskContact } from '../schemas/entities.js';
import type { ChildCollection } from './child.js';
import type { ResourceContext } from './context.js';
import { EntityReader, type EntityFields } from './entity.js';

/**
 * Companies (`Companies`). They cannot be deleted through the API.
 *
 * @example
 * ```ts
 * const own = await autotask.companies.get(0);
 * for await (const contact of autotask.companies.contacts(174).list()) console.log(contact.emailAddress);
 * ```
 *
 * @category Resources
 */
export class CompaniesResource extends EntityReader<AutotaskCompany> {
  /**
   * Made by `AutotaskClient`.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    super(context, 'Companies', AutotaskCompanySchema);
  }

  /**
   * Creates a company: `POST /Companies`.
   *
   * @param fields - The company's fields (`companyName`, `companyType`, `ownerResourceID`, ...).
   * @param options - Call options.
   */
  async create(fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.createAt(this.base, fields, options);
  }

  /**
   * Changes the fields of a company: `PATCH /Companies`.
   *
   * @param id - The company id.
   * @param fields - The fields to change.
   * @param options - Call options.
   */
  async update(id: number, fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.updateAt(this.base, id, fields, options);
  }

  /**
   * A company's contacts: `/Companies/{id}/Contacts`, where contacts are created and updated.
   *
   * @param companyId - The company id.
   */
  contacts(companyId: number): ChildCollection<AutotaskContact> {
    return this.childOf(companyId, 'Contacts', AutotaskContactSchema);
  }
}
