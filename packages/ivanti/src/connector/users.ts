/**
 * People: Ivanti employees as the model's `User`, lookups by e-mail, and turning a `PersonInput`
 * into an employee.
 *
 * @module
 */
import type { PersonInput, User } from '@itsm/core';
import { findOneByEmail, resolvePerson, type PersonDirectory } from '@itsm/core/provider';
import type { IvantiClient } from '../client.js';
import { checkRecId } from '../odata/names.js';
import { IVANTI } from '../provider.js';
import type { Employee } from '../schemas/people.js';

/**
 * An employee as a `User`: `active` unless their `Status` is set to something other than `Active`
 * or they are `Disabled`; `kind` is `agent` for analysts (employees in a `Team`, who can own
 * tickets), else `employee`.
 *
 * @param employee - The employee record.
 * @category Mapping
 */
export function employeeToUser(employee: Employee): User {
  const status = employee.Status?.trim();
  const name = employee.DisplayName?.trim() || [employee.FirstName, employee.LastName].filter(Boolean).join(' ') || employee.LoginID || employee.PrimaryEmail || employee.RecId;
  return {
    provider: IVANTI,
    id: employee.RecId,
    ...(employee.PrimaryEmail ? { email: employee.PrimaryEmail } : {}),
    name,
    active: (status === undefined || status === '' || status.toLowerCase() === 'active') && employee.Disabled !== true,
    kind: typeof employee.Team === 'string' && employee.Team.trim() !== '' ? 'agent' : 'employee',
    raw: employee,
  };
}

/** The employees as the connector finds people by e-mail. */
export function employeeDirectory(client: IvantiClient): PersonDirectory<Employee> {
  return {
    provider: IVANTI,
    withEmail: (email) => client.employees.findByEmail(email),
    idOf: (employee) => employee.RecId,
    noun: 'employees',
    notFound: (email) => `no employee has the e-mail address ${email} (check PrimaryEmail in the employee record, or pass { id: employeeRecId })`,
  };
}

/**
 * The employee with this e-mail, `null` when none has it.
 *
 * @param client - The client.
 * @param email - A checked e-mail address.
 * @throws `AmbiguousMatchError` when several employees have it.
 */
export function employeeByEmail(client: IvantiClient, email: string): Promise<Employee | null> {
  return findOneByEmail(employeeDirectory(client), email);
}

/**
 * The employee RecId a `PersonInput` names: an id as it is (it must be a RecId), an e-mail through
 * the employees.
 *
 * @param client - The client.
 * @param person - The validated input.
 * @param field - The input's field, for errors (e.g. `input.requester`).
 * @param unknown - `'null'`: an e-mail nobody has gives `null` instead of an `InputError`.
 */
export async function employeeIdOf(client: IvantiClient, person: PersonInput, field: string, unknown: 'throw' | 'null' = 'throw'): Promise<string | null> {
  const id = unknown === 'null' ? await resolvePerson(employeeDirectory(client), person, field, 'null') : await resolvePerson(employeeDirectory(client), person, field);
  return id === null ? null : checkRecId(id, field);
}
