/**
 * `sb.sample('ivanti')`: the known requester (an employee), the oldest of their incidents that is not
 * resolved or closed, and an analyst of the service desk.
 *
 * @module
 */
import { SandboxError } from '../errors.js';
import type { SampleContext, SimSample } from '../simulator.js';
import type { IvantiState } from './store.js';

/** Incident statuses that end the work. */
const DONE = new Set(['Resolved', 'Closed']);

/** The Ivanti simulator's sample of its seeded data. */
export function ivantiSample({ state }: SampleContext<IvantiState>): SimSample {
  const { knownRequester, agent } = state.facts;
  let ticket: { recId: string; number: number } | undefined;
  for (const row of state.tables.incidents.rows()) {
    if (row.ProfileLink_RecID !== knownRequester.recId || DONE.has(String(row.Status))) continue;
    const number = Number(row.IncidentNumber);
    if (ticket === undefined || number < ticket.number) ticket = { recId: row.RecId, number };
  }
  if (ticket === undefined) {
    throw new SandboxError(`${knownRequester.displayName} has no open incident any more (resolved or deleted by a test?); sandbox.reset() brings the seeded ones back.`);
  }
  return {
    requesterEmail: knownRequester.email,
    requesterName: knownRequester.displayName,
    ticketKey: String(ticket.number),
    ticketId: ticket.recId,
    agentEmail: agent.email,
  };
}
