/**
 * `POST /api/rest/ServiceRequest/new`: a service request raised from a request offering on behalf
 * of an employee (`strUserId`), through one of the offering's subscriptions (`subscriptionId` — not
 * the offering's RecId), with the form's answers in `parameters`:
 *
 * - `par-<paramRecId>` holds the value; a list parameter also needs `par-<paramRecId>-recId` with
 *   its option's RecId, else "'Department' validation list's value was submitted without it's
 *   identifier." (Ivanti's apostrophe); a multi-select joins values and RecIds with `~^`; a
 *   checkbox counts only the lowercase `"true"`; keys of another offering's parameters are ignored.
 * - A date is stored as the tenant's local midnight (in UTC); a date-time is shifted by
 *   `tenant offset + localOffset` minutes, so the right `localOffset` is the tenant's offset negated
 *   (−120 on a UTC+2 tenant), 0 stores it that many minutes early, and an offset of the tenant's own
 *   sign destroys it (`0001-01-01T00:00:00`) while the submit still succeeds.
 * - Refusals are **HTTP 200** `{ IsSuccess: false, ErrorText, ServiceRequests: [] }`, one problem
 *   at a time (a missing parameter by its `Name`); only a body that is not an object or lacks
 *   `subscriptionId`/`strUserId` is a 400. `attachmentsToUpload` is silently dropped.
 *
 * @module
 */
import { isJsonObject, type JsonObject } from '../readers.js';
import { SimResponseError, type SimResponse } from '../simulator.js';
import { requireCreate, type Caller } from './auth.js';
import { audienceIncludes, configOf, constraintsOf, evaluateExpression, isPublished, LAYOUT_TYPES, templateParams, validationRows } from './catalog.js';
import { formatIvantiDate, parseIvantiDate } from './dates.js';
import { failBadRequest, failRights } from './errors.js';
import { BUSINESS_OBJECTS } from './schema.js';
import { store, type IvantiState } from './store.js';
import type { Row } from './table.js';
import { buildRow, createRecord } from './write.js';

/** What a submit answers. */
interface SubmitAnswer {
  IsSuccess: boolean;
  ErrorText: string;
  ServiceRequests: Record<string, unknown>[];
  InvalidServiceRequests: Record<string, unknown>;
}

/** A value stored for one parameter. */
interface StoredAnswer {
  readonly param: Row;
  readonly value: string;
  readonly recId: string | null;
}

class Refusal extends Error {}

function refuse(text: string): never {
  throw new Refusal(text);
}

function refused(text: string): SimResponse {
  const body: SubmitAnswer = { IsSuccess: false, ErrorText: text, ServiceRequests: [], InvalidServiceRequests: {} };
  return { status: 200, body };
}

function requiredString(body: JsonObject, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') failBadRequest(`The field '${name}' is mandatory.`);
  return value.trim();
}

/** Submits a service request; see the module description. */
export function submitServiceRequest(state: IvantiState, body: JsonObject, caller: Caller): SimResponse {
  const subscriptionId = requiredString(body, 'subscriptionId');
  const userId = requiredString(body, 'strUserId');
  const parameters = body.parameters ?? {};
  const serviceReqData = body.serviceReqData ?? {};
  if (!isJsonObject(parameters)) return failBadRequest("The field 'parameters' must be an object.");
  if (!isJsonObject(serviceReqData)) return failBadRequest("The field 'serviceReqData' must be an object.");
  const localOffset = typeof body.localOffset === 'number' && Number.isFinite(body.localOffset) ? body.localOffset : 0;
  requireCreate(caller, BUSINESS_OBJECTS.servicereqs);
  if (!caller.role.read.has('servicereqtemplates')) failRights(caller.role.name, 'read object ServiceReqTemplate#.');

  try {
    const subscription = [...state.subscriptions.values()].find((candidate) => candidate.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
    const template = subscription === undefined ? undefined : state.tables.servicereqtemplates.get(subscription.templateRecId);
    if (subscription === undefined || template === undefined) refuse(`The request offering subscription '${subscriptionId}' is not available.`);
    if (!isPublished(template)) refuse(`The request offering '${String(template.Name)}' is not published.`);
    const user = state.tables.employees.get(userId);
    if (user === undefined) refuse(`The user '${userId}' cannot be found.`);
    if (!audienceIncludes(subscription.audience, user)) refuse(`The request offering '${String(template.Name)}' is not available to ${String(user.DisplayName)}.`);
    const answers = readAnswers(state, templateParams(state, template.RecId), parameters, localOffset);

    const data: JsonObject = { ...serviceReqData };
    delete data.ProfileLink;
    const request = createRecord(state, BUSINESS_OBJECTS.servicereqs, {
      Source: 'Self Service',
      ...data,
      Subject: typeof data.Subject === 'string' && data.Subject !== '' ? data.Subject : template.Name,
      Symptom: typeof data.Symptom === 'string' && data.Symptom !== '' ? data.Symptom : (template.Description ?? template.Name),
      ProfileLink_RecID: user.RecId,
      ProfileLink_Category: 'Employee',
      SvcReqTmplLink_RecID: template.RecId,
      SvcReqTmplLink_Category: 'ServiceReqTemplate',
      Status: body.saveReqState === true ? 'Draft' : 'Submitted',
      Service: template.Service,
      OwnerTeam: template.OwnerTeam,
    }, caller);

    const ids: Record<string, string> = {};
    const stamp = Number(request.CreatedDateTime);
    for (const answer of answers) {
      const row = buildRow(BUSINESS_OBJECTS.servicereqparams, store.newRecId(state), {
        ParameterName: answer.param.Name,
        DisplayName: answer.param.DisplayName,
        ParameterValue: answer.value,
        ParameterValueRecId: answer.recId,
        SequenceNum: answer.param.SequenceNum,
        SvcReqTmplParamLink: answer.param.RecId,
        SvcReqTmplParamLink_RecID: answer.param.RecId,
        SvcReqTmplParamLink_Category: 'ServiceReqTemplateParam',
        ParentLink: request.RecId,
        ParentLink_RecID: request.RecId,
        ParentLink_Category: 'ServiceReq',
        CreatedBy: String(caller.employee.LoginID),
        CreatedDateTime: stamp,
        LastModBy: String(caller.employee.LoginID),
        LastModDateTime: stamp,
      });
      state.tables.servicereqparams.insert(row);
      ids[answer.param.RecId] = row.RecId;
    }
    store.touch(state);
    const answer: SubmitAnswer = {
      IsSuccess: true,
      ErrorText: '',
      ServiceRequests: [
        {
          bNew: true,
          strSubscriptionRecId: subscription.subscriptionId,
          strRequestRecId: request.RecId,
          strIssueRecId: null,
          strRequestNum: String(request.ServiceReqNumber),
          strName: template.Name,
          strStatus: null,
          strStatusId: null,
          strService: null,
          strServiceId: null,
          strDetails: null,
          parameterTemplateParameterIds: ids,
          DateApproved: null,
          DateCancelled: null,
          DateCompleted: null,
        },
      ],
      InvalidServiceRequests: {},
    };
    return { status: 200, body: answer };
  } catch (error) {
    if (error instanceof Refusal) return refused(error.message);
    if (error instanceof SimResponseError && error.response.status !== 401) return refused(messagesOf(error.response.body));
    throw error;
  }
}

function messagesOf(body: unknown): string {
  if (isJsonObject(body) && Array.isArray(body.message)) return body.message.map(String).join(' ');
  return 'The service request could not be saved.';
}

/** The answers to store, checked as Ivanti checks them (first problem wins). */
function readAnswers(state: IvantiState, params: readonly Row[], parameters: JsonObject, localOffset: number): StoredAnswer[] {
  const raw = new Map<string, unknown>();
  const answers = new Map<string, string>();
  for (const param of params) {
    const key = `par-${param.RecId}`;
    const given = Object.keys(parameters).find((name) => name.toLowerCase() === key.toLowerCase());
    const value = given === undefined ? (typeof param.DefaultValue === 'string' && param.DefaultValue !== '' ? param.DefaultValue : undefined) : parameters[given];
    raw.set(param.RecId, value);
    if (value === undefined || value === null) continue;
    // A checkbox is ticked only by a lowercase "true"; conditions see what is stored.
    const checkbox = String(param.DisplayType).toLowerCase() === 'checkbox';
    answers.set(String(param.Name), checkbox ? String(value === true || value === 'true') : String(value));
  }
  const recIdOf = (param: Row): unknown => {
    const key = `par-${param.RecId}-recId`;
    const given = Object.keys(parameters).find((name) => name.toLowerCase() === key.toLowerCase());
    return given === undefined ? undefined : parameters[given];
  };

  const stored: StoredAnswer[] = [];
  for (const param of params) {
    const type = String(param.DisplayType ?? 'text').toLowerCase();
    if (LAYOUT_TYPES.has(type)) continue;
    const name = String(param.Name);
    const label = String(param.DisplayName ?? name);
    const visible = param.VisibilityExpression === null || evaluateExpression(param.VisibilityExpression, answers);
    const required = visible && evaluateExpression(param.RequiredExpression, answers);
    const value = raw.get(param.RecId);
    if ((type === 'combo' || type === 'list') && value === null) refuse(`Value cannot be null. Parameter name: ${name}`);
    const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    const checked = type === 'checkbox' && (value === true || text === 'true');
    if (required && (text.trim() === '' || (type === 'checkbox' && !checked))) refuse(`The parameter '${name}' is required.`);
    if (text.trim() === '' && type !== 'checkbox') continue;
    if (type === 'checkbox') {
      if (value !== undefined) stored.push({ param, value: checked ? 'true' : 'false', recId: null });
      continue;
    }
    stored.push(checkAnswer(state, param, type, label, text, recIdOf(param), answers, localOffset));
  }
  return stored;
}

function checkAnswer(state: IvantiState, param: Row, type: string, label: string, text: string, recId: unknown, answers: ReadonlyMap<string, string>, localOffset: number): StoredAnswer {
  const config = configOf(param);
  const offset = state.settings.utcOffsetMinutes;
  switch (type) {
    case 'number': {
      const number = Number(text);
      const min = typeof config.minValue === 'number' ? config.minValue : Number.NEGATIVE_INFINITY;
      const max = typeof config.maxValue === 'number' ? config.maxValue : Number.POSITIVE_INFINITY;
      if (!Number.isFinite(number) || number < min || number > max) refuse(`The value of '${label}' must be a number${Number.isFinite(min) ? ` from ${min} to ${max}` : ''}.`);
      return { param, value: String(number), recId: null };
    }
    case 'date': {
      const day = /^(\d{4}-\d{2}-\d{2})/u.exec(text)?.[1];
      const midnight = day === undefined ? undefined : parseIvantiDate(day);
      if (midnight === undefined) refuse(`The value of '${label}' is not a valid date.`);
      return { param, value: formatIvantiDate(midnight - offset * 60_000, 0), recId: null };
    }
    case 'datetime': {
      const time = parseIvantiDate(text);
      if (time === undefined) refuse(`The value of '${label}' is not a valid date and time.`);
      if (offset !== 0 && localOffset !== 0 && Math.sign(localOffset) === Math.sign(offset)) return { param, value: '0001-01-01T00:00:00', recId: null };
      return { param, value: formatIvantiDate(time - (offset + localOffset) * 60_000, 0), recId: null };
    }
    case 'combo':
    case 'list': {
      if (recId === undefined || recId === null || String(recId).trim() === '') refuse(`'${label}' validation list's value was submitted without it's identifier.`);
      const constraintValues = new Map(constraintsOf(param).map((constraint) => [constraint.ConstraintFieldName, answers.get(constraint.FormFieldName) ?? '']));
      const rows = validationRows(state, param, constraintValues);
      const values = type === 'list' ? text.split('~^') : [text];
      const recIds = type === 'list' ? String(recId).split('~^') : [String(recId)];
      if (values.length !== recIds.length) refuse(`'${label}' validation list's values and identifiers do not match.`);
      const entries = recIds.map((id) => rows.find((row) => row.recId.toLowerCase() === id.trim().toLowerCase()));
      if (entries.some((entry) => entry === undefined)) refuse(`'${label}' validation list's value is not valid.`);
      const chosen = entries.filter((entry) => entry !== undefined);
      return { param, value: chosen.map((entry) => entry.value).join('~^'), recId: chosen.map((entry) => entry.recId).join('~^') };
    }
    default: {
      const maxLength = typeof config.maxLength === 'number' ? config.maxLength : undefined;
      if (maxLength !== undefined && text.length > maxLength) refuse(`The value of '${label}' exceeds the maximum length of ${maxLength} characters.`);
      if (typeof config.regex === 'string' && !new RegExp(config.regex, 'u').test(text)) {
        refuse(typeof config.regexMessage === 'string' ? config.regexMessage : `The value of '${label}' is not in the expected format.`);
      }
      return { param, value: text, recId: null };
    }
  }
}
