/**
 * `ivanti.employees`: the user table, with lookups by e-mail address and login ID.
 *
 * @module
 */
import { EmailSchema, type Transport } from '@itsm/core';
import type { CallOptions } from '@itsm/core/provider';
import { odata } from '../odata/builder.js';
import { EmployeeSchema, type Employee } from '../schemas/people.js';
import { BusinessObjectResource } from './business-object.js';

/** The most employees a lookup reads: several records may share an address (a rehired person's old and new ones). */
const LOOKUP_LIMIT = 100;

/**
 * Employees (`employees`). `eq` on Ivanti ignores case, so lookups match any spelling; records are
 * then compared exactly (trimmed, case-insensitive) here.
 *
 * @category Resources
 */
export class EmployeesResource extends BusinessObjectResource<Employee> {
  /**
   * Made by {@link IvantiClient}.
   *
   * @param http - The client's transport.
   * @internal
   */
  constructor(http: Transport) {
    super(http, 'employees', EmployeeSchema);
  }

  /**
   * Every employee whose `PrimaryEmail` is the address (any case), active or not: directories keep
   * old records of people who left and came back, so there may be several.
   *
   * @param email - The e-mail address.
   * @param options - Call options.
   * @example
   * ```ts
   * const matches = await ivanti.employees.findByEmail('ann.lee@example.com');
   * const active = matches.filter((employee) => employee.Status === 'Active');
   * ```
   */
  async findByEmail(email: string, options?: CallOptions): Promise<Employee[]> {
    const address = this.kit.parse(EmailSchema, email, 'email');
    const found = await this.list({ filter: odata.eq('PrimaryEmail', address), ...options }).toArray({ limit: LOOKUP_LIMIT });
    return found.filter((employee) => employee.PrimaryEmail?.trim().toLowerCase() === address.toLowerCase());
  }

  /**
   * The employees with this login ID (any case): usually one.
   *
   * @param loginId - The login ID (`LoginID`).
   * @param options - Call options.
   */
  async findByLogin(loginId: string, options?: CallOptions): Promise<Employee[]> {
    if (typeof loginId !== 'string' || loginId.trim() === '') this.kit.fail('loginId', 'must be a non-empty login ID');
    const wanted = loginId.trim();
    const found = await this.list({ filter: odata.eq('LoginID', wanted), ...options }).toArray({ limit: LOOKUP_LIMIT });
    return found.filter((employee) => employee.LoginID?.trim().toLowerCase() === wanted.toLowerCase());
  }
}
