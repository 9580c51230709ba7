import { describe, expect, it } from 'vitest';
import { AUTOTASK_STATUS_COMPLETE } from '../../src/index.js';
import { api, fixedClient, useNock } from './support.js';

useNock();

const value = (v: string, label: string, extra: Record<string, unknown> = {}) => ({ value: v, label, isDefaultValue: false, sortOrder: 0, parentValue: '', isActive: true, isSystem: false, ...extra });

const FIELDS = {
  fields: [
    { name: 'id', dataType: 'long', isPickList: false, isRequired: true },
    {
      name: 'status', dataType: 'integer', isPickList: true, picklistValues: [
        value('1', 'New', { isDefaultValue: true, isSystem: true, sortOrder: 1 }),
        value('8', 'In Progress', { sortOrder: 2 }),
        value('5', 'Complete', { isSystem: true, sortOrder: 9 }),
        value('14', 'Old status', { isActive: false, sortOrder: 3 }),
      ],
    },
    { name: 'issueType', dataType: 'integer', isPickList: true, picklistValues: [value('3', 'Network')] },
    { name: 'subIssueType', dataType: 'integer', isPickList: true, picklistParentValueField: 'issueType', picklistValues: [value('301', 'VPN', { parentValue: '3' }), value('101', 'Printer', { parentValue: '1' })] },
    { name: 'attachmentType', dataType: 'string', isPickList: true, picklistValues: [value('FILE_ATTACHMENT', 'File Attachment')] },
  ],
};

describe('picklists', () => {
  it('are read once per entity and looked up by value and label', async () => {
    const calls = api('GET', '/Tickets/entityInformation/fields', [200, FIELDS]);
    const autotask = fixedClient();
    const [first, second] = await Promise.all([autotask.picklists('Tickets'), autotask.tickets.picklists()]);
    expect(second).toBe(first);
    expect(await autotask.picklists('tickets')).toBe(first);
    expect(calls).toHaveLength(1);
    const status = first.require('status');
    expect(status.label(AUTOTASK_STATUS_COMPLETE)).toBe('Complete');
    expect(status.label('8')).toBe('In Progress');
    expect(status.valueOf('  in   PROGRESS ')).toBe(8);
    expect(status.entry('Complete')?.isSystem).toBe(true);
    expect(status.defaultEntry?.value).toBe(1);
    expect(status.active().map((entry) => entry.value)).toEqual([1, 8, 5]);
    expect(status.entries.map((entry) => entry.label)).toEqual(['New', 'In Progress', 'Old status', 'Complete']);
    expect(first.require('subIssueType').under(3).map((entry) => entry.label)).toEqual(['VPN']);
    expect(first.require('subIssueType').parentField).toBe('issueType');
    expect(first.require('attachmentType').valueOf('File Attachment')).toBe('FILE_ATTACHMENT');
    expect(first.get('id')).toBeUndefined();
    expect(first.names).toEqual(['status', 'issueType', 'subIssueType', 'attachmentType']);
  });

  it('refuses an unknown or inactive value with the active ones listed', async () => {
    api('GET', '/Tickets/entityInformation/fields', [200, FIELDS]);
    const status = (await fixedClient().picklists('Tickets')).require('status');
    expect(() => status.require('Old status', 'input.status')).toThrow(/"Old status" is not an active status of this Autotask tenant \(active: New \(1\), In Progress \(8\), Complete \(5\)\)/);
    expect(() => status.require(99, 'input.status')).toThrow(/is not a status/);
    expect(status.require('new', 'x').value).toBe(1);
  });

  it('are read again when asked', async () => {
    const calls = api('GET', '/Tickets/entityInformation/fields', [200, FIELDS], { times: 2 });
    const autotask = fixedClient();
    await autotask.picklists('Tickets');
    await autotask.picklists('Tickets', { refresh: true });
    expect(calls).toHaveLength(2);
    await expect(autotask.picklists('Tickets').then((lists) => lists.require('nope'))).rejects.toThrow(/not a picklist field of Tickets/);
  });
});
