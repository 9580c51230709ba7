/**
 * The category mapper: tables keyed by id (string or number) or normalised name; overrides over
 * defaults; then the fallback.
 */
import { describe, expect, it } from 'vitest';
import type { StatusCategory } from '../../src/model.js';
import { createCategoryMapper, normaliseName } from '../../src/provider/category-mapper.js';

describe('createCategoryMapper', () => {
  it('maps numeric picklist values by id, whatever their label (Autotask)', () => {
    const status = createCategoryMapper<StatusCategory>({ defaults: { 5: 'resolved', new: 'open' }, overrides: { 12: 'closed' }, fallback: 'unknown' });
    expect(status({ id: 5, name: 'Complete' })).toBe('resolved');
    expect(status({ id: '5' })).toBe('resolved');
    expect(status({ id: 12, name: 'Archived' })).toBe('closed');
    expect(status({ id: 1, name: '  NEW ' })).toBe('open');
    expect(status({ id: 99, name: 'Custom' })).toBe('unknown');
  });

  it('maps names case- and space-insensitively, overrides first (Ivanti)', () => {
    const status = createCategoryMapper<StatusCategory>({
      defaults: { logged: 'open', active: 'in_progress', 'waiting for customer': 'waiting_for_user', resolved: 'resolved' },
      overrides: { Active: 'open' },
      fallback: 'unknown',
    });
    expect(status({ name: 'Waiting  for Customer' })).toBe('waiting_for_user');
    expect(status({ name: 'active' })).toBe('open');
    expect(status({})).toBe('unknown');
  });

  it('prefers an id match over a name match within a table, and a table over the fallback function', () => {
    const type = createCategoryMapper<string, { id?: string; name: string; group: string }>({
      overrides: { '10': 'by-id', Bug: 'by-name' },
      fallback: (native) => `fallback:${native.group}`,
    });
    expect(type({ id: '10', name: 'Bug', group: 'g' })).toBe('by-id');
    expect(type({ id: '11', name: 'bug', group: 'g' })).toBe('by-name');
    expect(type({ id: '12', name: 'Epic', group: 'g' })).toBe('fallback:g');
  });

  it('never reads inherited keys', () => {
    const status = createCategoryMapper<StatusCategory>({ defaults: {}, fallback: 'unknown' });
    expect(status({ name: 'constructor' })).toBe('unknown');
    expect(status({ name: 'toString' })).toBe('unknown');
  });

  it('normaliseName folds case, white space and typographic apostrophes', () => {
    expect(normaliseName("  Won\u2019t   Do ")).toBe("won't do");
  });
});
