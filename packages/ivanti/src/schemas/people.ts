/**
 * Employees (`employees`): the user table.
 *
 * @module
 */
import * as z from 'zod/mini';
import { flag, text } from './common.js';

/**
 * An employee. `LoginID` is spelt with a capital `ID` (field names are case-sensitive);
 * `DisplayName` is assembled from the name parts and may hold a middle initial.
 *
 * @example
 * ```ts
 * const [ann] = await ivanti.employees.findByEmail('ann.lee@example.com');
 * console.log(ann?.RecId, ann?.LoginID, ann?.DisplayName, ann?.Status);
 * ```
 *
 * @category Schemas
 */
export const EmployeeSchema = z.looseObject({
  /** The employee's key. */
  RecId: z.string(),
  /** The login ID. */
  LoginID: text,
  /** The e-mail address. */
  PrimaryEmail: text,
  /** First name. */
  FirstName: text,
  /** Middle name. */
  MiddleName: text,
  /** Last name. */
  LastName: text,
  /** The name as shown ("John M Doe"). */
  DisplayName: text,
  /** `Active`, `Inactive`, `New`, `On Leave`, `Terminated`, ... */
  Status: text,
  /** Whether the account is disabled. */
  Disabled: flag,
  /** The department. */
  Department: text,
  /** The team, for analysts (those who can own tickets). */
  Team: text,
  /** Where they work (what a service request's `strCustomerLocation` takes). */
  EmployeeLocation: text,
});
/**
 * @see {@link EmployeeSchema}
 *
 * @category Schemas
 */
export type Employee = z.infer<typeof EmployeeSchema>;
