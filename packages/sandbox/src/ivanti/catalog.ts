/**
 * The service catalog: request offerings (`ServiceReqTemplates`), who may request them (their
 * subscriptions), their forms (`ServiceReqTemplateParams`, ordered by `SequenceNum`) and the
 * validation lists behind list parameters — including dependent lists, whose rows are constrained
 * by another parameter's answer, and user pickers over the employees.
 *
 * A parameter's `RequiredExpression` and `VisibilityExpression` are Ivanti expressions: `true`,
 * `$(true)`, `$(false)`, or a condition on another parameter's answer such as
 * `$(ExpressDelivery == true)` or `$(DeviceType != "Tablet")`.
 *
 * @module
 */
import { isJsonObject } from '../readers.js';
import type { IvantiState, Subscription, SubscriptionAudience, ValidationListEntry } from './store.js';
import type { Row } from './table.js';

/** Display types that only lay the form out (headings, text, pictures) and take no answer. */
export const LAYOUT_TYPES: ReadonlySet<string> = new Set(['category', 'label', 'image', 'rowaligner']);

/** A dependent list's constraint: the list field to filter on, and the parameter whose answer fills it. */
export interface Constraint {
  /** The list's field (what a `ValidationList` call names as `queryFieldName`). */
  readonly ConstraintFieldName: string;
  /** The `Name` of the parameter whose answer constrains the list. */
  readonly FormFieldName: string;
}

/** Whether an offering is published (only published offerings reach a catalog or accept a submit). */
export function isPublished(template: Row): boolean {
  return String(template.Status ?? '').startsWith('Published');
}

/** Whether an employee is in a subscription's audience. */
export function audienceIncludes(audience: SubscriptionAudience, employee: Row): boolean {
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'department':
      return String(employee.Department ?? '').toLowerCase() === audience.department.toLowerCase();
    case 'managers':
      return employee.IsManager === true;
  }
}

/** The subscriptions an employee may request through, by offering name. */
export function availableSubscriptions(state: IvantiState, employee: Row): { subscription: Subscription; template: Row }[] {
  const found: { subscription: Subscription; template: Row }[] = [];
  for (const subscription of state.subscriptions.values()) {
    const template = state.tables.servicereqtemplates.get(subscription.templateRecId);
    if (template === undefined || !isPublished(template) || !audienceIncludes(subscription.audience, employee)) continue;
    found.push({ subscription, template });
  }
  return found.sort((a, b) => String(a.template.Name).localeCompare(String(b.template.Name)));
}

/** An offering as `GET /api/rest/Template/{userRecId}/_All_` lists it. */
export function offeringJson(subscription: Subscription, template: Row): Record<string, unknown> {
  return {
    strSubscriptionId: subscription.subscriptionId,
    strRecId: template.RecId,
    strName: template.Name,
    strDescription: template.Description,
    strCategory: template.Category,
    strServiceName: template.Service,
    strOwnerTeam: template.OwnerTeam,
    strStatus: template.Status,
    dPrice: template.Price ?? 0,
    bRequiresApproval: template.RequiresApproval === true,
    bIsFavorite: false,
    strIconName: `catalog_${String(template.Category ?? 'General').toLowerCase().replace(/[^a-z0-9]+/gu, '_')}.png`,
    strConfigOptions: template.ConfigOptions,
  };
}

/** An offering's parameters, in form order. */
export function templateParams(state: IvantiState, templateRecId: string): Row[] {
  const table = state.tables.servicereqtemplateparams;
  return [...(table.lookup('ParentLink_RecID', templateRecId) ?? [])]
    .map((recId) => table.get(recId))
    .filter((row): row is Row => row !== undefined)
    .sort((a, b) => Number(a.SequenceNum ?? 0) - Number(b.SequenceNum ?? 0));
}

/** A parameter's constraints (its `ValidationConstraints`, a JSON string). */
export function constraintsOf(param: Row): Constraint[] {
  const raw = param.ValidationConstraints;
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is Constraint => isJsonObject(item) && typeof item.ConstraintFieldName === 'string' && typeof item.FormFieldName === 'string',
    );
  } catch {
    return [];
  }
}

/** A parameter's `ConfigOptions` (a JSON string) as an object. */
export function configOf(param: Row): Record<string, unknown> {
  const raw = param.ConfigOptions;
  if (typeof raw !== 'string' || raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return isJsonObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * The rows of a list parameter's validation list: constrained by `constraintValues` (list field →
 * value) for a dependent list — which answers **nothing** until every constraint has a value — and
 * narrowed by `query` (any part of the value or label, without case).
 */
export function validationRows(state: IvantiState, param: Row, constraintValues: ReadonlyMap<string, string>, query = ''): ValidationListEntry[] {
  const list = typeof param.ValidationList_RecID === 'string' ? state.validationLists.get(param.ValidationList_RecID) : undefined;
  if (list === undefined) return [];
  const constraints = constraintsOf(param);
  if (constraints.some((constraint) => (constraintValues.get(constraint.ConstraintFieldName) ?? '') === '')) return [];
  const rows = list.source === 'employees' ? employeeRows(state) : list.entries;
  const needle = query.trim().toLowerCase();
  return rows.filter(
    (row) =>
      constraints.every((constraint) => (row.constraints?.[constraint.ConstraintFieldName] ?? '').toLowerCase() === (constraintValues.get(constraint.ConstraintFieldName) ?? '').toLowerCase()) &&
      (needle === '' || row.value.toLowerCase().includes(needle) || row.label.toLowerCase().includes(needle)),
  );
}

/** A user picker's rows: the active employees, by display name. */
function employeeRows(state: IvantiState): ValidationListEntry[] {
  const rows: ValidationListEntry[] = [];
  for (const employee of state.tables.employees.rows()) {
    if (employee.Status !== 'Active' || employee.Disabled === true) continue;
    const name = String(employee.DisplayName);
    rows.push({ recId: employee.RecId, value: name, label: `${name} (${String(employee.PrimaryEmail)})` });
  }
  return rows.sort((a, b) => a.value.localeCompare(b.value));
}

/**
 * Evaluates a required/visibility expression against the answers given so far (parameter `Name` →
 * value as submitted). An expression the simulator cannot read counts as false.
 */
export function evaluateExpression(expression: unknown, answers: ReadonlyMap<string, string>): boolean {
  if (typeof expression !== 'string') return false;
  const trimmed = expression.trim();
  const inner = (/^\$\((.*)\)$/su.exec(trimmed)?.[1] ?? trimmed).trim();
  if (/^true$/iu.test(inner)) return true;
  if (/^false$/iu.test(inner)) return false;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|(true|false))$/iu.exec(inner);
  if (match === null) return false;
  const [, name = '', op, doubleQuoted, singleQuoted, bool] = match;
  const wanted = (doubleQuoted ?? singleQuoted ?? bool ?? '').toLowerCase();
  const actual = (answers.get(name) ?? '').toLowerCase();
  return op === '==' ? actual === wanted : actual !== wanted;
}
