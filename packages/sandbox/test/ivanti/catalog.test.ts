import { describe, expect, it } from 'vitest';
import { q, type Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 60 });

type Json = Record<string, unknown>;
type Offering = { strSubscriptionId: string; strRecId: string; strName: string; strDescription: string; strCategory: string; strConfigOptions: string };
type Param = Json & { RecId: string; Name: string; DisplayName: string; DisplayType: string; RequiredExpression: string; VisibilityExpression: string; ValidationList_RecID: string | null; ValidationConstraints: string | null; ConfigOptions: string | null; DefaultValue: string | null; Description: string | null };
type Submit = { IsSuccess: boolean; ErrorText: string; ServiceRequests: Json[]; InvalidServiceRequests: Json };

async function offerings(userRecId: string) {
  const reply = await ctx.call('GET', `/api/rest/Template/${userRecId}/_All_`);
  return { status: reply.status, items: reply.status === 200 ? reply.body<Offering[]>() : [] };
}

async function form(templateRecId: string): Promise<Map<string, Param>> {
  const reply = await ctx.call('GET', `/api/odata/businessobject/ServiceReqTemplateParams?$filter=${q(`ParentLink_RecID eq '${templateRecId}'`)}&$orderby=SequenceNum&$top=100`);
  return new Map(reply.body<Page<Param>>().value.map((param) => [param.Name, param]));
}

async function options(param: Param, constraint?: { queryFieldName: string; value: string }, query = ''): Promise<[string, string, string][]> {
  const reply = await ctx.call('POST', `/api/rest/ServiceRequest/${param.RecId}/ValidationList`, {
    json: { constraintParams: constraint === undefined ? [] : [{ ...constraint, condition: null }], parameterConfig: null, query, strCustomerLocation: '', strRecId: param.RecId, strValidationName: '', strValidationRecId: param.ValidationList_RecID ?? '', values: [] },
  });
  expect(reply.status).toBe(200);
  return reply.body();
}

async function submit(body: Json): Promise<Submit> {
  const reply = await ctx.call('POST', '/api/rest/ServiceRequest/new', { json: body });
  expect(reply.status, reply.text).toBe(200);
  return reply.body();
}

/** A complete, valid laptop request; `overrides` replace or (with `undefined`) remove parameters. */
async function laptopRequest(overrides: Record<string, string | undefined> = {}): Promise<Json> {
  const params = await form(ctx.state.facts.laptopOffering.templateRecId);
  const p = (name: string) => params.get(name) as Param;
  const [laptop] = (await options(p('DeviceType'))).filter(([, value]) => value === 'Laptop');
  const [model] = await options(p('DeviceModel'), { queryFieldName: 'DeviceType', value: 'Laptop' });
  const [manager] = await options(p('Manager'), undefined, ctx.state.facts.agent.displayName);
  const accessories = (await options(p('Accessories'))).slice(0, 2);
  const answers: Record<string, string | undefined> = {
    [`par-${p('DeviceType').RecId}`]: 'Laptop',
    [`par-${p('DeviceType').RecId}-recId`]: laptop?.[0],
    [`par-${p('DeviceModel').RecId}`]: model?.[1],
    [`par-${p('DeviceModel').RecId}-recId`]: model?.[0],
    [`par-${p('Accessories').RecId}`]: accessories.map((row) => row[1]).join('~^'),
    [`par-${p('Accessories').RecId}-recId`]: accessories.map((row) => row[0]).join('~^'),
    [`par-${p('Quantity').RecId}`]: '2',
    [`par-${p('NeededBy').RecId}`]: '2026-02-01',
    [`par-${p('BusinessJustification').RecId}`]: 'My laptop is five years old.',
    [`par-${p('CostCenter').RecId}`]: 'CC-1234',
    [`par-${p('Manager').RecId}`]: manager?.[1],
    [`par-${p('Manager').RecId}-recId`]: manager?.[0],
    ...Object.fromEntries(Object.entries(overrides).map(([name, value]) => [name.replace(/^par-([A-Za-z]+)/, (_match, key: string) => `par-${p(key).RecId}`), value])),
  };
  return {
    attachmentsToDelete: [],
    attachmentsToUpload: [],
    parameters: Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)),
    delayedFulfill: false,
    formName: 'ServiceReq.ResponsiveAnalyst.DefaultLayout',
    saveReqState: false,
    serviceReqData: { Subject: 'New laptop for Omar', Symptom: 'Replacement laptop' },
    strCustomerLocation: '',
    strUserId: ctx.state.facts.knownRequester.recId,
    subscriptionId: ctx.state.facts.laptopOffering.subscriptionId,
    localOffset: 0,
  };
}

describe('the catalog', () => {
  it('lists the published offerings an employee may request, with subscription and offering ids', async () => {
    const { knownRequester, laptopOffering, financeOffering, draftOffering } = ctx.state.facts;
    const { status, items } = await offerings(knownRequester.recId);
    expect(status).toBe(200);
    const names = items.map((item) => item.strName);
    expect(names).toContain('New Laptop Request');
    expect(names).toContain('Meeting Room AV Support');
    expect(names).not.toContain(financeOffering.name);
    expect(names).not.toContain(draftOffering.name);
    const laptop = items.find((item) => item.strName === laptopOffering.name);
    expect(laptop).toMatchObject({ strSubscriptionId: laptopOffering.subscriptionId, strRecId: laptopOffering.templateRecId, strCategory: 'Hardware' });
    expect(laptop?.strSubscriptionId).not.toBe(laptop?.strRecId);
    expect(JSON.parse(laptop?.strConfigOptions ?? '{}')).toMatchObject({ columns: 2 });
  });

  it('shows the Finance offering to the Finance department and the onboarding offering to managers only', async () => {
    const { financeEmployee, financeOffering } = ctx.state.facts;
    expect((await offerings(financeEmployee.recId)).items.map((item) => item.strName)).toContain(financeOffering.name);
    const manager = [...ctx.state.tables.employees.rows()].find((row) => row.IsManager === true && row.Status === 'Active');
    expect((await offerings(String(manager?.RecId))).items.map((item) => item.strName)).toContain('New Starter Onboarding');
    expect((await offerings(ctx.state.facts.knownRequester.recId)).items.map((item) => item.strName)).not.toContain('New Starter Onboarding');
    expect((await offerings('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')).status).toBe(204);
  });

  it('lists offerings through OData too (ServiceReqTemplates), drafts included', async () => {
    const reply = await ctx.call('GET', `/api/odata/businessobject/ServiceReqTemplates?$select=RecId,Name,Status&$filter=${q("Status eq 'Published (Automatic)'")}`);
    expect(reply.body<Page>().value.map((row) => row.Name)).not.toContain('VPN Hardware Token');
    const all = await ctx.call('GET', '/api/odata/businessobject/ServiceReqTemplates?$select=Name');
    expect(all.body<Page>().value.map((row) => row.Name)).toContain('VPN Hardware Token');
  });
});

describe('an offering\'s form', () => {
  it('has required fields, help text, defaults, types, patterns, a dependent list, a user picker and a conditional field', async () => {
    const params = await form(ctx.state.facts.laptopOffering.templateRecId);
    expect([...params.values()].map((param) => param.DisplayType)).toEqual(['category', 'combo', 'combo', 'list', 'number', 'date', 'textarea', 'text', 'combo', 'checkbox', 'textarea', 'label']);
    expect(params.get('DeviceType')).toMatchObject({ RequiredExpression: '$(true)', Description: 'What kind of device do you need?' });
    expect(params.get('BusinessJustification')?.RequiredExpression).toBe('true');
    expect(params.get('Accessories')?.RequiredExpression).toBe('$(false)');
    expect(params.get('Quantity')).toMatchObject({ DefaultValue: '1' });
    expect(JSON.parse(params.get('Quantity')?.ConfigOptions ?? '{}')).toEqual({ minValue: 1, maxValue: 5 });
    expect(JSON.parse(params.get('CostCenter')?.ConfigOptions ?? '{}')).toMatchObject({ maxLength: 7, regex: '^CC-\\d{4}$' });
    expect(JSON.parse(params.get('DeviceModel')?.ValidationConstraints ?? '[]')).toEqual([{ ConstraintFieldName: 'DeviceType', FormFieldName: 'DeviceType' }]);
    expect(JSON.parse(params.get('Manager')?.ConfigOptions ?? '{}')).toEqual({ configData: { validationListAdditionalConfig: [{ boName: 'Employee#' }] } });
    expect(params.get('DeliveryAddress')).toMatchObject({ RequiredExpression: '$(ExpressDelivery == true)', VisibilityExpression: '$(ExpressDelivery == true)' });
  });

  it('serves list options as [recId, value, label] rows; a dependent list only once its constraint is given', async () => {
    const params = await form(ctx.state.facts.laptopOffering.templateRecId);
    const types = await options(params.get('DeviceType') as Param);
    expect(types.map(([, value]) => value)).toEqual(['Laptop', 'Desktop', 'Tablet']);
    expect(types[0]?.[0]).toMatch(/^[0-9A-F]{32}$/);
    const model = params.get('DeviceModel') as Param;
    expect(await options(model)).toEqual([]);
    expect((await options(model, { queryFieldName: 'DeviceType', value: 'Tablet' })).map(([, value]) => value)).toEqual(['iPad Air 11', 'Surface Pro 9']);
    expect((await options(model, { queryFieldName: 'DeviceType', value: 'laptop' })).length).toBe(4);
    expect((await options(model, { queryFieldName: 'DeviceType', value: 'Laptop' }, 'think')).map(([, value]) => value)).toEqual(['ThinkPad T14 Gen 4']);
    const picker = await options(params.get('Manager') as Param, undefined, ctx.state.facts.knownRequester.email);
    expect(picker).toEqual([[ctx.state.facts.knownRequester.recId, ctx.state.facts.knownRequester.displayName, `${ctx.state.facts.knownRequester.displayName} (${ctx.state.facts.knownRequester.email})`]]);
    const get = await ctx.call('GET', `/api/rest/ServiceRequest/${model.RecId}/ValidationList`);
    expect(get.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(get.text).toContain('<ArrayOfArrayOfString');
  });
});

describe('submitting a service request', () => {
  it('creates the request for the employee, with the answers stored', async () => {
    const { knownRequester, laptopOffering, serviceAccount } = ctx.state.facts;
    const result = await submit(await laptopRequest());
    expect(result).toMatchObject({ IsSuccess: true, ErrorText: '', InvalidServiceRequests: {} });
    const [request] = result.ServiceRequests;
    expect(request).toMatchObject({ bNew: true, strSubscriptionRecId: laptopOffering.subscriptionId, strName: laptopOffering.name, strIssueRecId: null });
    const recId = String(request?.strRequestRecId);
    const ids = request?.parameterTemplateParameterIds as Record<string, string>;
    expect(Object.keys(ids).length).toBe(9);
    const record = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${recId}')`);
    expect(record.body<Json>()).toMatchObject({
      ServiceReqNumber: Number(request?.strRequestNum),
      Subject: 'New laptop for Omar',
      Status: 'Submitted',
      ProfileLink_RecID: knownRequester.recId,
      SvcReqTmplLink_RecID: laptopOffering.templateRecId,
      CreatedBy: serviceAccount.loginId,
      Service: 'Desktop Service',
      OwnerTeam: 'Desktop Support',
    });
    const answers = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${recId}')/ServiceReqContainsServiceReqParam`);
    const byName = new Map(answers.body<{ value: Json[] }>().value.map((row) => [row.ParameterName, row]));
    expect(byName.get('DeviceType')).toMatchObject({ ParameterValue: 'Laptop', DisplayName: 'Device type' });
    expect(String(byName.get('Accessories')?.ParameterValue)).toContain('~^');
    expect(byName.get('NeededBy')?.ParameterValue).toBe('2026-02-01T00:00:00Z');
    expect(byName.get('ExpressDelivery')?.ParameterValue).toBe('false');
    expect(byName.has('DeliveryAddress')).toBe(false);
  });

  it('saves a draft when saveReqState is true', async () => {
    const result = await submit({ ...(await laptopRequest()), saveReqState: true });
    const recId = String(result.ServiceRequests[0]?.strRequestRecId);
    expect((await ctx.call('GET', `/api/odata/businessobject/servicereqs('${recId}')`)).body<Json>()).toMatchObject({ Status: 'Draft', IsDraft: true });
  });

  it.each<[string, Record<string, string | undefined>, string]>([
    ['a missing required parameter, by name', { 'par-CostCenter': undefined }, "The parameter 'CostCenter' is required."],
    ['a list value without its identifier', { 'par-DeviceType-recId': undefined }, "'Device type' validation list's value was submitted without it's identifier."],
    ['an identifier the dependent list does not hold for the answer it depends on', { 'par-DeviceType': 'Tablet', 'par-DeviceType-recId': 'TABLET' }, ''],
    ['a value over its maximum length', { 'par-BusinessJustification': 'x'.repeat(501) }, "The value of 'Business justification' exceeds the maximum length of 500 characters."],
    ['a value that does not fit the pattern', { 'par-CostCenter': 'CC-12' }, 'Cost center must look like CC-1234.'],
    ['a number out of range', { 'par-Quantity': '9' }, "The value of 'Quantity' must be a number from 1 to 5."],
    ['a date that is not a date', { 'par-NeededBy': 'next week' }, "The value of 'Needed by' is not a valid date."],
    ['a field made required by another answer', { 'par-ExpressDelivery': 'true' }, "The parameter 'DeliveryAddress' is required."],
  ])('refuses %s with HTTP 200 and IsSuccess: false', async (_name, overrides, errorText) => {
    const before = ctx.state.tables.servicereqs.size;
    let body = await laptopRequest(overrides);
    if (overrides['par-DeviceType-recId'] === 'TABLET') {
      const params = await form(ctx.state.facts.laptopOffering.templateRecId);
      const [tablet] = (await options(params.get('DeviceType') as Param)).filter(([, value]) => value === 'Tablet');
      body = { ...body, parameters: { ...(body.parameters as Json), [`par-${params.get('DeviceType')?.RecId}-recId`]: tablet?.[0] } };
      errorText = "'Model' validation list's value is not valid.";
    }
    const result = await submit(body);
    expect(result).toEqual({ IsSuccess: false, ErrorText: errorText, ServiceRequests: [], InvalidServiceRequests: {} });
    expect(ctx.state.tables.servicereqs.size).toBe(before);
  });

  it('accepts the address once express delivery is ticked, and stores only a lowercase "true" as ticked', async () => {
    const result = await submit(await laptopRequest({ 'par-ExpressDelivery': 'true', 'par-DeliveryAddress': 'Reception, Building A' }));
    expect(result.IsSuccess).toBe(true);
    const recId = String(result.ServiceRequests[0]?.strRequestRecId);
    const answers = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${recId}')/ServiceReqContainsServiceReqParam`);
    const byName = new Map(answers.body<{ value: Json[] }>().value.map((row) => [row.ParameterName, row.ParameterValue]));
    expect(byName.get('ExpressDelivery')).toBe('true');
    expect(byName.get('DeliveryAddress')).toBe('Reception, Building A');
    const upper = await submit(await laptopRequest({ 'par-ExpressDelivery': 'True' }));
    const upperAnswers = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${String(upper.ServiceRequests[0]?.strRequestRecId)}')/ServiceReqContainsServiceReqParam`);
    expect(upperAnswers.body<{ value: Json[] }>().value.find((row) => row.ParameterName === 'ExpressDelivery')?.ParameterValue).toBe('false');
  });

  it('refuses an offering the employee is not entitled to, a draft offering and an unknown subscription', async () => {
    const { financeOffering, draftOffering, knownRequester } = ctx.state.facts;
    const base = { parameters: {}, serviceReqData: {}, strUserId: knownRequester.recId };
    expect(await submit({ ...base, subscriptionId: financeOffering.subscriptionId })).toMatchObject({ IsSuccess: false, ErrorText: `The request offering 'Finance System Access' is not available to ${knownRequester.displayName}.` });
    expect(await submit({ ...base, subscriptionId: draftOffering.subscriptionId })).toMatchObject({ IsSuccess: false, ErrorText: "The request offering 'VPN Hardware Token' is not published." });
    expect(await submit({ ...base, subscriptionId: 'NOPE' })).toMatchObject({ IsSuccess: false });
    expect(await submit({ ...base, subscriptionId: financeOffering.templateRecId })).toMatchObject({ IsSuccess: false });
  });

  it('ignores answers keyed by another offering\'s parameters, storing only its own', async () => {
    const { knownRequester } = ctx.state.facts;
    const password = (await offerings(knownRequester.recId)).items.find((item) => item.strName === 'Password Reset');
    const laptop = await laptopRequest();
    const params = await form(String(password?.strRecId));
    const application = params.get('Application') as Param;
    const [salesforce] = await options(application);
    const result = await submit({ ...laptop, subscriptionId: password?.strSubscriptionId, parameters: { ...(laptop.parameters as Json), [`par-${application.RecId}`]: salesforce?.[1], [`par-${application.RecId}-recId`]: salesforce?.[0] } });
    expect(result.IsSuccess).toBe(true);
    const ids = result.ServiceRequests[0]?.parameterTemplateParameterIds as Json;
    expect(Object.keys(ids).sort()).toEqual([application.RecId, params.get('LockedOut')?.RecId].sort());
    const answers = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${String(result.ServiceRequests[0]?.strRequestRecId)}')/ServiceReqContainsServiceReqParam`);
    expect(answers.body<{ value: Json[] }>().value.map((row) => row.ParameterName).sort()).toEqual(['Application', 'LockedOut']);
  });

  it('answers a body without subscriptionId or strUserId with 400', async () => {
    const reply = await ctx.call('POST', '/api/rest/ServiceRequest/new', { json: { parameters: {} } });
    expect(reply.status).toBe(400);
    expect(reply.body<{ message: string[] }>().message).toEqual(["The field 'subscriptionId' is mandatory."]);
  });
});

describe('date-times and localOffset', () => {
  async function storedInstallBy(localOffset: number, value: string): Promise<unknown> {
    const { knownRequester } = ctx.state.facts;
    const software = (await offerings(knownRequester.recId)).items.find((item) => item.strName === 'Software Installation');
    const params = await form(String(software?.strRecId));
    const title = params.get('SoftwareTitle') as Param;
    const [first] = await options(title);
    const result = await submit({
      subscriptionId: software?.strSubscriptionId,
      strUserId: knownRequester.recId,
      localOffset,
      serviceReqData: {},
      parameters: {
        [`par-${title.RecId}`]: first?.[1],
        [`par-${title.RecId}-recId`]: first?.[0],
        [`par-${params.get('Justification')?.RecId}`]: 'Reports',
        [`par-${params.get('InstallBy')?.RecId}`]: value,
      },
    });
    expect(result.IsSuccess).toBe(true);
    const answers = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${String(result.ServiceRequests[0]?.strRequestRecId)}')/ServiceReqContainsServiceReqParam`);
    return answers.body<{ value: Json[] }>().value.find((row) => row.ParameterName === 'InstallBy')?.ParameterValue;
  }

  it('stores a date-time as sent on a UTC tenant with localOffset 0', async () => {
    expect(await storedInstallBy(0, '2026-09-30T00:00:00Z')).toBe('2026-09-30T00:00:00Z');
  });

  it('needs the tenant offset negated: on UTC+2, -120 is right, 0 is two hours early, +120 destroys the value', async () => {
    ctx.state.settings.utcOffsetMinutes = 120;
    expect(await storedInstallBy(-120, '2026-09-30T00:00:00Z')).toBe('2026-09-30T00:00:00Z');
    expect(await storedInstallBy(0, '2026-09-30T00:00:00Z')).toBe('2026-09-29T22:00:00Z');
    expect(await storedInstallBy(120, '2026-09-30T00:00:00Z')).toBe('0001-01-01T00:00:00');
  });

  it('stores a date as the tenant\'s local midnight', async () => {
    ctx.state.settings.utcOffsetMinutes = 60;
    const result = await submit(await laptopRequest({ 'par-NeededBy': '2026-11-01' }));
    const answers = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${String(result.ServiceRequests[0]?.strRequestRecId)}')/ServiceReqContainsServiceReqParam`);
    expect(answers.body<{ value: Json[] }>().value.find((row) => row.ParameterName === 'NeededBy')?.ParameterValue).toBe('2026-10-31T23:00:00Z');
  });
});
