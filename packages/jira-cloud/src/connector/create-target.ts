/**
 * Where a new ticket goes: the issue type of a platform issue, or the request type of a JSM request,
 * chosen from the input's `type` through the connector's type mapping.
 *
 * @internal
 * @module
 */
import { InputError, type TicketType } from '@itsm/core';
import type { ConnectorContext, ProjectIssueType } from './context.js';
import { normaliseName } from '@itsm/core/provider';
import { JIRA_CLOUD } from '../provider.js';

function typeNames(context: ConnectorContext, types: readonly ProjectIssueType[]): string {
  return types.map((type) => `${type.name} (${context.ticketType(type)})`).join(', ') || 'none';
}

/**
 * The issue type of a new platform issue: without `type`, the `issueType` option, else `Task`, else
 * the project's first standard issue type; with `type`, the `issueType` option when it maps to
 * `type`, else the project's first standard issue type that does.
 *
 * @param context - The connector's context.
 * @param type - The input's type.
 * @throws `InputError` naming `issueType` (an option the project does not have) or `input.type` (a type no issue type maps to).
 */
export async function platformIssueType(context: ConnectorContext, type: TicketType | undefined): Promise<ProjectIssueType> {
  const { projectKey, issueType } = context.options;
  const standard = (await context.project()).issueTypes.filter((candidate) => !candidate.subtask);
  const configured = issueType === undefined
    ? undefined
    : standard.find((candidate) => candidate.id === issueType || normaliseName(candidate.name) === normaliseName(issueType));
  if (issueType !== undefined && configured === undefined) {
    throw new InputError(`issueType: project ${projectKey} has no issue type "${issueType}" (it has: ${typeNames(context, standard)})`, { provider: JIRA_CLOUD, field: 'issueType' });
  }
  if (type === undefined) {
    const fallback = configured ?? standard.find((candidate) => normaliseName(candidate.name) === 'task') ?? standard[0];
    if (fallback === undefined) throw new InputError(`project ${projectKey} has no issue type to create`, { provider: JIRA_CLOUD, field: 'issueType' });
    return fallback;
  }
  const matching = standard.filter((candidate) => context.ticketType(candidate) === type);
  const chosen = configured !== undefined && matching.includes(configured) ? configured : matching[0];
  if (chosen === undefined) {
    throw new InputError(
      `input.type: project ${projectKey} has no issue type for ${type} (it has: ${typeNames(context, standard)}); map one with the typeMap option`,
      { provider: JIRA_CLOUD, field: 'input.type' },
    );
  }
  return chosen;
}

/**
 * The request type of a new JSM request: the `requestTypeId` option, unless `type` is given and its
 * issue type does not map to `type`; then the desk's first request type whose issue type does.
 *
 * @param context - The connector's context (with `serviceDeskId` and `requestTypeId`).
 * @param type - The input's type.
 * @throws `InputError` naming `input.type` when no request type of the desk fits.
 */
export async function requestTypeFor(context: ConnectorContext, type: TicketType | undefined): Promise<string> {
  const { requestTypeId, serviceDeskId } = context.options;
  if (requestTypeId === undefined) throw new InputError('requestTypeId is not configured', { provider: JIRA_CLOUD, field: 'requestTypeId' });
  if (type === undefined) return requestTypeId;
  const [{ issueTypes }, requestTypes] = await Promise.all([context.project(), context.requestTypes()]);
  const typeOf = (issueTypeId: string | undefined) => {
    const issueType = issueTypes.find((candidate) => candidate.id === issueTypeId);
    return issueType === undefined ? undefined : context.ticketType(issueType);
  };
  const configured = requestTypes.find((candidate) => candidate.id === requestTypeId);
  if (configured !== undefined && typeOf(configured.issueTypeId) === type) return configured.id;
  const match = requestTypes.find((candidate) => candidate.canCreateRequest !== false && typeOf(candidate.issueTypeId) === type);
  if (match === undefined) {
    throw new InputError(`input.type: service desk ${serviceDeskId} has no request type for ${type}; map an issue type to it with the typeMap option`, {
      provider: JIRA_CLOUD,
      field: 'input.type',
    });
  }
  return match.id;
}
