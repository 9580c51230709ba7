/**
 * Company and resource writes at the root: `POST`, `PATCH`, `PUT /Companies` (required:
 * `companyName`, `companyType`, `ownerResourceID` — an active resource that is not an API user —
 * and `phone`), and `PATCH`, `PUT /Resources` (resources cannot be created over the API).
 *
 * @module
 */
import { callerOf, type Caller } from '../auth.js';
import { COMPANIES, RESOURCES } from '../entities/index.js';
import { failAutotask, NOTHING_TO_UPDATE } from '../errors.js';
import { API_PREFIX } from '../paths.js';
import { assignableResource } from '../references.js';
import type { AutotaskState, Company } from '../store.js';
import type { FieldValue } from '../table.js';
import { checkFields, readWriteBody, replacementChanges, type WriteInput } from '../write.js';
import { itemId, requireId, writeBody, type AutotaskRouter } from './router.js';

function createCompany(state: AutotaskState, caller: Caller, input: WriteInput): number {
  const changes: Record<string, FieldValue> = { isActive: true, ...input.changes };
  checkFields(COMPANIES, undefined, changes, true);
  assignableResource(state, changes.ownerResourceID as number, 'ownerResourceID');
  const now = state.clock();
  const table = state.tables.Companies;
  const record: Record<string, FieldValue> = { id: table.allocateId() };
  const fields = { ...changes, createDate: now, lastActivityDate: now, lastTrackedModifiedDateTime: now, createdByResourceID: (caller.impersonated ?? caller.apiUser).id };
  for (const [name, value] of Object.entries(fields)) if (value !== null) record[name] = value;
  const company = table.insert(record as unknown as Company);
  for (const [name, value] of Object.entries(input.udfs)) table.setUdf(company.id, name, value);
  return company.id;
}

function updateCompany(state: AutotaskState, input: WriteInput, replace: boolean): number {
  const id = requireId(input.id, 'Company');
  const company = state.tables.Companies.get(id);
  if (company === undefined) failAutotask(NOTHING_TO_UPDATE);
  const changes = replace ? replacementChanges(COMPANIES, input.changes) : { ...input.changes };
  checkFields(COMPANIES, company, changes, replace);
  if ('ownerResourceID' in changes) assignableResource(state, changes.ownerResourceID as number, 'ownerResourceID');
  const now = state.clock();
  state.tables.Companies.update(id, { ...changes, lastActivityDate: now, lastTrackedModifiedDateTime: now });
  for (const [name, value] of Object.entries(input.udfs)) state.tables.Companies.setUdf(id, name, value);
  return id;
}

function updateResource(state: AutotaskState, input: WriteInput, replace: boolean): number {
  const id = requireId(input.id, 'Resource');
  const resource = state.tables.Resources.get(id);
  if (resource === undefined) failAutotask(NOTHING_TO_UPDATE);
  const changes = replace ? replacementChanges(RESOURCES, input.changes) : { ...input.changes };
  checkFields(RESOURCES, resource, changes, replace);
  state.tables.Resources.update(id, changes);
  return id;
}

/** Adds the company and resource write routes. */
export function companyRoutes(router: AutotaskRouter): void {
  const companies = `${API_PREFIX}/companies`;
  const resources = `${API_PREFIX}/resources`;
  router
    .post(companies, (request, { state }) => itemId(createCompany(state, callerOf(request), readWriteBody(COMPANIES, writeBody(request)))))
    .patch(companies, (request, { state }) => itemId(updateCompany(state, readWriteBody(COMPANIES, writeBody(request)), false)))
    .put(companies, (request, { state }) => itemId(updateCompany(state, readWriteBody(COMPANIES, writeBody(request)), true)))
    .patch(resources, (request, { state }) => itemId(updateResource(state, readWriteBody(RESOURCES, writeBody(request)), false)))
    .put(resources, (request, { state }) => itemId(updateResource(state, readWriteBody(RESOURCES, writeBody(request)), true)));
}
