/**
 * The reference checks of writes, with Autotask's messages: a company, contact or resource a record
 * points at must exist and be active; a ticket's contact must belong to its company (changing the
 * company of a ticket whose contact belongs to the old one fails: `Value does not reference an
 * existing entity for contactID.`); a resource assigned to a ticket needs a role it has, and API-only
 * users cannot be assigned.
 *
 * @module
 */
import { failAutotask } from './errors.js';
import { LICENSE_API_USER } from './picklists.js';
import type { AutotaskState, Company, Contact, Resource } from './store.js';

/** The message for a reference to a record that does not exist or is inactive. */
export function badReference(field: string, type: string): string {
  return `Reference value on field: ${field} of type: ${type} does not exist or is invalid.`;
}

/** An existing, active company. */
export function activeCompany(state: AutotaskState, id: number, field = 'companyID'): Company {
  const company = state.tables.Companies.get(id);
  if (company === undefined || !company.isActive) failAutotask(badReference(field, 'Account'));
  return company;
}

/** An existing, active contact of the company. */
export function contactOfCompany(state: AutotaskState, id: number, companyId: number, field = 'contactID'): Contact {
  const contact = state.tables.Contacts.get(id);
  if (contact === undefined || contact.isActive !== 1) failAutotask(badReference(field, 'Contact'));
  if (contact.companyID !== companyId) failAutotask(`Value does not reference an existing entity for ${field}.`);
  return contact;
}

/** An existing, active resource that is not an API-only user (those cannot own or be assigned anything). */
export function assignableResource(state: AutotaskState, id: number, field: string): Resource {
  const resource = state.tables.Resources.get(id);
  if (resource === undefined || !resource.isActive || resource.licenseType === LICENSE_API_USER) failAutotask(badReference(field, 'Resource'));
  return resource;
}

/** Checks a ticket's assignment: both `assignedResourceID` and `assignedResourceRoleID` or neither, and a role the resource has. */
export function checkAssignment(state: AutotaskState, resourceId: number | null, roleId: number | null): void {
  if (resourceId === null && roleId === null) return;
  if (resourceId === null || roleId === null) failAutotask('When assigning a Resource, you must assign both a assignedResourceID and assignedResourceRoleID.');
  assignableResource(state, resourceId, 'assignedResourceID');
  if (state.resourceRoles.get(resourceId)?.has(roleId) !== true) failAutotask(badReference('assignedResourceRoleID', 'Role'));
}
