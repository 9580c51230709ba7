// The request form the demo serves on each connector with a catalog, and what the employee replies
// to its questions in the chat. The people the forms ask for are taken from the sandbox's seed.
import type { Sandbox } from '@itsm/sandbox';
import type { FormScript } from './catalog-form.ts';

/** A day `days` from now, as `YYYY-MM-DD`. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The demo's form per connector. */
export const DEMO_FORMS = {
  /** The in-memory connector's laptop request. */
  memory: (): FormScript => ({
    item: 'New laptop',
    replies: { model: 'MacBook Pro 14"', dock: 'Thunderbolt 4 dock', neededBy: inDays(14), express: true, address: '1 Main Street, Springfield' },
  }),
  /** Jira Service Management: the "Set up a new starter" request type (a cascading select, a user picker, a date). */
  jira: (sandbox: Sandbox): FormScript => ({
    item: 'Set up a new starter',
    replies: {
      summary: 'Priya Patel joins the finance team',
      customfield_10050: inDays(10),
      customfield_10051: 'United Kingdom',
      'customfield_10051:child': 'London',
      customfield_10052: ['Microsoft 365', 'Slack'],
      customfield_10053: sandbox.state('jira-cloud').facts.agent.email,
      customfield_10055: `${inDays(10)}T09:30:00Z`,
      description: 'She sits with the accounts payable team.',
    },
  }),
  /** Ivanti: the "New Laptop Request" offering (a dependent list, a user picker, a pattern). */
  ivanti: (sandbox: Sandbox): FormScript => ({
    item: 'New Laptop Request',
    replies: {
      DeviceType: 'Laptop',
      DeviceModel: 'ThinkPad T14 Gen 4',
      Accessories: ['Docking station', 'Headset'],
      NeededBy: inDays(14),
      BusinessJustification: 'My laptop is five years old and its battery lasts an hour.',
      CostCenter: 'CC-1234',
      Manager: sandbox.state('ivanti').facts.agent.email,
    },
  }),
};
