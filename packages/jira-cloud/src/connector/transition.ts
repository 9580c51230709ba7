/**
 * Choosing the workflow transition that moves an issue to a status category, and filling its screen.
 *
 * Jira has no "set status": an issue moves only through the transitions its workflow offers from
 * its current status, with ids that differ per workflow. So the connector lists the transitions the
 * account can perform now (with their screens), keeps those whose target status maps to the wanted
 * category (through the same mapping, `statusMap` included), prefers the names the service-account
 * setup asks for ("Resolve", "In Progress", "Reopen", ...), and fills what the screen needs:
 * the resolution, and the bot as assignee of an unassigned issue (the Resolve screen carries
 * Assignee for that), when the field is required or the transition ends the work (to `resolved` or
 * `closed`), and the resolution also when the caller asks for one (a transition whose screen has
 * no Resolution field then refuses it). A required field it cannot fill is an error naming the
 * field, never a silent failure.
 * It never takes two steps: a workflow without a direct transition gives an
 * `UnsupportedError` naming the current status and the target.
 *
 * @module
 */
import { InputError, UnsupportedError, type StatusCategory } from '@itsm/core';
import type { ScreenField, Transition } from '../schemas/transitions.js';
import { normaliseName } from '@itsm/core/provider';
import type { StatusMapper } from './status-map.js';
import { JIRA_CLOUD } from '../provider.js';

/**
 * Transition names preferred when several transitions reach the wanted category, best first
 * (compared case-insensitively): the names of the service-account setup and of Jira's templates.
 *
 * @category Mapping
 */
export const PREFERRED_TRANSITION_NAMES: Readonly<Record<Exclude<StatusCategory, 'unknown'>, readonly string[]>> = Object.freeze({
  open: ['Reopen', 'Re-open', 'Reopen issue', 'Reopened', 'Back to open', 'Open'],
  in_progress: ['Start progress', 'In Progress', 'Start', 'Start work', 'Work in progress'],
  waiting_for_user: ['Respond to customer', 'Waiting for customer', 'Wait for customer', 'Pending', 'Request information'],
  resolved: ['Resolve', 'Resolve issue', 'Resolved', 'Done', 'Mark as done', 'Complete'],
  closed: ['Close', 'Close issue', 'Closed', 'Cancel request', 'Cancel'],
});

/** Screen fields the connector fills itself. */
const FILLED_FIELDS = new Set(['resolution', 'assignee']);

/**
 * What {@link planTransition} needs to know besides the transitions.
 *
 * @category Mapping
 */
export interface TransitionContext {
  /** The issue key, for messages. */
  issueKey: string;
  /** The issue's current status, for messages and to skip loops. */
  current: { id?: string | undefined; name: string };
  /** Whether the issue has an assignee now. */
  assigned: boolean;
  /** The status mapping. */
  statusCategory: StatusMapper;
  /** The resolution the caller asked for (`options.resolution`); an unknown one is an error. */
  resolution?: string | undefined;
  /** The connector's default resolution; when the screen does not offer it, its first value is used. */
  defaultResolution: string;
  /** The account id to assign an unassigned issue to, when the screen has Assignee (the bot's own). */
  assigneeAccountId: string;
}

/**
 * A transition to perform, with the screen fields to send.
 *
 * @category Mapping
 */
export interface TransitionPlan {
  /** The transition. */
  transition: Transition;
  /** The screen fields, by field id (empty when the screen needs nothing). */
  fields: Record<string, unknown>;
}

function named(value: unknown): { id?: string; name: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, name, value: label } = value as { id?: unknown; name?: unknown; value?: unknown };
  const text = typeof name === 'string' ? name : typeof label === 'string' ? label : undefined;
  if (text === undefined) return undefined;
  return typeof id === 'string' || typeof id === 'number' ? { id: String(id), name: text } : { name: text };
}

/** The resolution to send for a screen's Resolution field. */
function resolutionValue(field: ScreenField, transition: Transition, context: TransitionContext): Record<string, string> {
  const wanted = context.resolution ?? context.defaultResolution;
  const allowed = (field.allowedValues ?? []).map(named).filter((value) => value !== undefined);
  if (allowed.length === 0) return { name: wanted };
  const match = allowed.find((value) => normaliseName(value.name) === normaliseName(wanted));
  const chosen = match ?? (context.resolution === undefined ? allowed[0] : undefined);
  if (chosen === undefined) {
    throw new InputError(
      `options.resolution: "${wanted}" is not a resolution the "${transition.name}" transition of ${context.issueKey} accepts (it accepts: ${allowed.map((value) => value.name).join(', ')})`,
      { provider: JIRA_CLOUD, field: 'options.resolution' },
    );
  }
  return chosen.id === undefined ? { name: chosen.name } : { id: chosen.id };
}

/** Required screen fields without a default that the connector cannot fill. */
function unfillable(transition: Transition): string[] {
  return Object.entries(transition.fields ?? {})
    .filter(([id, field]) => field.required && field.hasDefaultValue !== true && !FILLED_FIELDS.has(field.key ?? id) && !FILLED_FIELDS.has(id))
    .map(([id, field]) => `${field.name} (${id})`);
}

function preference(transition: Transition, to: Exclude<StatusCategory, 'unknown'>): number {
  const names = PREFERRED_TRANSITION_NAMES[to].map(normaliseName);
  const byName = names.indexOf(normaliseName(transition.name));
  if (byName >= 0) return byName;
  const byTarget = names.indexOf(normaliseName(transition.to.name));
  return byTarget >= 0 ? names.length + byTarget : 2 * names.length;
}

/**
 * Chooses the transition that moves the issue into category `to` and fills its screen.
 *
 * @param transitions - The issue's transitions, listed with `expandFields: true`.
 * @param to - The wanted category.
 * @param context - The issue's state and what to fill in.
 * @throws `UnsupportedError` (capability `transition`) when no available transition reaches a
 * status in `to`, or every one that does requires a field the connector cannot fill (named in the message).
 * @throws `InputError` naming `options.resolution` when the resolution asked for is not offered, or
 * the transition's screen has no Resolution field.
 * @example
 * ```ts
 * const transitions = await jira.issues.transitions('HELP-1', { expandFields: true });
 * const plan = planTransition(transitions, 'resolved', {
 *   issueKey: 'HELP-1', current: { name: 'In Progress' }, assigned: false, statusCategory: createStatusMapper(),
 *   defaultResolution: 'Done', assigneeAccountId: me.accountId,
 * });
 * await jira.issues.transition('HELP-1', { transitionId: plan.transition.id, fields: plan.fields });
 * ```
 *
 * @category Mapping
 */
export function planTransition(transitions: readonly Transition[], to: Exclude<StatusCategory, 'unknown'>, context: TransitionContext): TransitionPlan {
  const reaching = transitions.filter(
    (transition) => transition.isAvailable !== false && transition.to.id !== context.current.id && context.statusCategory(transition.to) === to,
  );
  const fillable = reaching.filter((transition) => unfillable(transition).length === 0);
  const ranked = fillable
    .map((transition, index) => ({ transition, index, score: preference(transition, to) }))
    .sort((a, b) => a.score - b.score || a.index - b.index);
  const best = ranked[0]?.transition;
  if (best === undefined) {
    const where = `${context.issueKey} is in "${context.current.name}" (${context.statusCategory({ ...context.current })})`;
    if (reaching.length > 0) {
      const needs = reaching.map((transition) => `"${transition.name}" requires ${unfillable(transition).join(', ')}`).join('; ');
      throw new UnsupportedError(
        `${where}: every transition to ${to} requires a field the connector cannot fill: ${needs}. Give the field a default value or remove it from the transition's screen.`,
        { provider: JIRA_CLOUD, capability: 'transition' },
      );
    }
    const offered = transitions.map((transition) => `"${transition.name}" → ${transition.to.name}`).join(', ') || 'none';
    throw new UnsupportedError(
      `${where}: no transition available to this account leads to a status in category ${to} (available: ${offered}). Add such a transition to the workflow (e.g. "Any status → ${to === 'resolved' ? 'Resolved' : to === 'in_progress' ? 'In Progress' : to === 'open' ? 'Reopened' : to === 'closed' ? 'Closed' : 'Waiting for customer'}"), or map a reachable status to ${to} with the statusMap option.`,
      { provider: JIRA_CLOUD, capability: 'transition' },
    );
  }
  // Resolution and Assignee are filled when the field is required, or when the transition ends the
  // work (resolved/closed): a Reopen screen that happens to show Resolution must not set one, unless
  // the caller asked for a resolution.
  const finishing = to === 'resolved' || to === 'closed';
  const fields: Record<string, unknown> = {};
  let resolutionSet = false;
  for (const [id, field] of Object.entries(best.fields ?? {})) {
    const key = field.key ?? id;
    const wanted = field.required || finishing;
    if ((key === 'resolution' || id === 'resolution') && (wanted || context.resolution !== undefined)) {
      fields[id] = resolutionValue(field, best, context);
      resolutionSet = true;
    } else if ((key === 'assignee' || id === 'assignee') && wanted && !context.assigned) {
      fields[id] = { accountId: context.assigneeAccountId };
    }
  }
  if (context.resolution !== undefined && !resolutionSet) {
    throw new InputError(
      `options.resolution: the "${best.name}" transition of ${context.issueKey} has no Resolution field on its screen, so "${context.resolution}" cannot be set (the workflow sets the resolution itself, if at all)`,
      { provider: JIRA_CLOUD, field: 'options.resolution' },
    );
  }
  return { transition: best, fields };
}
