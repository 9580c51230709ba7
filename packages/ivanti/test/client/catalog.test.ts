import { InputError, ItsmError, ValidationError } from '@itsm/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { expressionValue, parameterKind, tenantOffsetMinutesForTest } from './catalog-imports.js';
import { IDS, ODATA, TENANT, client, failure, route, useNock } from './support.js';

useNock();

const DEVICE_TYPE = IDS.param;
const MODEL = IDS.param2;
const NEEDED_BY = 'AAAA0000BBBB1111CCCC2222DDDD3333';
const EXPRESS = 'BBBB0000CCCC1111DDDD2222EEEE3333';
const ACCESSORIES = 'CCCC0000DDDD1111EEEE2222FFFF3333';
const HEADING = 'DDDD0000EEEE1111FFFF222200003333';
const DELIVERY = 'EEEE0000FFFF11110000222211113333';

function param(recId: string, name: string, displayType: string, sequence: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { RecId: recId, Name: name, DisplayName: name, DisplayType: displayType, SequenceNum: sequence, ParentLink_RecID: IDS.offering, RequiredExpression: null, VisibilityExpression: null, ValidationConstraints: null, ConfigOptions: null, DefaultValue: null, ...fields };
}

const FORM = [
  param(HEADING, 'DeviceSection', 'category', 0),
  param(DEVICE_TYPE, 'DeviceType', 'combo', 1, { RequiredExpression: '$(true)', ValidationList_RecID: 'F0000000000000000000000000000001' }),
  param(MODEL, 'DeviceModel', 'combo', 2, { RequiredExpression: 'true', ValidationList_RecID: 'F0000000000000000000000000000002', ValidationConstraints: JSON.stringify([{ ConstraintFieldName: 'DeviceType', FormFieldName: 'DeviceType' }]) }),
  param(ACCESSORIES, 'Accessories', 'list', 3, { ValidationList_RecID: 'F0000000000000000000000000000003', ConfigOptions: '{"multi":true}' }),
  param(NEEDED_BY, 'NeededBy', 'date', 4, { RequiredExpression: '$(true)' }),
  param(EXPRESS, 'ExpressDelivery', 'checkbox', 5, { DefaultValue: 'false' }),
  param(DELIVERY, 'DeliveryAddress', 'textarea', 6, { RequiredExpression: '$(ExpressDelivery == true)', VisibilityExpression: '$(ExpressDelivery == true)' }),
];

const OFFERING = { RecId: IDS.offering, Name: 'New Laptop Request', Description: 'A laptop.', Status: 'Published (Automatic)', Category: 'Hardware' };
const AVAILABLE = [{ strSubscriptionId: IDS.subscription, strRecId: IDS.offering, strName: 'New Laptop Request', strDescription: 'A laptop.', strCategory: 'Hardware', strConfigOptions: '{}' }];

function routeForm(): void {
  route('GET', `${ODATA}/ServiceReqTemplates('${IDS.offering}')`, [200, OFFERING]);
  route('GET', `${ODATA}/ServiceReqTemplateParams`, [200, { value: FORM }]);
}

/** Answers the validation-list reads of the form's choices (any number of them, or none), recording them. */
function routeOptions(): { path: string; body: { constraintParams: { queryFieldName: string; value: string | null }[] } }[] {
  const calls: { path: string; body: { constraintParams: { queryFieldName: string; value: string | null }[] } }[] = [];
  nock(TENANT)
    .post(/^\/api\/rest\/ServiceRequest\/[0-9A-F]{32}\/ValidationList$/)
    .optionally()
    .times(10)
    .reply(async (request: Request) => {
      const path = new URL(request.url).pathname;
      const parsed = (await request.json()) as { constraintParams: { queryFieldName: string; value: string | null }[] };
      calls.push({ path, body: parsed });
      const param = path.split('/')[4];
      const json = { 'content-type': 'application/json' };
      if (param === DEVICE_TYPE) return [200, JSON.stringify([['10000000000000000000000000000001', 'Laptop', 'Laptop computer'], ['10000000000000000000000000000002', 'Tablet', 'Tablet']]), json] as const;
      if (param === MODEL) return [200, JSON.stringify(parsed.constraintParams[0]?.value === 'Laptop' ? [['20000000000000000000000000000001', 'ThinkPad X1', 'Lenovo ThinkPad X1']] : []), json] as const;
      return [200, JSON.stringify([['30000000000000000000000000000001', 'Mouse', 'Mouse'], ['30000000000000000000000000000002', 'Dock', 'USB-C dock']]), json] as const;
    });
  return calls;
}

describe('request offerings', () => {
  it("lists an employee's available offerings; a 204 is an empty list", async () => {
    const calls = route('GET', `/api/rest/Template/${IDS.employee}/_All_`, [[200, AVAILABLE], [204]]);
    expect(await client().requestOfferings.available(IDS.employee)).toMatchObject([{ strSubscriptionId: IDS.subscription, strRecId: IDS.offering, strName: 'New Laptop Request' }]);
    expect(await client().requestOfferings.available(IDS.employee)).toEqual([]);
    expect(calls).toHaveLength(2);
    await expect(client().requestOfferings.available('ann')).rejects.toMatchObject({ field: 'employeeRecId' });
  });

  it('lists the published offerings only', async () => {
    route('GET', `${ODATA}/ServiceReqTemplates`, [200, { value: [OFFERING, { ...OFFERING, RecId: IDS.option, Status: 'Draft' }, { ...OFFERING, RecId: IDS.param, Status: 'Published' }] }]);
    const published = await client().requestOfferings.published().toArray({ limit: 10 });
    expect(published.map((offering) => offering.RecId)).toEqual([IDS.offering, IDS.param]);
  });

  it("reads an offering's form in order: kinds, required, constraints, options", async () => {
    routeForm();
    const { offering, parameters } = await client().requestOfferings.form(IDS.offering);
    expect(offering.Name).toBe('New Laptop Request');
    expect(parameters.map((parameter) => [parameter.name, parameter.kind, parameter.required])).toEqual([
      ['DeviceSection', 'layout', false],
      ['DeviceType', 'choice', true],
      ['DeviceModel', 'choice', true],
      ['Accessories', 'multiChoice', false],
      ['NeededBy', 'date', true],
      ['ExpressDelivery', 'checkbox', false],
      ['DeliveryAddress', 'text', 'conditional'],
    ]);
    expect(parameters[2]?.constraints).toEqual([{ listField: 'DeviceType', parameter: 'DeviceType' }]);
    expect(parameters[3]?.config).toEqual({ multi: true });
    expect(parameters[5]?.defaultValue).toBe('false');
  });

  it("reads a choice's options with a POST (a read: it is retried), giving the answers a dependent list needs", async () => {
    routeForm();
    const { parameters } = await client().requestOfferings.form(IDS.offering);
    const calls = route('POST', `/api/rest/ServiceRequest/${MODEL}/ValidationList`, [[503, ''], [200, [['20000000000000000000000000000001', 'ThinkPad X1', 'Lenovo ThinkPad X1'], ['20000000000000000000000000000002', 'XPS', null]]]]);
    const options = await client().requestOfferings.validationList(parameters[2]!, { answers: { DeviceType: 'Laptop' }, query: 'x' });
    expect(options).toEqual([
      { recId: '20000000000000000000000000000001', value: 'ThinkPad X1', label: 'Lenovo ThinkPad X1' },
      { recId: '20000000000000000000000000000002', value: 'XPS', label: 'XPS' },
    ]);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.json()).toEqual({
      constraintParams: [{ queryFieldName: 'DeviceType', value: 'Laptop', condition: null }],
      parameterConfig: null,
      query: 'x',
      strCustomerLocation: '',
      strRecId: MODEL,
      strValidationName: '',
      strValidationRecId: 'F0000000000000000000000000000002',
      values: [],
    });
  });

  it('builds the direct link from the offering RecId, as the tenant hands out', async () => {
    expect(await client().requestOfferings.directLink(IDS.offering)).toBe(`${TENANT}/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=${IDS.offering}`);
    await expect(client().requestOfferings.directLink('Laptop')).rejects.toBeInstanceOf(InputError);
  });

  it('reads expressions and display types', () => {
    expect([expressionValue('true'), expressionValue('$(true)'), expressionValue('$(false)'), expressionValue(''), expressionValue(null), expressionValue('$(A == "b")')]).toEqual([true, true, false, false, false, 'conditional']);
    expect([parameterKind('Combo'), parameterKind('dropdown'), parameterKind('multiselect'), parameterKind('rowaligner'), parameterKind('richtext'), parameterKind(undefined)]).toEqual(['choice', 'choice', 'multiChoice', 'layout', 'text', 'text']);
    expect([tenantOffsetMinutesForTest('2020-08-12T16:33:37-07:00'), tenantOffsetMinutesForTest('2026-01-01T00:00:00Z'), tenantOffsetMinutesForTest('2026-01-01T00:00:00+05:30'), tenantOffsetMinutesForTest('x')]).toEqual([-420, 0, 330, undefined]);
  });
});

describe('submitting a service request', () => {
  function routeSubmit(answer: unknown = { IsSuccess: true, ErrorText: '', ServiceRequests: [{ bNew: true, strSubscriptionRecId: IDS.subscription, strRequestRecId: IDS.serviceRequest, strRequestNum: '10288', parameterTemplateParameterIds: { [DEVICE_TYPE]: 'x' } }], InvalidServiceRequests: {} }) {
    route('GET', `${ODATA}/employees('${IDS.employee}')`, [200, { RecId: IDS.employee, DisplayName: 'Ann Lee', EmployeeLocation: 'Amsterdam - Head Office', LastModDateTime: '2026-01-02T09:00:00+02:00' }]);
    route('GET', `/api/rest/Template/${IDS.employee}/_All_`, [200, AVAILABLE]);
    routeForm();
    return route('POST', '/api/rest/ServiceRequest/new', [200, answer]);
  }

  it('encodes the answers as Ivanti wants them, looking choices up by value or label with the answers they depend on', async () => {
    const submit = routeSubmit();
    const lookups = routeOptions();
    const created = await client().serviceRequests.submit({
      offering: IDS.offering,
      requester: IDS.employee,
      answers: { devicetype: 'laptop computer', DeviceModel: 'ThinkPad X1', Accessories: ['Mouse', { value: 'Dock', recId: '30000000000000000000000000000002' }], NeededBy: '2026-03-01', ExpressDelivery: true, DeliveryAddress: 'Main St 1' },
      fields: { Subject: 'New laptop for Ann' },
    });
    expect(created).toMatchObject({ recId: IDS.serviceRequest, number: '10288', subscriptionId: IDS.subscription });
    const body = submit[0]?.json() as Record<string, unknown>;
    expect(body).toEqual({
      attachmentsToDelete: [],
      attachmentsToUpload: [],
      parameters: {
        [`par-${DEVICE_TYPE}`]: 'Laptop',
        [`par-${DEVICE_TYPE}-recId`]: '10000000000000000000000000000001',
        [`par-${MODEL}`]: 'ThinkPad X1',
        [`par-${MODEL}-recId`]: '20000000000000000000000000000001',
        [`par-${ACCESSORIES}`]: 'Mouse~^Dock',
        [`par-${ACCESSORIES}-recId`]: '30000000000000000000000000000001~^30000000000000000000000000000002',
        [`par-${NEEDED_BY}`]: '2026-03-01T00:00:00Z',
        [`par-${EXPRESS}`]: 'true',
        [`par-${DELIVERY}`]: 'Main St 1',
      },
      delayedFulfill: false,
      formName: 'ServiceReq.ResponsiveAnalyst.DefaultLayout',
      saveReqState: false,
      serviceReqData: { ProfileLink_RecID: IDS.employee, ProfileLink_Category: 'Employee', Subject: 'New laptop for Ann' },
      strCustomerLocation: 'Amsterdam - Head Office',
      strUserId: IDS.employee,
      subscriptionId: IDS.subscription,
      localOffset: -120,
    });
    const model = lookups.find((call) => call.path.includes(MODEL));
    expect(model?.body.constraintParams).toEqual([{ queryFieldName: 'DeviceType', value: 'Laptop', condition: null }]);
  });

  it("throws Ivanti's refusal (a 200 with IsSuccess: false) as a ValidationError, not a success", async () => {
    routeSubmit({ IsSuccess: false, ErrorText: "The parameter 'CostCenter' is required.", ServiceRequests: [] });
    routeOptions();
    const error = await failure(client().serviceRequests.submit({ offering: IDS.offering, requester: IDS.employee, answers: { DeviceType: 'Laptop', DeviceModel: 'ThinkPad X1', NeededBy: new Date('2026-03-01T00:00:00Z') }, localOffset: 0 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 200, outcome: 'not_applied', messages: ["The parameter 'CostCenter' is required."] });
  });

  it('says when Ivanti created the request but applied none of the answers', async () => {
    routeSubmit({ IsSuccess: true, ErrorText: '', ServiceRequests: [{ strRequestRecId: IDS.serviceRequest, strRequestNum: 10288, parameterTemplateParameterIds: {} }] });
    routeOptions();
    const error = await failure(client().serviceRequests.submit({ offering: AVAILABLE[0]!, requester: IDS.employee, answers: { DeviceType: 'Laptop', DeviceModel: 'ThinkPad X1', NeededBy: '2026-03-01' } }));
    expect(error).toBeInstanceOf(ItsmError);
    expect(error).toMatchObject({ outcome: 'applied' });
    expect((error as Error).message).toMatch(/10288.*none of the answers/);
  });

  it('refuses before writing: an unknown parameter, a missing required answer, an option that does not exist, the wrong kind of answer', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ DeviceType: 'Laptop', DeviceModel: 'ThinkPad X1', NeededBy: '2026-03-01', Colour: 'red' }, 'answers.Colour', /DeviceType, DeviceModel/],
      [{ DeviceType: 'Laptop', NeededBy: '2026-03-01' }, 'answers.DeviceModel', /required/],
      [{ DeviceType: 'Laptop', DeviceModel: 'iPad', NeededBy: '2026-03-01' }, 'answers.DeviceModel', /options: ThinkPad X1/],
      [{ DeviceType: 'Laptop', DeviceModel: 'ThinkPad X1', NeededBy: 'next week' }, 'answers.NeededBy', /date/],
      [{ DeviceType: ['Laptop', 'Tablet'], DeviceModel: 'ThinkPad X1', NeededBy: '2026-03-01' }, 'answers.DeviceType', /single choice/],
      [{ DeviceType: 'Laptop', DeviceModel: 'ThinkPad X1', NeededBy: '2026-03-01', ExpressDelivery: 'yes' }, 'answers.ExpressDelivery', /true or false/],
    ];
    for (const [answers, field, message] of cases) {
      const submit = routeSubmit();
      routeOptions();
      const error = (await failure(client().serviceRequests.submit({ offering: IDS.offering, requester: IDS.employee, answers: answers as never }))) as InputError;
      expect(error, field).toBeInstanceOf(InputError);
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(submit).toHaveLength(0);
      nock.cleanAll();
    }
  });

  it('refuses an offering the employee may not request', async () => {
    route('GET', `${ODATA}/employees('${IDS.employee}')`, [200, { RecId: IDS.employee, DisplayName: 'Ann Lee' }]);
    route('GET', `/api/rest/Template/${IDS.employee}/_All_`, [204]);
    const error = await failure(client().serviceRequests.submit({ offering: IDS.offering, requester: IDS.employee }));
    expect(error).toMatchObject({ field: 'request.offering' });
    expect((error as Error).message).toMatch(/not available to employee Ann Lee/);
    await expect(client().serviceRequests.submit({ offering: IDS.offering, requester: IDS.employee, answer: {} } as never)).rejects.toMatchObject({ field: 'request.answer' });
  });
});
