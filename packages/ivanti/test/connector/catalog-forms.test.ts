/**
 * `catalog.form()`, `choices()` and `submit()` against a nock'd tenant: every display type of an
 * offering's parameters mapped onto the model (records shaped from the reference notes' §4.6 and
 * §8.3), conditions kept and read, choices read from the validation lists with the answers a
 * dependent list needs, the answers encoded for `ServiceRequest/new`, bad answers refused before any
 * request, and Ivanti's `IsSuccess: false` thrown with its text.
 */
import { CatalogFormSchema, InputError, OutcomeUnknownError, UnsupportedError, ValidationError } from '@itsm/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createIvantiConnector, type IvantiConnectorOptions } from '../../src/index.js';
import { API_KEY, IDS, ODATA, TENANT, failure, incidentBody, route, useNock } from '../client/support.js';

useNock();

function connector(options: Partial<IvantiConnectorOptions> = {}) {
  return createIvantiConnector({ baseUrl: TENANT, apiKey: API_KEY, probe: false, retryDelay: { baseMs: 1, maxMs: 2 }, lookupDelaysMs: [0], ...options } as IvantiConnectorOptions);
}

/** A RecId for the nth parameter. */
const rec = (n: number) => `AB${String(n).padStart(30, '0')}`;

function param(n: number, name: string, displayType: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    RecId: rec(n), Name: name, DisplayName: `${name} label`, DisplayType: displayType, SequenceNum: n * 10, ParentLink_RecID: IDS.offering,
    RequiredExpression: '$(false)', VisibilityExpression: '$(true)', ReadOnlyExpression: '$(false)', ValidationList_RecID: null,
    ValidationConstraints: null, ConfigOptions: null, DefaultValue: null, Description: null, ...fields,
  };
}

const PICKER = JSON.stringify({ configData: { validationListAdditionalConfig: [{ boName: 'Employee#' }] } });
const EXPRESS = '$(ExpressDelivery == true)';

/** An offering's form with a parameter of every display type Ivanti has. */
const PARAMS = [
  param(1, 'DeviceSection', 'category'),
  param(2, 'CostCenter', 'text', { RequiredExpression: '$(true)', Description: 'Like CC-1234.', ConfigOptions: JSON.stringify({ maxLength: 7, regex: '^CC-\\d{4}$', regexMessage: 'Cost center must look like CC-1234.' }) }),
  param(3, 'Justification', 'textarea', { RequiredExpression: 'true', ConfigOptions: JSON.stringify({ maxLength: 500 }) }),
  param(4, 'Quantity', 'number', { DefaultValue: '1', ConfigOptions: JSON.stringify({ minValue: 1, maxValue: 5 }) }),
  param(5, 'NeededBy', 'date', { RequiredExpression: '$(true)' }),
  param(6, 'InstallBy', 'datetime'),
  param(7, 'ExpressDelivery', 'checkbox', { DefaultValue: 'false' }),
  param(8, 'DeviceType', 'combo', { RequiredExpression: '$(true)', ValidationList_RecID: 'F0000000000000000000000000000001' }),
  param(9, 'DeviceModel', 'dropdown', { RequiredExpression: '$(true)', ValidationList_RecID: 'F0000000000000000000000000000002', ValidationConstraints: JSON.stringify([{ ConstraintFieldName: 'DeviceType', FormFieldName: 'DeviceType' }]) }),
  param(10, 'Accessories', 'list', { ValidationList_RecID: 'F0000000000000000000000000000003', DefaultValue: 'Mouse~^Dock' }),
  param(11, 'Manager', 'combo', { RequiredExpression: '$(true)', ValidationList_RecID: 'F0000000000000000000000000000004', ConfigOptions: PICKER }),
  param(12, 'DeliveryAddress', 'textarea', { RequiredExpression: EXPRESS, VisibilityExpression: EXPRESS }),
  param(13, 'PickupTime', 'time', { VisibilityExpression: '$(DeviceType != "Tablet")' }),
  param(14, 'Discount', 'text', { RequiredExpression: '$(Price > 100)', VisibilityExpression: '$(false)' }),
  param(15, 'DeliveryNote', 'label'),
];

const OFFERING = { RecId: IDS.offering, Name: 'New Laptop Request', Description: 'A laptop.', Status: 'Published (Automatic)', Category: 'Hardware' };
const AVAILABLE = [{ strSubscriptionId: IDS.subscription, strRecId: IDS.offering, strName: 'New Laptop Request' }];

function routeForm() {
  route('GET', `${ODATA}/ServiceReqTemplates('${IDS.offering}')`, [200, OFFERING]);
  return route('GET', `${ODATA}/ServiceReqTemplateParams`, [200, { value: PARAMS }]);
}

/** Answers every validation-list read (any number of them), by parameter; the model list by device type. */
function routeLists(): { param: string; constraints: { queryFieldName: string; value: string | null }[]; query: string }[] {
  const calls: { param: string; constraints: { queryFieldName: string; value: string | null }[]; query: string }[] = [];
  nock(TENANT)
    .post(/^\/api\/rest\/ServiceRequest\/[0-9A-F]{32}\/ValidationList$/)
    .optionally()
    .times(20)
    .reply(async (request: Request) => {
      const param = new URL(request.url).pathname.split('/')[4] ?? '';
      const body = (await request.json()) as { constraintParams: { queryFieldName: string; value: string | null }[]; query: string };
      calls.push({ param, constraints: body.constraintParams, query: body.query });
      const rows: Record<string, unknown[]> = {
        [rec(8)]: [['10000000000000000000000000000001', 'Laptop', 'Laptop'], ['10000000000000000000000000000002', 'Tablet', 'Tablet']],
        [rec(9)]: body.constraintParams[0]?.value === 'Laptop' ? [['20000000000000000000000000000001', 'ThinkPad X1', 'Lenovo ThinkPad X1']] : [],
        [rec(10)]: [['30000000000000000000000000000001', 'Mouse', 'Mouse'], ['30000000000000000000000000000002', 'Dock', 'USB-C dock']],
        [rec(11)]: [[IDS.employee2, 'Maria Lopez', 'Maria Lopez (maria@example.com)']],
      };
      return [200, JSON.stringify(rows[param] ?? []), { 'content-type': 'application/json' }] as const;
    });
  return calls;
}

describe('catalog.form', () => {
  it('maps every display type onto the model, with conditions, constraints and defaults, and keeps the form a while', async () => {
    const calls = routeForm();
    const ivanti = connector();
    const form = await ivanti.catalog.form(IDS.offering);
    expect(CatalogFormSchema.parse(form)).toBeTruthy();
    expect(form).toMatchObject({ provider: 'ivanti', itemId: IDS.offering, name: 'New Laptop Request', description: 'A laptop.' });
    expect(form.url).toBe(`${TENANT}/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=${IDS.offering}`);
    expect(form.fields.map((field) => [field.id, field.kind, field.nativeType, field.required])).toEqual([
      ['CostCenter', 'text', 'text', true],
      ['Justification', 'multiline', 'textarea', true],
      ['Quantity', 'number', 'number', false],
      ['NeededBy', 'date', 'date', true],
      ['InstallBy', 'datetime', 'datetime', false],
      ['ExpressDelivery', 'boolean', 'checkbox', false],
      ['DeviceType', 'single_choice', 'combo', true],
      ['DeviceModel', 'single_choice', 'dropdown', true],
      ['Accessories', 'multiple_choice', 'list', false],
      ['Manager', 'user', 'combo', true],
      ['DeliveryAddress', 'multiline', 'textarea', false],
      ['PickupTime', 'other', 'time', false],
      ['Discount', 'text', 'text', false],
    ]);
    const byId = new Map(form.fields.map((field) => [field.id, field]));
    expect(byId.get('CostCenter')).toMatchObject({ label: 'CostCenter label', help: 'Like CC-1234.', maxLength: 7, pattern: '^CC-\\d{4}$', patternMessage: 'Cost center must look like CC-1234.' });
    expect(byId.get('Quantity')).toMatchObject({ default: 1, min: 1, max: 5 });
    expect(byId.get('ExpressDelivery')?.default).toBe(false);
    expect(byId.get('DeviceType')).toMatchObject({ choicesOnDemand: true });
    expect(byId.get('DeviceType')?.choices).toBeUndefined();
    expect(byId.get('DeviceModel')).toMatchObject({ choicesOnDemand: true, dependsOn: ['DeviceType'] });
    expect(byId.get('Accessories')?.default).toEqual(['Mouse', 'Dock']);
    expect(byId.get('DeliveryAddress')).toMatchObject({
      requiredWhen: { native: EXPRESS, comparison: { field: 'ExpressDelivery', operator: 'equals', value: 'true' } },
      visibleWhen: { native: EXPRESS, comparison: { field: 'ExpressDelivery', operator: 'equals', value: 'true' } },
    });
    expect(byId.get('PickupTime')?.visibleWhen).toEqual({ native: '$(DeviceType != "Tablet")', comparison: { field: 'DeviceType', operator: 'not_equals', value: 'Tablet' } });
    expect(byId.get('Discount')).toMatchObject({ hidden: true, requiredWhen: { native: '$(Price > 100)' } });
    expect(byId.get('Discount')?.requiredWhen?.comparison).toBeUndefined();
    expect((form.raw as { parameters: unknown[] }).parameters).toHaveLength(PARAMS.length);
    await ivanti.catalog.form(IDS.offering.toLowerCase());
    expect(calls).toHaveLength(1);
    expect(await failure(ivanti.catalog.form('Laptop'))).toMatchObject({ field: 'itemId' });
  });
});

describe('catalog.choices', () => {
  it('reads a validation list, a dependent one with the answers it needs, and the employees of a user picker', async () => {
    routeForm();
    const lists = routeLists();
    const ivanti = connector();
    expect(await ivanti.catalog.choices(IDS.offering, 'DeviceType').toArray({ limit: 10 })).toEqual([
      { id: '10000000000000000000000000000001', label: 'Laptop' },
      { id: '10000000000000000000000000000002', label: 'Tablet' },
    ]);
    expect(await ivanti.catalog.choices(IDS.offering, 'DeviceModel', { answers: { DeviceType: 'Laptop' } }).toArray({ limit: 10 })).toEqual([{ id: '20000000000000000000000000000001', label: 'Lenovo ThinkPad X1' }]);
    expect(await ivanti.catalog.choices(IDS.offering, 'DeviceModel').toArray({ limit: 10 })).toEqual([]);
    expect(await ivanti.catalog.choices(IDS.offering, 'Manager', { search: 'maria' }).toArray({ limit: 10 })).toEqual([{ id: IDS.employee2, label: 'Maria Lopez (maria@example.com)' }]);
    expect(lists.map((call) => [call.param, call.constraints.map((constraint) => constraint.value), call.query])).toEqual([
      [rec(8), [], ''],
      [rec(9), ['Laptop'], ''],
      [rec(9), [null], ''],
      [rec(11), [], 'maria'],
    ]);
    expect(await failure(ivanti.catalog.choices(IDS.offering, 'NeededBy').toArray({ limit: 1 }))).toMatchObject({ field: 'fieldId' });
  });
});

describe('catalog.submit', () => {
  const ANSWERS = {
    CostCenter: 'CC-1234',
    Justification: 'Five years old.',
    NeededBy: '2026-03-01',
    InstallBy: '2026-03-01T09:30:00+01:00',
    ExpressDelivery: true,
    DeliveryAddress: '12 Harbour Street',
    DeviceType: 'Laptop',
    DeviceModel: 'Lenovo ThinkPad X1',
    Accessories: ['USB-C dock'],
    Manager: { id: IDS.employee2 },
    PickupTime: '14:00',
  };

  /** The reads of the client's submit, its POST, and the read of the new request. */
  function routeSubmit(answer: unknown, readBack = true) {
    route('GET', `${ODATA}/employees('${IDS.employee}')`, [200, { RecId: IDS.employee, DisplayName: 'Ann Lee', EmployeeLocation: 'Amsterdam', LastModDateTime: '2026-01-02T09:00:00Z' }]);
    route('GET', `/api/rest/Template/${IDS.employee}/_All_`, [200, AVAILABLE]);
    route('GET', `${ODATA}/ServiceReqTemplates('${IDS.offering}')`, [200, OFFERING]);
    route('GET', `${ODATA}/ServiceReqTemplateParams`, [200, { value: PARAMS }]);
    const post = route('POST', '/api/rest/ServiceRequest/new', [200, answer]);
    if (readBack) route('GET', `${ODATA}/servicereqs('${IDS.serviceRequest}')`, [200, { ...incidentBody(), RecId: IDS.serviceRequest, ServiceReqNumber: 10288, Status: 'Submitted', ProfileLink_RecID: IDS.employee }]);
    return post;
  }

  const MADE = { IsSuccess: true, ErrorText: '', ServiceRequests: [{ strRequestRecId: IDS.serviceRequest, strRequestNum: '10288', parameterTemplateParameterIds: { [rec(2)]: 'x' } }] };

  it('raises the request for the employee with every answer as Ivanti wants it, the key in the idempotency field', async () => {
    routeForm();
    routeLists();
    route('GET', `${ODATA}/servicereqs`, [200, { value: [] }]);
    const post = routeSubmit(MADE);
    const ticket = await connector({ idempotencyField: 'IdempotencyKey' }).catalog.submit(IDS.offering, ANSWERS, { forUser: { id: IDS.employee }, idempotencyKey: 'chat-7' });
    expect(ticket).toMatchObject({ provider: 'ivanti', id: IDS.serviceRequest, key: 'SR-10288', type: 'service_request' });
    const body = post[0]?.json() as { parameters: Record<string, string>; serviceReqData: Record<string, unknown>; strUserId: string };
    expect(body.strUserId).toBe(IDS.employee);
    expect(body.serviceReqData).toEqual({ ProfileLink_RecID: IDS.employee, ProfileLink_Category: 'Employee', IdempotencyKey: 'chat-7' });
    expect(body.parameters).toEqual({
      [`par-${rec(2)}`]: 'CC-1234',
      [`par-${rec(3)}`]: 'Five years old.',
      [`par-${rec(4)}`]: '1',
      [`par-${rec(5)}`]: '2026-03-01T00:00:00Z',
      [`par-${rec(6)}`]: '2026-03-01T08:30:00Z',
      [`par-${rec(7)}`]: 'true',
      [`par-${rec(8)}`]: 'Laptop',
      [`par-${rec(8)}-recId`]: '10000000000000000000000000000001',
      [`par-${rec(9)}`]: 'ThinkPad X1',
      [`par-${rec(9)}-recId`]: '20000000000000000000000000000001',
      [`par-${rec(10)}`]: 'Dock',
      [`par-${rec(10)}-recId`]: '30000000000000000000000000000002',
      [`par-${rec(11)}`]: 'Maria Lopez',
      [`par-${rec(11)}-recId`]: IDS.employee2,
      [`par-${rec(12)}`]: '12 Harbour Street',
      [`par-${rec(13)}`]: '14:00',
    });
  });

  it('names every bad answer at once before any request but the form\'s, and refuses a key a stock tenant cannot keep', async () => {
    routeForm();
    const ivanti = connector();
    await ivanti.catalog.form(IDS.offering);
    const error = await failure(ivanti.catalog.submit(IDS.offering, { CostCenter: 'CC-12345', Quantity: 9, NeededBy: 'soon', ExpressDelivery: true, DeviceType: 'Laptop', DeviceModel: 'x', Manager: 'maria@example.com' }, { forUser: 'ann@example.com' }));
    expect(error).toBeInstanceOf(InputError);
    expect(Object.fromEntries((error as InputError).issues.map((issue) => [issue.path.join('.'), issue.message]))).toEqual({
      'answers.CostCenter': '"CostCenter label" must be at most 7 characters (this answer has 8)',
      'answers.Justification': '"Justification label" needs an answer',
      'answers.Quantity': '"Quantity label" must be at most 5',
      'answers.NeededBy': '"NeededBy label" must be a date, such as 2026-03-01',
      'answers.DeliveryAddress': '"DeliveryAddress label" needs an answer',
    });
    expect(await failure(ivanti.catalog.submit(IDS.offering, ANSWERS, { forUser: 'ann@example.com', idempotencyKey: 'chat-8' }))).toBeInstanceOf(UnsupportedError);
  });

  it('checks choices against the validation lists, with the answers a dependent list needs', async () => {
    routeForm();
    const lists = routeLists();
    const error = await failure(connector().catalog.submit(IDS.offering, { ...ANSWERS, DeviceType: 'Tablet', DeviceModel: 'Lenovo ThinkPad X1', Accessories: ['Mouse', 'Stylus'] }, { forUser: { id: IDS.employee } }));
    expect((error as InputError).issues).toEqual([
      { path: ['answers', 'DeviceModel'], message: '"DeviceModel label" has no choices for the answers it depends on (DeviceType label): answer those first, or change them' },
      { path: ['answers', 'Accessories'], message: '"Accessories label" must be one of: Mouse, USB-C dock' },
    ]);
    expect(lists.find((call) => call.param === rec(9))?.constraints).toEqual([{ queryFieldName: 'DeviceType', value: 'Tablet', condition: null }]);
  });

  it("throws Ivanti's refusal (IsSuccess: false) with its text", async () => {
    routeForm();
    routeLists();
    routeSubmit({ IsSuccess: false, ErrorText: "The parameter 'CostCenter' is required.", ServiceRequests: [] }, false);
    const error = await failure(connector().catalog.submit(IDS.offering, ANSWERS, { forUser: { id: IDS.employee } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ messages: ["The parameter 'CostCenter' is required."], outcome: 'not_applied' });
  });

  it('never sends a submit twice: a lost answer on a stock tenant names the requests that fit the call', async () => {
    routeForm();
    routeLists();
    route('GET', `${ODATA}/employees('${IDS.employee}')`, [200, { RecId: IDS.employee, DisplayName: 'Ann Lee', LastModDateTime: '2026-01-02T09:00:00Z' }]);
    route('GET', `/api/rest/Template/${IDS.employee}/_All_`, [200, AVAILABLE]);
    route('GET', `${ODATA}/ServiceReqTemplates('${IDS.offering}')`, [200, OFFERING]);
    route('GET', `${ODATA}/ServiceReqTemplateParams`, [200, { value: PARAMS }]);
    nock(TENANT).post('/api/rest/ServiceRequest/new').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const candidates = route('GET', `${ODATA}/servicereqs`, [200, { value: [{ RecId: IDS.serviceRequest, ServiceReqNumber: 10288, CreatedDateTime: '2026-03-01T10:00:00Z' }] }]);
    const error = await failure(connector().catalog.submit(IDS.offering, ANSWERS, { forUser: { id: IDS.employee } }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ operation: 'catalog.submit', outcome: 'unknown' });
    expect((error as OutcomeUnknownError).recovery).toContain(`look for a "New Laptop Request" service request for the employee ${IDS.employee}`);
    expect((error as OutcomeUnknownError).recovery).toContain(`SR-10288 (RecId ${IDS.serviceRequest}`);
    expect(candidates[0]?.query.$filter).toMatch(new RegExp(`ProfileLink_RecID eq '${IDS.employee}' and SvcReqTmplLink_RecID eq '${IDS.offering}' and CreatedDateTime ge `));
  });
});
