/**
 * The in-memory connector's service catalog: items with request forms (every field kind, a
 * dependent list read on demand, a field shown and required on a condition), and how a submitted
 * form becomes a ticket.
 *
 * @module
 */
import type { CatalogForm, CatalogItem, CheckedAnswer, FormChoice, FormField, ProviderId } from '@itsm/core';

/**
 * A choice of a seeded field; `when` ties it to a choice of the field it depends on.
 *
 * @category Memory connector
 */
export interface MemoryChoiceSeed {
  /** The choice's id. */
  id: string;
  /** What the employee sees. */
  label: string;
  /** For a dependent list: the id of the choice of the `dependsOn` field it belongs to. */
  when?: string;
}

/**
 * A field of a seeded form: a `FormField` without `raw`, and with seeded choices.
 *
 * @category Memory connector
 */
export interface MemoryFieldSeed extends Omit<FormField, 'raw' | 'choices' | 'choicesOnDemand'> {
  /**
   * The choices of a choice field. A field with `dependsOn` serves them on demand, narrowed by the
   * answer of the field it depends on; any other serves them with the form.
   */
  choices?: MemoryChoiceSeed[];
}

/**
 * A catalog item to seed the in-memory connector with.
 *
 * @category Memory connector
 */
export interface MemoryCatalogSeed {
  /** What the portal calls it. */
  name: string;
  /** What it is for. */
  description?: string;
  /** The group it is listed under. */
  category?: string;
  /** Its request form; default a subject and a description. */
  fields?: MemoryFieldSeed[];
}

const MODELS: MemoryChoiceSeed[] = [
  { id: 'mba13', label: 'MacBook Air 13"' },
  { id: 'mbp14', label: 'MacBook Pro 14"' },
  { id: 'x1', label: 'ThinkPad X1 Carbon' },
];

/**
 * The catalog used when none is given: three common requests whose forms cover every field kind.
 *
 * @category Memory connector
 */
export const DEFAULT_MEMORY_CATALOG: readonly MemoryCatalogSeed[] = [
  {
    name: 'New laptop',
    description: 'Request a laptop for a new or existing employee.',
    category: 'Hardware',
    fields: [
      { id: 'model', label: 'Which laptop do you need?', kind: 'single_choice', nativeType: 'select', required: true, choices: MODELS },
      {
        id: 'dock',
        label: 'Docking station',
        help: 'The docks that fit the laptop you chose.',
        kind: 'single_choice',
        nativeType: 'select',
        required: false,
        dependsOn: ['model'],
        choices: [
          { id: 'usbc', label: 'USB-C dock', when: 'mba13' },
          { id: 'usbc', label: 'USB-C dock', when: 'mbp14' },
          { id: 'tb4', label: 'Thunderbolt 4 dock', when: 'mbp14' },
          { id: 'tb4', label: 'Thunderbolt 4 dock', when: 'x1' },
        ],
      },
      { id: 'neededBy', label: 'Needed by', kind: 'date', nativeType: 'date', required: true },
      { id: 'monitors', label: 'Extra monitors', kind: 'number', nativeType: 'number', required: false, min: 0, max: 2, default: 0 },
      { id: 'express', label: 'Express delivery', kind: 'boolean', nativeType: 'checkbox', required: false, default: false },
      {
        id: 'address',
        label: 'Delivery address',
        kind: 'multiline',
        nativeType: 'textarea',
        required: false,
        maxLength: 200,
        visibleWhen: { native: 'express == true', comparison: { field: 'express', operator: 'equals', value: 'true' } },
        requiredWhen: { native: 'express == true', comparison: { field: 'express', operator: 'equals', value: 'true' } },
      },
    ],
  },
  {
    name: 'Software installation',
    description: 'Ask for licensed software.',
    category: 'Software',
    fields: [
      {
        id: 'software',
        label: 'Software',
        kind: 'multiple_choice',
        nativeType: 'multiselect',
        required: true,
        choices: [
          { id: 'office', label: 'Microsoft 365' },
          { id: 'acrobat', label: 'Adobe Acrobat' },
          { id: 'vscode', label: 'Visual Studio Code' },
        ],
      },
      { id: 'version', label: 'Version', help: 'Leave empty for the latest.', kind: 'text', nativeType: 'text', required: false, maxLength: 20, pattern: '^\\d+(\\.\\d+)*$', patternMessage: 'A version looks like 4.2 or 2024.1.3.' },
      { id: 'installBy', label: 'Install by', kind: 'datetime', nativeType: 'datetime', required: false },
      { id: 'approver', label: 'Approving manager', kind: 'user', nativeType: 'user', required: true },
    ],
  },
  {
    name: 'Access to a shared mailbox',
    category: 'Access',
    fields: [
      { id: 'mailbox', label: 'Mailbox address', kind: 'text', nativeType: 'text', required: true, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$', patternMessage: 'Give the mailbox as an address, e.g. sales@example.com.' },
      { id: 'reason', label: 'Why do you need access?', kind: 'multiline', nativeType: 'textarea', required: false, maxLength: 500 },
      { id: 'screenshot', label: 'Screenshot of the error, if any', kind: 'attachment', nativeType: 'file', required: false },
      { id: 'costCentre', label: 'Cost centre', kind: 'other', nativeType: 'costcentre-ref', required: false },
    ],
  },
];

const DEFAULT_FIELDS: readonly MemoryFieldSeed[] = [
  { id: 'subject', label: 'What do you need?', kind: 'text', nativeType: 'text', required: true, maxLength: 255 },
  { id: 'details', label: 'Details', kind: 'multiline', nativeType: 'textarea', required: false },
];

/**
 * The form of a seeded item.
 *
 * @param provider - The connector's provider id.
 * @param item - The catalog item.
 * @param seed - Its seed.
 * @category Memory connector
 */
export function memoryForm(provider: ProviderId, item: CatalogItem, seed: MemoryCatalogSeed): CatalogForm {
  const fields = (seed.fields ?? DEFAULT_FIELDS).map((field): FormField => {
    const { choices, ...rest } = field;
    const onDemand = choices !== undefined && field.dependsOn !== undefined && field.dependsOn.length > 0;
    const unique = choices === undefined ? undefined : uniqueChoices(choices);
    return {
      ...structuredClone(rest),
      ...(unique === undefined || onDemand ? {} : { choices: unique }),
      ...(onDemand ? { choicesOnDemand: true } : {}),
      raw: structuredClone(field),
    };
  });
  return {
    provider,
    itemId: item.id,
    name: item.name,
    ...(item.description === undefined ? {} : { description: item.description }),
    ...(item.url === undefined ? {} : { url: item.url }),
    fields,
    raw: structuredClone(seed),
  };
}

function uniqueChoices(choices: readonly MemoryChoiceSeed[]): FormChoice[] {
  const seen = new Map<string, FormChoice>();
  for (const choice of choices) if (!seen.has(choice.id)) seen.set(choice.id, { id: choice.id, label: choice.label });
  return [...seen.values()];
}

/**
 * The choices of a seeded field for the answers so far: a dependent list's choices of the chosen
 * parent (none until it is answered), any other field's all.
 *
 * @param seed - The item's seed.
 * @param fieldId - The field.
 * @param parentChoice - The id of the choice answered to the field it depends on, if any.
 * @category Memory connector
 */
export function memoryChoices(seed: MemoryCatalogSeed, fieldId: string, parentChoice: string | undefined): FormChoice[] {
  const field = (seed.fields ?? DEFAULT_FIELDS).find((candidate) => candidate.id === fieldId);
  const choices = field?.choices ?? [];
  if (field?.dependsOn === undefined || field.dependsOn.length === 0) return uniqueChoices(choices);
  if (parentChoice === undefined) return [];
  return uniqueChoices(choices.filter((choice) => choice.when === parentChoice));
}

/**
 * An answer as text, for the description of the ticket a submit makes.
 *
 * @param answer - The checked answer.
 * @category Memory connector
 */
export function answerText(answer: CheckedAnswer): string {
  switch (answer.kind) {
    case 'single_choice':
      return answer.value.label;
    case 'multiple_choice':
      return answer.value.map((choice) => choice.label).join(', ');
    case 'user':
      return 'email' in answer.value ? answer.value.email : answer.value.id;
    case 'attachment':
      return answer.value.map((file) => file.filename).join(', ');
    case 'boolean':
      return answer.value ? 'yes' : 'no';
    case 'other':
      return JSON.stringify(answer.value) ?? '';
    default:
      return String(answer.value);
  }
}
