import { InputError, NotFoundError, ResponseShapeError, ValidationError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { ClosedRecordError, odata } from '../../src/index.js';
import { IDS, ODATA, TENANT, client, failure, incidentBody, ismError, route, useNock } from './support.js';

useNock();

const PATH = `${ODATA}/incidents`;
const RECORD = `${PATH}('${IDS.incident}')`;

function rows(count: number, from = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({ RecId: (from + index).toString(16).toUpperCase().padStart(32, '0'), Subject: `Incident ${from + index}` }));
}

describe('get', () => {
  it('reads a record by RecId', async () => {
    route('GET', RECORD, [200, incidentBody()]);
    const incident = await client().incidents.get(IDS.incident);
    expect(incident).toMatchObject({ RecId: IDS.incident, IncidentNumber: 12345, Status: 'Logged', CustomerLocation: 'Amsterdam' });
  });

  it('picks the selected fields itself (Ivanti answers a single-record $select with no fields)', async () => {
    const calls = route('GET', RECORD, [200, incidentBody()]);
    const incident = await client().incidents.get(IDS.incident, { select: ['status', 'Subject'] });
    expect(calls[0]?.search).toBe('');
    expect(incident).toEqual({ RecId: IDS.incident, Status: 'Logged', Subject: 'VPN drops every hour' });
  });

  it('400 ISM_4000 "Invalid key" is a NotFoundError', async () => {
    route('GET', `${PATH}('${IDS.missing}')`, [400, ismError('ISM_4000', 'Invalid Request Payload', 'Invalid key')]);
    const error = await failure(client().incidents.get(IDS.missing));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: 'ivanti', status: 400, messages: ['Invalid key'] });
  });

  it('refuses a key that is not a RecId before any request (it would land inside the OData key)', async () => {
    for (const bad of ["X') or ('1", '', '1234', `${IDS.incident}0`]) {
      const error = await failure(client().incidents.get(bad));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ field: 'recId', provider: 'ivanti' });
    }
  });

  it('refuses unknown options and bad select lists', async () => {
    await expect(client().incidents.get(IDS.incident, { selct: ['x'] } as never)).rejects.toMatchObject({ field: 'selct' });
    await expect(client().incidents.get(IDS.incident, { select: ['Sub ject'] })).rejects.toMatchObject({ field: 'select.0' });
  });
});

describe('list', () => {
  it('pages with $top and $skip until a short page, in RecId order by default, $count only when asked', async () => {
    const calls = route('GET', PATH, (seen) => {
      const skip = Number(seen.query.$skip);
      return [200, { '@odata.context': `${TENANT}/api/odata/$metadata#incidents`, '@odata.count': 250, value: rows(Math.max(0, Math.min(100, 250 - skip)), skip) }];
    }, { times: 3 });
    const all = await client().incidents.list().toArray({ limit: Infinity });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((row) => row.RecId)).size).toBe(250);
    expect(calls.map((call) => [call.query.$top, call.query.$skip, call.query.$orderby])).toEqual([
      ['100', '0', 'RecId asc'],
      ['100', '100', 'RecId asc'],
      ['100', '200', 'RecId asc'],
    ]);
    expect(calls[0]?.query.$count).toBeUndefined();
  });

  it('sends $filter, $select (with RecId), $orderby, $search and $count as asked', async () => {
    const calls = route('GET', PATH, [200, { value: rows(3) }]);
    const filter = odata.and(odata.eq('Status', 'Active'), odata.ge('LastModDateTime', new Date('2026-01-01T00:00:00Z')));
    await client().incidents.list({ filter, select: ['Subject', 'Status'], orderBy: 'LastModDateTime DESC, IncidentNumber', search: 'vpn', count: true, pageSize: 25, skip: 50 }).toArray({ limit: 10 });
    expect(calls[0]?.query).toEqual({
      $filter: "Status eq 'Active' and LastModDateTime ge 2026-01-01T00:00:00.000Z",
      $select: 'RecId,Subject,Status',
      $orderby: 'LastModDateTime desc,IncidentNumber asc',
      $search: 'vpn',
      $count: 'true',
      $top: '25',
      $skip: '50',
    });
  });

  it('hands out @odata.count in each page envelope, and never stops on it (it can be smaller than the page)', async () => {
    const calls = route('GET', PATH, (seen) => [200, { '@odata.count': 2, value: Number(seen.query.$skip) === 0 ? rows(3) : rows(1, 3) }], { times: 2 });
    const pages = [];
    for await (const page of client().incidents.list({ pageSize: 3 }).pages()) pages.push(page);
    expect(pages.map((page) => page.envelope?.['@odata.count'])).toEqual([2, 2]);
    expect(pages.flatMap((page) => page.items)).toHaveLength(4);
    expect(calls).toHaveLength(2);
  });

  it('treats the three "no rows" answers as an empty page: an empty body, a 204, and "No instances found."', async () => {
    route('GET', PATH, [200, '']);
    expect(await client().incidents.list().toArray({ limit: 10 })).toEqual([]);
    route('GET', PATH, [204]);
    expect(await client().incidents.list().toArray({ limit: 10 })).toEqual([]);
    route('GET', `${RECORD}/IncidentContainsJournal`, [200, { '@odata.context': 'x', value: 'No instances found.' }]);
    expect(await client().incidents.related(IDS.incident, 'IncidentContainsJournal').toArray({ limit: 10 })).toEqual([]);
  });

  it('an unexpected string in value is an error, never an empty page', async () => {
    route('GET', PATH, [200, { value: 'Something went wrong' }]);
    const error = await failure(client().incidents.list().toArray({ limit: 10 }));
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as Error).message).toMatch(/Something went wrong/);
  });

  it('refuses what Ivanti would ignore or refuse, at once: functions, a page over 100, bad order or search', () => {
    const ivanti = client();
    expect(() => ivanti.incidents.list({ filter: "contains(Subject,'vpn')" })).toThrow(/silently ignores/);
    expect(() => ivanti.incidents.list({ pageSize: 101 })).toThrow(InputError);
    expect(() => ivanti.incidents.list({ orderBy: 'LastModDateTime downwards' })).toThrow(/orderBy/);
    expect(() => ivanti.incidents.list({ orderBy: [] })).toThrow(/orderBy/);
    expect(() => ivanti.incidents.list({ search: ' ' })).toThrow(/search/);
    expect(() => ivanti.incidents.list({ skip: -1 })).toThrow(/skip/);
    expect(() => ivanti.incidents.list({ filter: 42 as never })).toThrow(/filter/);
    expect(() => ivanti.incidents.list({ top: 5 } as never)).toThrow(/top/);
  });

  it('accepts filter text, checked and normalised', async () => {
    const calls = route('GET', PATH, [200, '']);
    await client().incidents.list({ filter: "Status eq 'Active' and (Priority eq '1' or Priority eq '2')" }).toArray({ limit: 1 });
    expect(calls[0]?.query.$filter).toBe("(Priority eq '1' or Priority eq '2') and Status eq 'Active'");
  });
});

describe('create, update, delete', () => {
  it('creates with the fields given and returns the stored record; a create is never retried', async () => {
    const calls = route('POST', PATH, [201, incidentBody()]);
    const created = await client().incidents.create({ Subject: 'VPN', Symptom: 'Drops', ProfileLink_RecID: IDS.employee, ProfileLink_Category: 'Employee', Category: undefined });
    expect(created.IncidentNumber).toBe(12345);
    expect(calls[0]?.json()).toEqual({ Subject: 'VPN', Symptom: 'Drops', ProfileLink_RecID: IDS.employee, ProfileLink_Category: 'Employee' });
    route('POST', PATH, [503, '']);
    const error = await failure(client().incidents.create({ Subject: 'x' }));
    expect(error).toMatchObject({ status: 503, outcome: 'unknown' });
  });

  it('names the required fields Ivanti wants', async () => {
    route('POST', PATH, [400, ismError('ISM_4000', 'Invalid Request Payload', 'Required field Incident.Description value must be provided.', 'Required field Incident.Customer value must be provided.')]);
    const error = await failure(client().incidents.create({ Subject: 'x' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      'Incident.Description': ['Required field Incident.Description value must be provided.'],
      'Incident.Customer': ['Required field Incident.Customer value must be provided.'],
    });
  });

  it('refuses bad field values before any request', async () => {
    await expect(client().incidents.create({})).rejects.toMatchObject({ field: 'fields' });
    await expect(client().incidents.create({ 'Bad Name': 1 })).rejects.toMatchObject({ field: 'fields.Bad Name' });
    await expect(client().incidents.create({ RecId: IDS.incident })).rejects.toMatchObject({ field: 'fields.RecId' });
    await expect(client().incidents.create({ Subject: { nested: true } as never })).rejects.toMatchObject({ field: 'fields.Subject' });
    await expect(client().incidents.create({ Count: Number.POSITIVE_INFINITY })).rejects.toMatchObject({ field: 'fields.Count' });
  });

  it('updates with PATCH after checking the record is not closed; PUT on request', async () => {
    route('GET', RECORD, [200, incidentBody()], { times: 2 });
    const patch = route('PATCH', RECORD, [200, incidentBody({ Subject: 'New' })]);
    expect((await client().incidents.update(IDS.incident, { Subject: 'New', ResolvedDateTime: new Date('2026-01-05T10:00:00Z') })).Subject).toBe('New');
    expect(patch[0]?.json()).toEqual({ Subject: 'New', ResolvedDateTime: '2026-01-05T10:00:00.000Z' });
    const put = route('PUT', RECORD, [200, incidentBody()]);
    await client().incidents.update(IDS.incident, { Subject: 'New' }, { method: 'PUT' });
    expect(put).toHaveLength(1);
  });

  it('refuses to update a closed record before writing (Ivanti would store it), unless allowClosed', async () => {
    route('GET', RECORD, [200, incidentBody({ Status: 'Closed', ReadOnly: true })]);
    const error = await failure(client().incidents.update(IDS.incident, { Subject: 'Late edit' }));
    expect(error).toBeInstanceOf(ClosedRecordError);
    expect(error).toMatchObject({ provider: 'ivanti', outcome: 'not_applied', businessObject: 'incidents', recId: IDS.incident, status: 'Closed' });
    expect((error as Error).message).toMatch(/allowClosed/);
    const patch = route('PATCH', RECORD, [200, incidentBody({ Status: 'Closed', ReadOnly: true })]);
    await client().incidents.update(IDS.incident, { Subject: 'Late edit' }, { allowClosed: true });
    expect(patch).toHaveLength(1);
  });

  it('update of a missing record is a NotFoundError ("Record … cannot be found")', async () => {
    route('PATCH', `${PATH}('${IDS.missing}')`, [400, ismError('ISM_4000', 'Invalid Request Payload', `Record '${IDS.missing}' cannot be found in the business object 'incident'`)]);
    await expect(client().incidents.update(IDS.missing, { Subject: 'x' }, { allowClosed: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('deletes; Ivanti refuses a closed record with 400', async () => {
    route('DELETE', RECORD, [204]);
    await client().incidents.delete(IDS.incident);
    route('DELETE', RECORD, [400, ismError('ISM_4000', 'Invalid Request Payload', `The record Incident# '${IDS.incident}' is read-only and cannot be deleted.`)]);
    await expect(client().incidents.delete(IDS.incident)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('relationships', () => {
  it('reads related records page by page, dropping a page a relationship repeats', async () => {
    const page = rows(2);
    // Every request gets the same page, as from a relationship that ignores $skip.
    const calls = route('GET', `${RECORD}/IncidentContainsJournal`, [200, { value: page }], { times: 2 });
    const related = await client().incidents.related(IDS.incident, 'IncidentContainsJournal', { pageSize: 2 }).toArray({ limit: 10 });
    expect(related.map((row) => row.RecId)).toEqual(page.map((row) => row.RecId));
    expect(calls.map((call) => call.query.$skip)).toEqual(['0', '2']);
  });

  it('links and unlinks with $Ref; refuses to unlink an attachment (it would orphan the file)', async () => {
    const link = route('PATCH', `${RECORD}/IncidentContainsJournal('${IDS.note}')/$Ref`, [200, { code: 'ISM_2000', description: 'Ok', message: ['Successfully Created the link'], help: '' }]);
    expect(await client().incidents.link(IDS.incident, 'IncidentContainsJournal', IDS.note)).toMatchObject({ code: 'ISM_2000' });
    expect(link[0]?.text).toBe('');
    route('DELETE', `${RECORD}/IncidentContainsJournal('${IDS.note}')/$Ref`, [200, { code: 'ISM_2000', description: 'Ok', message: ['Successfully deleted the link'] }]);
    await client().incidents.unlink(IDS.incident, 'IncidentContainsJournal', IDS.note);
    await expect(client().incidents.unlink(IDS.incident, 'IncidentContainsAttachment', IDS.attachment)).rejects.toMatchObject({ field: 'relationship' });
    route('PATCH', `${RECORD}/IncidentContainsJournal('${IDS.missing}')/$Ref`, [400, ismError('ISM_4000', 'Invalid Request Payload', "Record '1234' cannot be found in the related business object 'Journal#'.")]);
    await expect(client().incidents.link(IDS.incident, 'IncidentContainsJournal', IDS.missing)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('quick actions and metadata', () => {
  it('posts the documented body, with the prompts', async () => {
    const actionId = '3492dbcc-e502-44fd-9790-e3e45cb26c45';
    const calls = route('POST', `${RECORD}/Close_Incident`, [200, { saved: true, status: 'ok' }]);
    await client().incidents.quickAction(IDS.incident, 'Close_Incident', {
      actionId,
      prompts: [{ fieldName: 'CauseCode', value: 'Training', label: 'Select Cause Code', validList: 'Incident Cause Code', fieldType: 'list', required: true }],
    });
    expect(calls[0]?.json()).toEqual({
      ActionId: actionId,
      ShouldSave: true,
      ActionParams: { FormParams: { actionId, actualObjectType: 'Incident#', objectId: IDS.incident }, GridParams: null },
      PromptParams: [{
        __type: 'DataLayer.PromptData', ActionId: null, ActionObjectId: null, PromptObjectId: IDS.incident, ActionObjectType: 'Incident#', PromptObjectType: 'Incident#',
        FieldName: 'CauseCode', Value: 'Training', IsNewPrompt: true, Label: 'Select Cause Code', ValidList: 'Incident Cause Code', FieldType: 'list', Required: true,
      }],
    });
  });

  it('throws the failures Ivanti reports inside a 200 (validationErrors, status "error")', async () => {
    const actionId = '3492dbcc-e502-44fd-9790-e3e45cb26c45';
    route('POST', `${RECORD}/Close_Incident`, [200, { saved: false, validationErrors: { [IDS.incident]: { fieldErrors: { CauseCode: { fieldMessages: ['Cause Code is required'] } } } } }]);
    const error = await failure(client().incidents.quickAction(IDS.incident, 'Close_Incident', { actionId }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 200, fieldErrors: { CauseCode: ['Cause Code is required'] } });
    route('POST', `${RECORD}/Reopen_Incident`, [200, { saved: true, status: 'error' }]);
    await expect(client().incidents.quickAction(IDS.incident, 'Reopen_Incident', { actionId })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a bad action id or an unknown object type before any request', async () => {
    await expect(client().incidents.quickAction(IDS.incident, 'Close_Incident', { actionId: 'nope' })).rejects.toMatchObject({ field: 'input.actionId' });
    await expect(client().businessObject('CIs').quickAction(IDS.incident, 'Retire', { actionId: '3492dbcc-e502-44fd-9790-e3e45cb26c45' })).rejects.toMatchObject({ field: 'input.objectType' });
    await expect(client().incidents.quickAction(IDS.incident, 'Close Incident', { actionId: '3492dbcc-e502-44fd-9790-e3e45cb26c45' })).rejects.toMatchObject({ field: 'action' });
  });

  it('reads $metadata as XML (JSON gives a 500 on Ivanti)', async () => {
    const calls = route('GET', '/api/odata/incidents/$metadata', [200, '<edmx:Edmx/>', { 'content-type': 'application/xml' }]);
    expect(await client().incidents.metadata()).toBe('<edmx:Edmx/>');
    expect(calls[0]?.headers.get('accept')).toBe('application/xml');
  });

  it('refuses an entity set that is not a name', () => {
    expect(() => client().businessObject('incidents?$top=1')).toThrow(InputError);
  });
});
