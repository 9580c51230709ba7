/**
 * `sb.sample('autotask')`: the known requester (a contact), their open ticket, and an agent, from the
 * seed's facts.
 *
 * @module
 */
import { SandboxError } from '../errors.js';
import type { SampleContext, SimSample } from '../simulator.js';
import type { AutotaskState } from './store.js';

/** The Autotask simulator's sample of its seeded data. */
export function autotaskSample({ state }: SampleContext<AutotaskState>): SimSample {
  const { knownRequester, openTicket, agent } = state.facts;
  if (state.tables.Tickets.get(openTicket.id) === undefined) {
    throw new SandboxError(`The sample ticket ${openTicket.ticketNumber} no longer exists (deleted by a test?); sandbox.reset() brings it back.`);
  }
  return {
    requesterEmail: knownRequester.email,
    requesterName: knownRequester.name,
    ticketKey: openTicket.ticketNumber,
    ticketId: String(openTicket.id),
    agentEmail: agent.email,
  };
}
