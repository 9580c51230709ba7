import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import {
  CommentInputSchema,
  CreateTicketInputSchema,
  FileInputSchema,
  parseInput,
  resolvePersonInput,
  TicketQuerySchema,
  TransitionOptionsSchema,
  UpdateTicketInputSchema,
} from '../src/inputs.js';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseInput', () => {
  it('returns the parsed value, trimmed', () => {
    expect(parseInput(CreateTicketInputSchema, { subject: '  VPN down ' }, 'input')).toEqual({ subject: 'VPN down' });
  });

  it('names the missing field', () => {
    const error = inputError(() => parseInput(CreateTicketInputSchema, {}, 'input'));
    expect(error.field).toBe('input.subject');
    expect(error.message).toContain('input.subject');
  });

  it('names an empty field', () => {
    expect(inputError(() => parseInput(CreateTicketInputSchema, { subject: '   ' }, 'input')).field).toBe('input.subject');
  });

  it('names a nested field', () => {
    const error = inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', requester: { email: 'nope' } }, 'input'));
    expect(error.field).toMatch(/^input\.requester/);
  });

  it('names an unknown field instead of dropping it', () => {
    const error = inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', sujbect: 'typo' }, 'input'));
    expect(error.field).toBe('input.sujbect');
    expect(error.message).toContain('is not a known field');
  });

  it('lists every problem', () => {
    const error = inputError(() => parseInput(CreateTicketInputSchema, { subject: '', priority: 'urgent' }, 'input'));
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['input.subject', 'input.priority']));
  });

  it('works without a root name', () => {
    expect(inputError(() => parseInput(CommentInputSchema, { body: '' })).field).toBe('body');
  });

  it('reports any non-object input as an InputError (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()), (value) => {
        expect(() => parseInput(CreateTicketInputSchema, value, 'input')).toThrow(InputError);
      }),
    );
  });
});

describe('schemas', () => {
  it('rejects writing an unknown category or priority', () => {
    expect(inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', status: 'unknown' }, 'input')).field).toBe('input.status');
    expect(inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', priority: 'unknown' }, 'input')).field).toBe('input.priority');
  });

  it('update needs at least one change and points status to transition()', () => {
    expect(() => parseInput(UpdateTicketInputSchema, {}, 'patch')).toThrow(/at least one field/);
    const error = inputError(() => parseInput(UpdateTicketInputSchema, { status: 'resolved' }, 'patch'));
    expect(error.field).toBe('patch.status');
    expect(error.message).toContain('transition()');
    expect(parseInput(UpdateTicketInputSchema, { assignee: null }, 'patch')).toEqual({ assignee: null });
  });

  it('query validates dates, categories and types', () => {
    expect(inputError(() => parseInput(TicketQuerySchema, { updatedSince: '2024-01-01' }, 'query')).field).toBe('query.updatedSince');
    expect(inputError(() => parseInput(TicketQuerySchema, { updatedSince: new Date('nope') }, 'query')).field).toBe('query.updatedSince');
    expect(inputError(() => parseInput(TicketQuerySchema, { categories: [] }, 'query')).field).toBe('query.categories');
    expect(parseInput(TicketQuerySchema, { updatedSince: '2024-01-01T00:00:00Z', type: ['incident'] }, 'query')).toBeTruthy();
  });

  it('comment visibility defaults to public', () => {
    expect(parseInput(CommentInputSchema, { body: 'hi' })).toEqual({ body: 'hi', visibility: 'public' });
    expect(inputError(() => parseInput(CommentInputSchema, { body: 'hi', visibility: 'private' }, 'comment')).field).toBe('comment.visibility');
  });

  it('file input accepts bytes and blobs, and rejects paths and other content', () => {
    expect(parseInput(FileInputSchema, { filename: 'a.txt', content: new Uint8Array([1]) })).toBeTruthy();
    expect(parseInput(FileInputSchema, { filename: 'a.txt', content: Buffer.from('x') })).toBeTruthy();
    expect(parseInput(FileInputSchema, { filename: 'a.txt', content: new Blob(['x']) })).toBeTruthy();
    expect(inputError(() => parseInput(FileInputSchema, { filename: '../etc/passwd', content: new Uint8Array() }, 'file')).field).toBe('file.filename');
    expect(inputError(() => parseInput(FileInputSchema, { filename: 'a.txt', content: 'text' }, 'file')).field).toBe('file.content');
    expect(inputError(() => parseInput(FileInputSchema, { filename: 'a.txt', content: new Uint8Array(), contentType: 'text' }, 'file')).field).toBe('file.contentType');
  });

  it('refuses a patch whose only change is an empty providerFields', () => {
    expect(() => parseInput(UpdateTicketInputSchema, { providerFields: {} }, 'patch')).toThrow(/at least one field/);
    expect(parseInput(UpdateTicketInputSchema, { providerFields: { customfield_1: 'x' } }, 'patch')).toBeTruthy();
  });

  it('refuses a comment visibility without a comment', () => {
    expect(inputError(() => parseInput(TransitionOptionsSchema, { commentVisibility: 'internal' }, 'options')).field).toBe(
      'options.commentVisibility',
    );
  });

  it('transition options are strict', () => {
    expect(inputError(() => parseInput(TransitionOptionsSchema, { coment: 'typo' }, 'options')).field).toBe('options.coment');
  });
});

describe('PersonInputSchema', () => {
  it('rejects a bare string with an @ that is not an email address, instead of reading it as an id', () => {
    for (const typo of ['ann@examplecom', 'ann @example.com', '@example.com']) {
      const error = inputError(() => parseInput(CreateTicketInputSchema, { subject: 'x', requester: typo }, 'input'));
      expect(error.field).toBe('input.requester');
      expect(error.message).toContain('email');
    }
    expect(parseInput(CreateTicketInputSchema, { subject: 'x', requester: { id: 'x@y' } }, 'input')).toBeTruthy();
  });
});

describe('resolvePersonInput', () => {
  it('reads emails and ids', () => {
    expect(resolvePersonInput('ann@example.com')).toEqual({ email: 'ann@example.com' });
    expect(resolvePersonInput('5b10ac8d82e05b22cc7d4ef5')).toEqual({ id: '5b10ac8d82e05b22cc7d4ef5' });
    expect(resolvePersonInput({ id: 'x@y' })).toEqual({ id: 'x@y' });
  });
});
