/**
 * Metadata: entityInformation, fields with picklists (status 5 = Complete, dependent sub-issue types,
 * inactive values), user-defined fields.
 */
import { describe, expect, it } from 'vitest';
import { api } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();

interface Field {
  name: string;
  dataType: string;
  isRequired: boolean;
  isReadOnly: boolean;
  isQueryable: boolean;
  isPickList: boolean;
  picklistParentValueField: string;
  picklistValues: { value: string; label: string; isActive: boolean; isSystem: boolean; isDefaultValue: boolean; parentValue: string; sortOrder: number }[];
}

async function fields(entity: string): Promise<Field[]> {
  const reply = await at.call('GET', api(`${entity}/entityInformation/fields`));
  expect(reply.status).toBe(200);
  return reply.body<{ fields: Field[] }>().fields;
}

describe('entityInformation', () => {
  it('says what each entity allows', async () => {
    const info = async (entity: string) => (await at.call('GET', api(`${entity}/entityInformation`))).body<{ info: Record<string, unknown> }>().info;
    expect(await info('Tickets')).toMatchObject({ name: 'Tickets', canCreate: true, canUpdate: true, canDelete: false, canQuery: true, hasUserDefinedFields: true });
    expect(await info('Resources')).toMatchObject({ canCreate: false, canUpdate: true, hasUserDefinedFields: false });
    expect(await info('TicketAttachments')).toMatchObject({ canCreate: true, canUpdate: false, canDelete: true });
  });
});

describe('fields and picklists', () => {
  it('lists the ticket statuses with 5 = Complete, New and Waiting Customer as system values', async () => {
    const status = (await fields('Tickets')).find((field) => field.name === 'status');
    expect(status).toMatchObject({ dataType: 'integer', isRequired: true, isPickList: true });
    const byValue = new Map(status?.picklistValues.map((entry) => [entry.value, entry]));
    expect(byValue.get('5')).toMatchObject({ label: 'Complete', isSystem: true, isActive: true });
    expect(byValue.get('1')).toMatchObject({ label: 'New', isSystem: true, isDefaultValue: true });
    expect(byValue.get('7')).toMatchObject({ label: 'Waiting Customer', isSystem: true });
    expect(byValue.get('8')?.label).toBe('In Progress');
    expect(status?.picklistValues.map((entry) => entry.sortOrder)).toEqual(status?.picklistValues.map((_, index) => index));
  });

  it('gives priorities (one inactive), queues, sources, types, and sub-issue types under their issue type', async () => {
    const all = await fields('Tickets');
    const get = (name: string) => all.find((field) => field.name === name);
    expect(get('priority')?.picklistValues.find((entry) => entry.value === '5')).toMatchObject({ isActive: false });
    expect(get('queueID')?.picklistValues.map((entry) => entry.label)).toContain('Level I Support');
    expect(get('source')?.isPickList).toBe(true);
    expect(get('ticketType')?.picklistValues.map((entry) => entry.label)).toEqual(['Service Request', 'Incident', 'Problem', 'Change Request', 'Alert']);
    const sub = get('subIssueType');
    expect(sub?.picklistParentValueField).toBe('issueType');
    expect(sub?.picklistValues.find((entry) => entry.label === 'VPN')?.parentValue).toBe('3');
    expect(get('creatorType')?.isQueryable).toBe(false);
    expect(get('ticketNumber')?.isReadOnly).toBe(true);
    expect(get('createDate')?.dataType).toBe('datetime');
    expect(get('id')?.dataType).toBe('long');
  });

  it('gives the note types and publish values of TicketNotes', async () => {
    const all = await fields('TicketNotes');
    expect(all.find((field) => field.name === 'publish')?.picklistValues.map((entry) => [entry.value, entry.label])).toEqual([
      ['1', 'All Autotask Users'],
      ['2', 'Internal Only'],
      ['3', 'Internal & Co-managed'],
    ]);
    expect(all.find((field) => field.name === 'noteType')?.picklistValues.find((entry) => entry.value === '13')).toMatchObject({ isActive: false, isSystem: true });
  });

  it('describes the user-defined fields', async () => {
    const reply = await at.call('GET', api('Tickets/entityInformation/userDefinedFields'));
    const udfs = reply.body<{ fields: { name: string; type: string; isPickList: boolean }[] }>().fields;
    expect(udfs.map((udf) => [udf.name, udf.type, udf.isPickList])).toEqual([
      ['Root Cause', 'list', true],
      ['External Reference', 'string', false],
    ]);
    expect((await at.call('GET', api('Resources/entityInformation/userDefinedFields'))).json).toEqual({ fields: [] });
  });
});
