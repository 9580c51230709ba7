/**
 * Helpers of the connector tests that run against the sandbox.
 */
import type { Sandbox } from '@itsm/sandbox';

/**
 * Arranges an email address that two accounts show: a portal-only customer of the desk that shares
 * the address of an existing employee (Jira keeps customer accounts apart from Atlassian accounts).
 * Returns the shared address.
 */
export function addSharedEmailAccount(sandbox: Sandbox): string {
  const state = sandbox.state('jira-cloud');
  const facts = state.facts;
  const employee = [...state.users.values()].find(
    (user) => user.kind === 'employee' && user.emailVisible && user.accountId !== facts.knownRequester.accountId,
  );
  if (employee === undefined) throw new Error('the seed has no employee with a visible email');
  const accountId = `qm:00000000-0000-4000-a000-000000000000:shared${employee.accountId.slice(-6)}`;
  state.users.set(accountId, { ...employee, accountId, accountType: 'customer', kind: 'customer', displayName: `${employee.displayName} (portal)` });
  state.serviceDesks.get(facts.serviceDeskId)?.customers.add(accountId);
  return employee.email;
}
